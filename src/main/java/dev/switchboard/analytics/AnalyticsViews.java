package dev.switchboard.analytics;

import java.util.List;

/** What the analytics API answers (JSON). Dates are the tenant's local dates, ISO {@code yyyy-MM-dd}. */
final class AnalyticsViews {
    private AnalyticsViews() {}

    /** A period's numbers and breakdowns, with the previous period's KPIs for the deltas. */
    record RangeView(String timeZone, String range, String from, String to, String previousFrom, String previousTo,
                     Kpis kpis, Kpis previous, List<Field> fields, List<Category> categories, List<DurationBin> durations,
                     long[][] heatmap) {}

    /** A numeric structured-data field: its average over the calls that had it. */
    record Field(String name, long calls, double average, Double previousAverage) {}

    record Category(String category, long calls) {}

    /** Calls lasting [fromSeconds, toSeconds); toSeconds null for the open last bin. */
    record DurationBin(int fromSeconds, Integer toSeconds, long calls) {}

    record Trend(String timeZone, int days, String from, String to, List<Day> points) {}

    record Day(String date, long calls, Double successRate, Double avgDurationSeconds, double cost) {}

    /** Today per local hour against the usual: the average of the same weekday over the previous {@code weeks} weeks. */
    record Hourly(String timeZone, String date, String weekday, int weeks, List<Hour> hours) {}

    record Hour(int hour, long calls, double usual) {}

    record Overview(List<TenantRow> tenants) {}

    record TenantRow(String id, String name, String timeZone, long liveCalls, Kpis today, List<Spark> sparkline) {}

    record Spark(String date, long calls) {}
}
