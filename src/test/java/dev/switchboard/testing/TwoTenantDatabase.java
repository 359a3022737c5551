package dev.switchboard.testing;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.Database;
import dev.switchboard.tenant.TenantRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A migrated database with tenants {@code acme} and {@code bravo}, for repository contracts that run once
 * per dialect: a subclass names the database ({@link #sqlite()} or {@link Postgres#freshDatabase()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TwoTenantDatabase {
    protected Database db;
    /** The folder {@link #sqlite()} made, removed after the class. */
    private Path sqliteDir;

    protected abstract DatabaseSettings database();

    @BeforeAll
    void openTwoTenantDatabase() {
        db = Database.open(database());
        db.jdbi().useHandle(h -> {
            new TenantRepository(h).createIfAbsent("acme", "Acme", 1);
            new TenantRepository(h).createIfAbsent("bravo", "Bravo", 1);
        });
    }

    @AfterAll
    void closeTwoTenantDatabase() throws IOException {
        db.close();
        if (sqliteDir == null) return;
        try (var files = Files.walk(sqliteDir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    /** A fresh SQLite database in a temporary folder, deleted after the class. */
    protected DatabaseSettings sqlite() {
        try {
            sqliteDir = Files.createTempDirectory("sb-contract");
            return DatabaseSettings.sqliteIn(sqliteDir, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
