package dev.switchboard.tenant;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresTenantSettingsTest extends TenantSettingsContract {
    @Override
    DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
