package dev.switchboard.webhook;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresDeliveryLogTest extends DeliveryLogContract {
    @Override
    protected DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
