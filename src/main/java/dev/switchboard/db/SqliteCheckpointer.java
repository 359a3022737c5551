package dev.switchboard.db;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies SQLite's write-ahead log back into the database file on its own thread. SQLite's automatic
 * checkpoint would run inside the writer's commit and stall every webhook waiting on it; a passive
 * checkpoint here never blocks the writer, and runs often enough to keep the log small.
 */
final class SqliteCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);

    private final Jdbi jdbi;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sqlite-checkpoint");
        t.setDaemon(true);
        return t;
    });

    SqliteCheckpointer(Jdbi jdbi, long everyMillis) {
        this.jdbi = jdbi;
        timer.scheduleWithFixedDelay(() -> checkpoint("PASSIVE"), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    private void checkpoint(String mode) {
        try {
            jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(" + mode + ")").mapToMap().list());
        } catch (RuntimeException e) {
            log.warn("SQLite checkpoint ({}) failed; will retry", mode, e);
        }
    }

    /** Stops the timer and folds the whole log back into the database file. */
    @Override
    public void close() {
        timer.shutdownNow();
        checkpoint("TRUNCATE");
    }
}
