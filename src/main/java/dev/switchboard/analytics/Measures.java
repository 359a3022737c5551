package dev.switchboard.analytics;

import dev.switchboard.call.EndedCategory;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters and sums of a rollup row (schema v9's {@code analytics_buckets}), by index into a {@code long[]}.
 * One array layout serves a call's contribution, a stored row and any sum of rows.
 */
final class Measures {
    static final int CALLS = 0, ANSWERED = 1, EVALUATED = 2, SUCCESSES = 3, TRANSFERRED = 4;
    /** The ended categories follow in {@link EndedCategory} order. */
    static final int ENDED = 5;
    static final int TIMED = ENDED + EndedCategory.values().length, DURATION_MS = TIMED + 1, COSTED = TIMED + 2, COST_MICROS = TIMED + 3;
    static final int BINS = COST_MICROS + 1;
    static final int SIZE = BINS + DurationBins.COUNT;

    /** Column names in index order. */
    static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("calls", "answered", "evaluated", "successes", "transferred",
                "ended_customer", "ended_assistant", "ended_transferred", "ended_unreached", "ended_error", "ended_other",
                "timed", "duration_ms", "costed", "cost_micros"));
        for (int i = 0; i < DurationBins.COUNT; i++) c.add("d" + i);
        if (c.size() != SIZE) throw new IllegalStateException("measure columns out of step with EndedCategory");
        COLUMNS = List.copyOf(c);
    }

    private Measures() {}

    static int ended(EndedCategory c) {
        return ENDED + c.ordinal();
    }

    static void add(long[] into, long[] v, int sign) {
        for (int i = 0; i < SIZE; i++) into[i] += sign * v[i];
    }

    static long[] bins(long[] v) {
        long[] b = new long[DurationBins.COUNT];
        System.arraycopy(v, BINS, b, 0, DurationBins.COUNT);
        return b;
    }
}
