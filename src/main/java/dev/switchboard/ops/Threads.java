package dev.switchboard.ops;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process's own background threads. They are daemons, so a forgotten one never keeps the JVM alive after
 * {@code main} and the shutdown hook are done, and they are named, so logs, thread dumps and profiles say which
 * part of the server a thread belongs to.
 */
public final class Threads {
    private Threads() {}

    /** Daemon threads all named {@code name}: for an executor of one thread. */
    public static ThreadFactory daemon(String name) {
        return r -> daemon(r, name);
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, …: for a pool. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(r, prefix + "-" + n.incrementAndGet());
    }

    /** A daemon thread that runs {@code task}, not yet started. */
    public static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Waits up to {@code wait} for an executor already told to stop ({@code shutdown()} lets queued tasks finish,
     * {@code shutdownNow()} interrupts them). Returns whether it finished; an interrupt ends the wait and is kept.
     */
    public static boolean awaitStop(ExecutorService executor, Duration wait) {
        try {
            return executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
