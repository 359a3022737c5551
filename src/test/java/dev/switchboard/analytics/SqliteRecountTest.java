package dev.switchboard.analytics;

import dev.switchboard.config.DatabaseSettings;

class SqliteRecountTest extends RecountContract {
    @Override
    DatabaseSettings database() {
        return null; // TestApp's default: a temp SQLite file
    }
}
