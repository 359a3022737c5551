package dev.switchboard.tenant;

import dev.switchboard.config.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

class SqliteTenantSettingsTest extends TenantSettingsContract {
    @Override
    DatabaseSettings database() {
        try {
            return DatabaseSettings.sqliteIn(Files.createTempDirectory("sb-tenant"), 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
