package dev.switchboard.webhook;

import dev.switchboard.config.DatabaseSettings;

class SqliteWebhookStorageTest extends WebhookStorageContract {
    @Override
    DatabaseSettings database() {
        return null; // TestApp's default: a temp SQLite file
    }
}
