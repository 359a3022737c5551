package dev.switchboard.history;

import dev.switchboard.config.DatabaseSettings;

class SqliteHistoryTest extends HistoryContract {
    @Override
    DatabaseSettings database() {
        return null; // TestApp's temp SQLite file
    }
}
