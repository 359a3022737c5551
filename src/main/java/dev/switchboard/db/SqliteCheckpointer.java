package dev.switchboard.db;

import dev.switchboard.ops.Threads;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies SQLite's write-ahead log back into the database file on its own thread. SQLite's automatic
 * checkpoint would run inside the writer's commit and stall every webhook waiting on it; a passive
 * checkpoint here never blocks the writer.
 *
 * <p>While writes are flowing it runs every {@link #BUSY_MILLIS}. A checkpoint ends with an fsync of the
 * database file, and the writer's commit fsync queues behind it on the disk, so small checkpoints cost a commit
 * less than large ones (ack p99 at 2,000 webhooks/s was ~35 ms at a 250 ms period). But each checkpoint also
 * copies every page written since the last one, and a page written again before the next checkpoint is copied
 * once: at 10 ms the copying took a tenth of a core at full speed, at 50 ms about half of that, and the ack p99 at
 * 2,000/s stayed at 17-21 ms (schema v11 and writing only changed columns made each checkpoint smaller). When the
 * log has not moved it backs off to {@link #IDLE_MILLIS}.
 */
final class SqliteCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);
    static final long BUSY_MILLIS = 50;
    static final long IDLE_MILLIS = 250;

    private final Jdbi jdbi;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("sqlite-checkpoint"));
    /** The (log frames, checkpointed frames) the last checkpoint reported; timer thread only. */
    private long lastLog = -1;
    private long lastCheckpointed = -1;

    SqliteCheckpointer(Jdbi jdbi) {
        this.jdbi = jdbi;
        timer.schedule(this::tick, IDLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long next = IDLE_MILLIS;
        try {
            long[] r = checkpoint("PASSIVE");
            boolean moved = r[1] != lastLog || r[2] != lastCheckpointed;
            lastLog = r[1];
            lastCheckpointed = r[2];
            if (moved) next = BUSY_MILLIS;
        } catch (RuntimeException e) {
            log.warn("SQLite checkpoint failed; will retry", e);
        }
        try {
            timer.schedule(this::tick, next, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Runs a checkpoint; returns SQLite's (busy, log frames, checkpointed frames). */
    private long[] checkpoint(String mode) {
        return jdbi.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(" + mode + ")")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one());
    }

    /** Stops the timer and folds the whole log back into the database file. */
    @Override
    public void close() {
        timer.shutdownNow();
        // Still checkpointing after 5 s, or interrupted: the next start folds the log in.
        if (!Threads.awaitStop(timer, Duration.ofSeconds(5))) return;
        try {
            checkpoint("TRUNCATE");
        } catch (RuntimeException e) {
            log.warn("SQLite checkpoint at shutdown failed; the log is folded in at the next start", e);
        }
    }
}
