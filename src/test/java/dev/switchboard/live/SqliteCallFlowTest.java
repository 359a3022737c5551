package dev.switchboard.live;

import dev.switchboard.config.DatabaseSettings;

class SqliteCallFlowTest extends CallFlowContract {
    @Override
    DatabaseSettings database() {
        return null; // TestApp's default: a temp SQLite file
    }
}
