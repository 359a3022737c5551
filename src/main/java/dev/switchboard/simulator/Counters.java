package dev.switchboard.simulator;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The simulator's running counts and an acknowledgement-latency histogram. Thread-safe: every field is
 * a {@link LongAdder} or an atomic array, updated from the scheduler, worker and HTTP client threads.
 */
final class Counters {
    /** 1 ms buckets up to 10 s; slower acks land in the last bucket. */
    private static final int BUCKETS = 10_001;

    final LongAdder callsStarted = new LongAdder();
    final LongAdder callsEnded = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder reordered = new LongAdder();
    private final AtomicLongArray ackMillis = new AtomicLongArray(BUCKETS);

    void ackLatency(long nanos) {
        ackMillis.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, nanos / 1_000_000)));
    }

    SimulatorStats snapshot() {
        long[] copy = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            copy[i] = ackMillis.get(i);
            total += copy[i];
        }
        return new SimulatorStats(callsStarted.sum(), callsEnded.sum(), sent.sum(), acked.sum(), failed.sum(),
                retries.sum(), duplicates.sum(), reordered.sum(), percentile(copy, total, 0.50), percentile(copy, total, 0.99));
    }

    private static long percentile(long[] buckets, long total, double q) {
        if (total == 0) return 0;
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) return i;
        }
        return buckets.length - 1;
    }
}
