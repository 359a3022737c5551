package dev.switchboard.analytics;

import dev.switchboard.config.DatabaseSettings;

class SqliteLocalTimeTest extends LocalTimeContract {
    @Override
    protected DatabaseSettings database() {
        return sqlite();
    }
}
