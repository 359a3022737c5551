package dev.switchboard.analytics;

/**
 * The fixed duration bins the rollups count calls in (columns d0..d17 of schema v9): fine where most calls are
 * (under five minutes), coarse in the long tail. Changing them needs a migration and a rebuild.
 */
public final class DurationBins {
    /** Lower edges in seconds; bin i covers [EDGES[i], EDGES[i+1]), the last one is open-ended. */
    static final int[] EDGES = {0, 10, 20, 30, 45, 60, 75, 90, 120, 150, 180, 240, 300, 420, 600, 900, 1200, 1800};
    public static final int COUNT = EDGES.length;

    private DurationBins() {}

    /** The bin of a duration in milliseconds. */
    static int of(long durationMs) {
        long s = durationMs / 1000;
        for (int i = COUNT - 1; i > 0; i--) if (s >= EDGES[i]) return i;
        return 0;
    }

    static int lower(int bin) {
        return EDGES[bin];
    }

    /** Upper edge in seconds, or null for the open last bin. */
    static Integer upper(int bin) {
        return bin + 1 < COUNT ? EDGES[bin + 1] : null;
    }

    /**
     * The median in seconds, interpolated linearly inside the bin that holds the middle call (so it is exact to
     * within that bin's width: 10–15 s under two minutes); null without calls. The open last bin counts as 30–60 min.
     */
    static Double median(long[] counts) {
        long total = 0;
        for (long c : counts) total += c;
        if (total == 0) return null;
        double half = total / 2.0;
        long seen = 0;
        for (int i = 0; i < COUNT; i++) {
            if (counts[i] > 0 && seen + counts[i] >= half) {
                double lo = EDGES[i];
                double hi = i + 1 < COUNT ? EDGES[i + 1] : 3600;
                return lo + (hi - lo) * ((half - seen) / counts[i]);
            }
            seen += counts[i];
        }
        return (double) EDGES[COUNT - 1];
    }
}
