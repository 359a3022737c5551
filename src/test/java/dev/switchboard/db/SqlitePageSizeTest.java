package dev.switchboard.db;

import dev.switchboard.config.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** New SQLite databases get 8 KB pages (fewer pages per commit); databases made before keep theirs and still open. */
class SqlitePageSizeTest {
    @TempDir
    Path dir;

    static int pageSize(Database db) {
        return db.read(h -> h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
    }

    static String journalMode(Database db) {
        return db.read(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
    }

    @Test
    void aNewDatabaseUsesEightKilobytePagesAndTheWriteAheadLog() {
        try (Database db = Database.open(DatabaseSettings.sqliteIn(dir, 2))) {
            assertThat(pageSize(db)).isEqualTo(8192);
            assertThat(journalMode(db)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aDatabaseFileMadeWithFourKilobytePagesKeepsThemAndIsMigratedAsUsual() throws Exception {
        DatabaseSettings settings = DatabaseSettings.sqliteIn(dir, 2);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl()); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = 4096");
            st.execute("PRAGMA journal_mode = WAL");
        }
        try (Database db = Database.open(settings)) {
            assertThat(pageSize(db)).isEqualTo(4096);
            int tenants = db.read(h -> h.createQuery("SELECT COUNT(*) FROM tenants").mapTo(Integer.class).one());
            assertThat(tenants).as("the schema was migrated").isZero();
        }
    }
}
