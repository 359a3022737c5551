package dev.switchboard.analytics;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresRecountTest extends RecountContract {
    @Override
    DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
