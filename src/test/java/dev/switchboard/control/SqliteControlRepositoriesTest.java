package dev.switchboard.control;

import dev.switchboard.config.DatabaseSettings;

class SqliteControlRepositoriesTest extends ControlRepositoriesContract {
    @Override
    protected DatabaseSettings database() {
        return sqlite();
    }
}
