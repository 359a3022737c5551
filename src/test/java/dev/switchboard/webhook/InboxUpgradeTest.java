package dev.switchboard.webhook;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.Database;
import dev.switchboard.db.Dialect;
import dev.switchboard.testing.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema v11 moved the inbox's redelivery check to an index keyed by call first (and a small one for messages
 * without a call): a message stored before the upgrade must still be recognised when the provider redelivers it
 * after, and a call's raw events must still be found.
 */
class InboxUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void messagesStoredBeforeVersionElevenAreStillRecognisedAsRedeliveriesOnSqlite() throws Exception {
        assertRedeliveriesRecognisedAfterUpgrade(DatabaseSettings.sqliteIn(dir, 2));
    }

    @Test
    void messagesStoredBeforeVersionElevenAreStillRecognisedAsRedeliveriesOnPostgres() throws Exception {
        assertRedeliveriesRecognisedAfterUpgrade(Postgres.freshDatabase());
    }

    private static void assertRedeliveriesRecognisedAfterUpgrade(DatabaseSettings settings) throws Exception {
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(Dialect.of(settings.jdbcUrl()).migrationLocation()).target("10").load().migrate();
        try (var c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password()); var st = c.createStatement()) {
            st.execute("INSERT INTO tenants (id, name, created_at) VALUES ('acme', 'Acme', 0)");
            st.execute("INSERT INTO webhook_events (tenant_id, provider, dedupe_key, event_type, call_id, received_at, payload) VALUES "
                    + "('acme', 'vapi', 'key-of-call', 'status-update', 'c-1', 1, '{}'), "
                    + "('acme', 'vapi', 'key-without-call', 'future-type', NULL, 2, '{}')");
        }
        Database db = Database.open(settings);
        try {
            List<Boolean> stored = db.jdbi().inTransaction(h -> {
                Inbox inbox = new Inbox(h);
                return List.of(
                        inbox.record("acme", message("key-of-call", "c-1"), "{}", 3),
                        inbox.record("acme", message("key-without-call", null), "{}", 4),
                        inbox.record("acme", message("another-key", "c-1"), "{}", 5),
                        inbox.record("acme", message("another-key-without-call", null), "{}", 6));
            });
            assertThat(stored).containsExactly(false, false, true, true);
            List<Long> ofCall = db.read(h -> h.createQuery("SELECT received_at FROM webhook_events WHERE tenant_id = 'acme' "
                    + "AND call_id = 'c-1' ORDER BY id").mapTo(Long.class).list());
            assertThat(ofCall).containsExactly(1L, 5L);
        } finally {
            db.close();
        }
    }

    private static ParsedWebhook message(String dedupeKey, String callId) {
        return new ParsedWebhook("vapi", "status-update", callId, dedupeKey, List.of(), null);
    }
}
