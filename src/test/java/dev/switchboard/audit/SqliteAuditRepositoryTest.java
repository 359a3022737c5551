package dev.switchboard.audit;

import dev.switchboard.config.DatabaseSettings;

class SqliteAuditRepositoryTest extends AuditRepositoryContract {
    @Override
    protected DatabaseSettings database() {
        return sqlite();
    }
}
