package dev.switchboard.auth;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresAccountsTest extends AccountsContract {
    @Override
    protected DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
