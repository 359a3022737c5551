package dev.switchboard.control;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresControlRepositoriesTest extends ControlRepositoriesContract {
    @Override
    protected DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
