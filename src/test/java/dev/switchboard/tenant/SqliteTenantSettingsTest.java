package dev.switchboard.tenant;

import dev.switchboard.config.DatabaseSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class SqliteTenantSettingsTest extends TenantSettingsContract {
    @TempDir
    static Path dir;

    @Override
    DatabaseSettings database() {
        return DatabaseSettings.sqliteIn(dir, 2);
    }
}
