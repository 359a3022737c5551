package dev.switchboard.live;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.testing.Postgres;

class PostgresCallFlowTest extends CallFlowContract {
    @Override
    DatabaseSettings database() {
        return Postgres.freshDatabase();
    }
}
