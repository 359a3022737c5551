package dev.switchboard.db;

import dev.switchboard.ops.Threads;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The single writer. Callers submit units of work; one thread takes everything queued, runs it in one
 * transaction and commits once, so concurrent webhooks share a commit (and its fsync) instead of
 * paying for one each. A future completes only after its work is committed: acknowledging on that
 * completion means "durably stored".
 *
 * <p>If any unit in a batch fails, the batch is rolled back and each unit is retried in its own
 * transaction, so one bad unit never fails its neighbours. Work must therefore be a function of the
 * database state only (no side effects outside the handle); side effects go in {@code afterCommit},
 * which runs on the writer thread, in commit order, before the futures complete.
 *
 * <p>Thread-safety: {@link #submit} may be called from any thread; everything else runs on the writer.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** A unit of work run inside the shared transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Handle handle) throws Exception;
    }

    /** Thrown (through the future) when the queue is full; callers should answer 503. */
    public static final class OverloadedException extends RuntimeException {
        OverloadedException() {
            super("write queue is full", null, false, false);
        }
    }

    private record Job<T>(Work<T> work, Consumer<? super T> afterCommit, CompletableFuture<T> done) {
        void afterCommit(Object result) {
            if (afterCommit != null) {
                @SuppressWarnings("unchecked") T value = (T) result;
                afterCommit.accept(value);
            }
        }

        void complete(Object result) {
            @SuppressWarnings("unchecked") T value = (T) result;
            done.complete(value);
        }
    }

    static final long COMMIT_WAIT_SECONDS = 30;

    private final Jdbi jdbi;
    private final BlockingQueue<Job<?>> queue;
    private final int maxBatch;
    private final Thread writer;
    private final DistributionSummary batchSizes;
    private final Timer commitTimer;
    private volatile boolean running = true;
    /** The writer's connection, kept across batches (its prepared statements are cached); writer thread only. */
    private Handle handle;
    private final List<Runnable> rollbackActions = new java.util.concurrent.CopyOnWriteArrayList<>();

    public GroupCommitter(Jdbi jdbi, int queueCapacity, int maxBatch, MeterRegistry registry) {
        this.jdbi = jdbi;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.batchSizes = DistributionSummary.builder("switchboard_db_commit_batch_size")
                .description("units of work committed together").register(registry);
        this.commitTimer = Timer.builder("switchboard_db_commit_seconds")
                .description("time to run and commit one batch").register(registry);
        this.writer = Threads.daemon(this::loop, "db-writer");
        this.writer.start();
    }

    public <T> CompletableFuture<T> submit(Work<T> work) {
        return submit(work, null);
    }

    public <T> CompletableFuture<T> submit(Work<T> work, Consumer<? super T> afterCommit) {
        CompletableFuture<T> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("database writer is shut down"));
        } else if (!queue.offer(new Job<>(work, afterCommit, done))) {
            done.completeExceptionally(new OverloadedException());
        }
        return done;
    }

    /** Thrown when a commit does not happen within the wait limit; callers should answer 503. */
    public static final class CommitTimeoutException extends RuntimeException {
        CommitTimeoutException(long seconds) {
            super("the database did not commit within " + seconds + " s", null, false, false);
        }
    }

    /** Runs work and waits for its commit. */
    public <T> T submitAndWait(Work<T> work) {
        return submitAndWait(work, null);
    }

    /**
     * Runs work, waits for its commit (blocking the calling request thread, which then writes the
     * response itself and keeps the writer free for the next batch) and rethrows the work's own
     * exception unchanged.
     */
    public <T> T submitAndWait(Work<T> work, Consumer<? super T> afterCommit) {
        CompletableFuture<T> done = submit(work, afterCommit);
        try {
            return done.get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new CommitTimeoutException(COMMIT_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a commit", e);
        }
    }

    /**
     * Runs work without blocking: the future completes after the commit, or fails with the work's own exception,
     * {@link OverloadedException}, or {@link CommitTimeoutException} past the same limit {@link #submitAndWait}
     * waits.
     */
    public <T> CompletableFuture<T> submitWithin(Work<T> work, Consumer<? super T> afterCommit) {
        CompletableFuture<T> limited = new CompletableFuture<>();
        submit(work, afterCommit).orTimeout(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS).whenComplete((value, failure) -> {
            if (failure == null) {
                limited.complete(value);
            } else {
                limited.completeExceptionally(failure instanceof TimeoutException ? new CommitTimeoutException(COMMIT_WAIT_SECONDS) : failure);
            }
        });
        return limited;
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Job<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                log.error("database writer failed a batch of {}", batch.size(), e);
                batch.forEach(job -> job.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        closeHandle();
    }

    private void runBatch(List<Job<?>> batch) {
        long start = System.nanoTime();
        Object[] results = new Object[batch.size()];
        Handle h = handle();
        try {
            h.begin();
            for (int i = 0; i < batch.size(); i++) {
                results[i] = batch.get(i).work().run(h);
            }
            h.commit();
        } catch (Exception e) {
            safeRollback(h);
            dropIfBroken();
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            log.debug("batch of {} failed ({}); retrying its units one by one", batch.size(), e.toString());
            runIndividually(batch);
            return;
        }
        commitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batchSizes.record(batch.size());
        finish(batch, results);
    }

    /**
     * Runs {@code action} on the writer thread whenever a transaction rolls back, so caches of written
     * state can forget what never reached the database. Register before submitting work.
     */
    public void onRollback(Runnable action) {
        rollbackActions.add(action);
    }

    /** The writer's open handle (opened on first use and after a broken connection was dropped). */
    private Handle handle() {
        if (handle == null) handle = jdbi.open();
        return handle;
    }

    /** After a failure: drop the connection if it is the broken part (e.g. the database restarted). */
    private void dropIfBroken() {
        try {
            if (handle != null && !handle.getConnection().isValid(2)) {
                log.warn("the writer's database connection is broken; reconnecting");
                closeHandle();
            }
        } catch (java.sql.SQLException e) {
            closeHandle();
        }
    }

    private void closeHandle() {
        if (handle == null) return;
        try {
            handle.close();
        } catch (RuntimeException e) {
            log.debug("closing a broken handle failed", e);
        }
        handle = null;
    }

    private void runIndividually(List<Job<?>> batch) {
        for (Job<?> job : batch) {
            Handle h = handle();
            try {
                h.begin();
                Object result = job.work().run(h);
                h.commit();
                finish(List.of(job), new Object[] {result});
            } catch (Exception e) {
                safeRollback(h);
                dropIfBroken();
                job.done().completeExceptionally(e);
            }
        }
    }

    private static void finish(List<Job<?>> jobs, Object[] results) {
        for (int i = 0; i < jobs.size(); i++) {
            try {
                jobs.get(i).afterCommit(results[i]);
            } catch (RuntimeException e) {
                log.error("after-commit action failed", e);
            }
        }
        for (int i = 0; i < jobs.size(); i++) {
            jobs.get(i).complete(results[i]);
        }
    }

    private void safeRollback(Handle handle) {
        try {
            handle.rollback();
        } catch (RuntimeException e) {
            log.warn("rollback failed", e);
        }
        rollbackActions.forEach(Runnable::run);
    }

    /** Stops taking work, commits what is queued, and waits for the writer to finish. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
