package dev.switchboard.webhook;

import dev.switchboard.config.DatabaseSettings;

class SqliteDeliveryLogTest extends DeliveryLogContract {
    @Override
    protected DatabaseSettings database() {
        return sqlite();
    }
}
