package dev.switchboard.analytics;

import dev.switchboard.call.EndedCategory;

/**
 * The headline numbers of a period, from summed rollup measures. Rates and averages are null when there is
 * nothing to divide by (shown as "–", not as 0). Only ended calls are counted.
 *
 * @param successRate     successes / evaluated calls (see {@link SuccessVerdict}), 0..1
 * @param costPerMinute   total cost / connected minutes (sum of durations)
 * @param errors          calls whose ended reason is in the error group
 */
public record Kpis(long calls, long answered, long evaluated, long successes, Double successRate, Double avgDurationSeconds,
                   Double medianDurationSeconds, double totalCost, Double costPerMinute, long transfers, long errors) {

    /** With the median estimated inside its duration bin (see {@link DurationBins#median}): for the trend's days, which show no median. */
    static Kpis of(long[] m) {
        return of(m, DurationBins.median(Measures.bins(m)));
    }

    /** With the median computed elsewhere ({@link MedianDuration}). */
    static Kpis of(long[] m, Double medianDurationSeconds) {
        long timed = m[Measures.TIMED];
        double cost = m[Measures.COST_MICROS] / 1_000_000d;
        double minutes = m[Measures.DURATION_MS] / 60_000d;
        return new Kpis(m[Measures.CALLS], m[Measures.ANSWERED], m[Measures.EVALUATED], m[Measures.SUCCESSES],
                ratio(m[Measures.SUCCESSES], m[Measures.EVALUATED]),
                timed == 0 ? null : m[Measures.DURATION_MS] / 1000d / timed,
                medianDurationSeconds,
                cost, minutes > 0 ? cost / minutes : null,
                m[Measures.TRANSFERRED], m[Measures.ended(EndedCategory.ERROR)]);
    }

    static Double ratio(long a, long b) {
        return b == 0 ? null : (double) a / b;
    }
}
