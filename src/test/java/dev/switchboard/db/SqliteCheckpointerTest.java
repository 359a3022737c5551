package dev.switchboard.db;

import dev.switchboard.config.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background checkpointer keeps the write-ahead log folded into the database file while writes flow
 * (SQLite's own checkpoint waits for 20,000 pages of log and would then run inside a commit).
 */
class SqliteCheckpointerTest {
    @TempDir
    Path dir;

    @Test
    void writtenDataReachesTheDatabaseFileWithinMomentsRatherThanWaitingInTheLog() throws Exception {
        Path file = dir.resolve("switchboard.db");
        try (Database db = Database.open(DatabaseSettings.sqliteIn(dir, 2))) {
            long before = Files.size(file);
            String filler = "x".repeat(4000);
            // About 4 MB in 100 commits, a fraction of the 20,000 pages (80 MB) SQLite waits for on its own.
            for (int i = 0; i < 100; i++) {
                int batch = i;
                db.writerJdbi().useTransaction(h -> {
                    for (int j = 0; j < 10; j++) {
                        h.createUpdate("INSERT INTO tenants (id, name, created_at) VALUES (:id, :name, 0)")
                                .bind("id", "t-" + batch + "-" + j).bind("name", filler).execute();
                    }
                });
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (Files.size(file) - before < 3_000_000 && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(Files.size(file) - before).as("bytes checkpointed into the database file").isGreaterThan(3_000_000);
        }
    }
}
