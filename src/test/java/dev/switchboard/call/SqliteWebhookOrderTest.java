package dev.switchboard.call;

import dev.switchboard.config.DatabaseSettings;

class SqliteWebhookOrderTest extends WebhookOrderContract {
    @Override
    DatabaseSettings database() {
        return null; // TestApp's default: a temp SQLite file
    }
}
