package dev.switchboard.analytics;

import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The exact median duration of a period's ended calls. A median cannot be summed from rollups, but the rollups'
 * duration bins say which bin holds the middle call (or the two middle calls) and how many calls lie below it, so
 * only the period's calls in that one bin are read, in duration order, and the middle one picked by its rank.
 * If the calls and the rollups disagree (they are written together, so only a bug would make them), the estimate
 * inside the bin ({@link DurationBins#median}) is answered rather than a wrong exact value. Stateless.
 */
final class MedianDuration {
    private MedianDuration() {}

    /**
     * In seconds, null without timed calls. {@code bins} are the period's summed duration bins, read in the same
     * transaction as the calls here; the period is the buckets [{@code fromBucket}, {@code toBucket}).
     */
    static Double seconds(Handle h, String tenantId, long fromBucket, long toBucket, long[] bins) {
        long total = 0;
        for (long c : bins) total += c;
        if (total == 0) return null;
        long low = (total - 1) / 2, high = total / 2; // the same rank for an odd count
        int bin = binOf(bins, low);
        // The middle call and the one after it in its bin (the second middle call, when the count is even and it is there).
        List<Long> found = inBin(h, tenantId, fromBucket, toBucket, bin, low - below(bins, bin), 2);
        if (found.isEmpty()) return DurationBins.median(bins);
        long first = found.get(0), second;
        if (high == low) second = first;
        else if (found.size() == 2) second = found.get(1);
        else {
            List<Long> next = inBin(h, tenantId, fromBucket, toBucket, binOf(bins, high), 0, 1);
            if (next.isEmpty()) return DurationBins.median(bins);
            second = next.get(0);
        }
        return (first + second) / 2000.0;
    }

    /** The bin holding the call of this rank (0 = shortest). */
    private static int binOf(long[] bins, long rank) {
        long below = 0;
        for (int bin = 0; bin < bins.length; bin++) {
            below += bins[bin];
            if (rank < below) return bin;
        }
        return bins.length - 1;
    }

    /** How many calls lie in the bins before {@code bin}. */
    private static long below(long[] bins, int bin) {
        long n = 0;
        for (int i = 0; i < bin; i++) n += bins[i];
        return n;
    }

    /**
     * Up to {@code n} durations (ms) of the period's ended calls in {@code bin}, shortest first, after skipping
     * {@code skip}. The period's calls are read through the time index, whatever the planners think: the duration
     * index would read the bin's calls of all time to find the period's few ({@code duration_ms + 0} keeps it out;
     * SQLite took it and a day's median cost 60 ms instead of 2).
     */
    private static List<Long> inBin(Handle h, String tenantId, long fromBucket, long toBucket, int bin, long skip, int n) {
        Integer upper = DurationBins.upper(bin);
        var query = h.createQuery("SELECT duration_ms FROM calls WHERE tenant_id = :t AND status = 'ended' "
                        + "AND created_at >= :from AND created_at < :to AND duration_ms + 0 >= :lo"
                        + (upper == null ? "" : " AND duration_ms + 0 < :hi") + " ORDER BY duration_ms LIMIT " + n + " OFFSET :skip")
                .bind("t", tenantId).bind("from", fromBucket * Contribution.BUCKET_MS).bind("to", toBucket * Contribution.BUCKET_MS)
                .bind("lo", DurationBins.lower(bin) * 1000L).bind("skip", skip);
        if (upper != null) query.bind("hi", upper * 1000L);
        return query.mapTo(Long.class).list();
    }
}
