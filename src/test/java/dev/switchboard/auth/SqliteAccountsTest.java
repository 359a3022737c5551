package dev.switchboard.auth;

import dev.switchboard.config.DatabaseSettings;

class SqliteAccountsTest extends AccountsContract {
    @Override
    protected DatabaseSettings database() {
        return sqlite();
    }
}
