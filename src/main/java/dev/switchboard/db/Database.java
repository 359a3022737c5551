package dev.switchboard.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.config.DatabaseSettings;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The connection pool, Jdbi and the schema. Reads run on pooled connections concurrently; all writes
 * go through {@link GroupCommitter} so SQLite never sees competing writers.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private final SqliteCheckpointer checkpointer;

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
        this.checkpointer = dialect == Dialect.SQLITE ? new SqliteCheckpointer(jdbi) : null;
    }

    /** Opens the pool and migrates the schema to the latest version. */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("switchboard-db");
        hc.setJdbcUrl(settings.jdbcUrl());
        hc.setMaximumPoolSize(settings.poolSize());
        hc.setMinimumIdle(Math.min(2, settings.poolSize()));
        hc.setConnectionTimeout(10_000);
        if (settings.user() != null) hc.setUsername(settings.user());
        if (settings.password() != null) hc.setPassword(settings.password());
        if (dialect == Dialect.SQLITE) {
            Path file = sqliteFile(settings.jdbcUrl());
            if (file != null) {
                ensureParentDirectory(file);
                createWithLargerPages(settings.jdbcUrl(), file);
            }
            // WAL lets readers run beside the single writer; synchronous=FULL fsyncs every commit, so an
            // acknowledged webhook survives a crash or power loss. Group commit keeps that affordable.
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", "FULL");
            hc.addDataSourceProperty("busy_timeout", "10000");
            hc.addDataSourceProperty("foreign_keys", "true");
            // We use SQL RETURNING; the driver's own generated-keys query after every INSERT cost a tenth of
            // the writer's time.
            hc.addDataSourceProperty("jdbc.get_generated_keys", "false");
            // Checkpoints run on their own thread (SqliteCheckpointer) instead of stalling the writer's commits;
            // the writer's own automatic checkpoint stays as a backstop at ~80 MB of log.
            hc.addDataSourceProperty("wal_autocheckpoint", "20000");
        }
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations(dialect.migrationLocation())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        log.info("database ready: {} ({})", settings.redactedUrl(), dialect);
        return new Database(ds, dialect);
    }

    /**
     * A new SQLite file gets 8 KB pages (an existing one keeps its size). Each commit writes every page it touched,
     * and most index entries a webhook adds land on a page of their own: with larger pages a commit touches fewer
     * of them, so fewer log frames (two writes each) and checkpoint copies. A small gain, measured in pairs of
     * benchmark runs (README, Performance). The size must be set before the file switches to WAL, which the pool's
     * connections do first thing.
     */
    private static void createWithLargerPages(String jdbcUrl, Path file) {
        try {
            if (Files.exists(file) && Files.size(file) > 0 || Files.exists(Path.of(file + "-wal"))) return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement()) {
            st.execute("PRAGMA page_size = 8192");
            st.execute("PRAGMA journal_mode = WAL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The database file a SQLite URL names, or null for an in-memory or URI-form database. */
    private static Path sqliteFile(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).split("\\?")[0];
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) return null;
        return Path.of(file).toAbsolutePath();
    }

    private static void ensureParentDirectory(Path file) {
        Path parent = file.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * A Jdbi for the single writer: same pool, but statements are prepared once per connection and reused
     * (the writer holds its connection for a long time and repeats the same statements).
     */
    public Jdbi writerJdbi() {
        return Jdbi.create(dataSource).setStatementBuilderFactory(CachingStatementBuilder.FACTORY);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Runs a read on a pooled connection. */
    public <T> T read(HandleCallback<T, RuntimeException> callback) {
        return jdbi.withHandle(callback);
    }

    /**
     * Runs a read that sees one state of the database throughout, in a transaction (PostgreSQL: repeatable read;
     * SQLite's read transactions are snapshots anyway): numbers read by several statements then agree.
     */
    public <T> T snapshot(HandleCallback<T, RuntimeException> callback) {
        return jdbi.withHandle(h -> dialect == Dialect.POSTGRESQL
                ? h.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, callback::withHandle)
                : h.inTransaction(callback::withHandle));
    }

    /** True when a trivial query answers; used by {@code /readyz}. */
    public boolean isReachable() {
        try (Handle h = jdbi.open()) {
            return h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (checkpointer != null) checkpointer.close();
        dataSource.close();
    }
}
