package dev.switchboard.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for something asynchronous (a webhook's effect, a socket's close) with a deadline. */
public final class Eventually {
    private Eventually() {}

    /** Polls every 20 ms until the condition holds; fails with "timed out waiting until {what}". */
    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
