package dev.switchboard.analytics;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresLocalTimeTest extends LocalTimeContract {
    @Override
    protected DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
