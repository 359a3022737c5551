package dev.switchboard.webhook;

import dev.switchboard.config.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class SqliteDeliveryLogTest extends DeliveryLogContract {
    @Override
    DatabaseSettings database() {
        try {
            return DatabaseSettings.sqliteIn(Files.createTempDirectory("sb-deliveries"), 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
