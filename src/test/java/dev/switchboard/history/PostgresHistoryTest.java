package dev.switchboard.history;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresHistoryTest extends HistoryContract {
    @Override
    DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
