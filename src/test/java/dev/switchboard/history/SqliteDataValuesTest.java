package dev.switchboard.history;

import dev.switchboard.call.CallEvent;
import dev.switchboard.call.CallService;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.Database;
import dev.switchboard.tenant.TenantRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite's index of structured-data values (schema v10): filled on upgrade, kept in step with every call write. */
class SqliteDataValuesTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseFromBeforeTheValueIndexGetsItsCallsValuesWhenUpgraded() throws Exception {
        DatabaseSettings settings = DatabaseSettings.sqliteIn(dir, 2);
        Flyway.configure().dataSource(settings.jdbcUrl(), null, null).locations("classpath:db/migration/sqlite").target("9").load().migrate();
        try (var c = DriverManager.getConnection(settings.jdbcUrl()); var st = c.createStatement()) {
            st.execute("INSERT INTO tenants (id, name, created_at) VALUES ('acme', 'Acme', 0), ('bravo', 'Bravo', 0)");
            insert(st, "acme", "c-1", 1000, "'{\"plan\":\"gold\",\"score\":8,\"ok\":true,\"none\":null,\"nested\":{\"a\":1},\"list\":[1],"
                    + "\"bad key\":1,\"long\":\"" + "x".repeat(300) + "\"}'");
            insert(st, "acme", "c-2", 2000, "'not json'");
            insert(st, "acme", "c-3", 3000, "'[1,2]'");
            insert(st, "acme", "c-4", 4000, "NULL");
            insert(st, "bravo", "c-1", 5000, "'{\"plan\":\"silver\"}'");
        }
        Database db = Database.open(settings);
        try {
            List<String> rows = db.read(h -> h.createQuery("SELECT tenant_id || ' ' || call_id || ' ' || field || '=' || value || ' @' || created_at "
                    + "FROM call_data_values ORDER BY tenant_id, call_id, field").mapTo(String.class).list());
            assertThat(rows).containsExactly(
                    "acme c-1 $.none=null @1000", "acme c-1 $.ok=true @1000", "acme c-1 $.plan=\"gold\" @1000", "acme c-1 $.score=8 @1000",
                    "bravo c-1 $.plan=\"silver\" @5000");
        } finally {
            db.close();
        }
    }

    @Test
    void theValuesFollowACallWhoseDataOrCreationTimeALaterMessageChanges() {
        Database db = Database.open(DatabaseSettings.sqliteIn(dir, 2));
        try {
            db.jdbi().useHandle(h -> new TenantRepository(h).createIfAbsent("acme", "Acme", 0));
            CallService calls = new CallService(Clock.systemUTC(), new DataValues(), (h, t, c) -> {});
            apply(db, calls, report(9000, "{\"plan\":\"gold\",\"score\":8}"));
            assertThat(values(db)).containsExactly("$.plan=\"gold\" @9000", "$.score=8 @9000");
            apply(db, calls, report(9500, "{\"plan\":\"silver\"}"));
            assertThat(values(db)).as("new data replaces the old").containsExactly("$.plan=\"silver\" @9000");
            apply(db, calls, new CallEvent.Observed("c-1", 9600, "ended", "inboundPhoneCall", null, null, null, null, 4000L,
                    null, null, null, null));
            assertThat(values(db)).as("a late message that knew the real creation time").containsExactly("$.plan=\"silver\" @4000");
            apply(db, calls, report(9700, null));
            assertThat(values(db)).as("a report without data keeps the data").containsExactly("$.plan=\"silver\" @4000");
        } finally {
            db.close();
        }
    }

    private static CallEvent report(long at, String data) {
        return new CallEvent.Reported("c-1", at, "customer-ended-call", null, null, null, null, null, data, null, null, null, null, List.of());
    }

    private static void apply(Database db, CallService calls, CallEvent event) {
        db.jdbi().useTransaction(h -> calls.apply(h, "acme", "vapi", List.of(event)));
    }

    private static List<String> values(Database db) {
        return db.read(h -> h.createQuery("SELECT field || '=' || value || ' @' || created_at FROM call_data_values "
                + "WHERE tenant_id = 'acme' AND call_id = 'c-1' ORDER BY field").mapTo(String.class).list());
    }

    private static void insert(java.sql.Statement st, String tenant, String id, long createdAt, String data) throws Exception {
        st.execute("INSERT INTO calls (tenant_id, id, provider, status, created_at, updated_at, version, structured_data) VALUES ('"
                + tenant + "', '" + id + "', 'vapi', 'ended', " + createdAt + ", " + createdAt + ", 1, " + data + ")");
    }
}
