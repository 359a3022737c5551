package dev.switchboard.audit;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresAuditRepositoryTest extends AuditRepositoryContract {
    @Override
    protected DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
