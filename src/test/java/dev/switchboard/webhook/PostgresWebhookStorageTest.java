package dev.switchboard.webhook;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresWebhookStorageTest extends WebhookStorageContract {
    @Override
    DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
