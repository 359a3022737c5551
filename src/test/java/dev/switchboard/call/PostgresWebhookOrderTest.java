package dev.switchboard.call;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresWebhookOrderTest extends WebhookOrderContract {
    @Override
    DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
