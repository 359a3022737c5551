package dev.switchboard.analytics;

import java.util.List;

/** What the analytics API answers (JSON). Dates are the tenant's local dates, ISO {@code yyyy-MM-dd}. */
public final class AnalyticsViews {
    private AnalyticsViews() {}

    /** A period's numbers and breakdowns, with the previous period's KPIs for the deltas. */
    public record RangeView(String timeZone, String range, String from, String to, String previousFrom, String previousTo,
                     Kpis kpis, Kpis previous, List<Field> fields, List<Category> categories, List<DurationBin> durations,
                     long[][] heatmap) {}

    /** A numeric structured-data field: its average over the calls that had it. */
    public record Field(String name, long calls, double average, Double previousAverage) {}

    public record Category(String category, long calls) {}

    /** Calls lasting [fromSeconds, toSeconds); toSeconds null for the open last bin. */
    public record DurationBin(int fromSeconds, Integer toSeconds, long calls) {}

    public record Trend(String timeZone, int days, String from, String to, List<Day> points) {}

    public record Day(String date, long calls, Double successRate, Double avgDurationSeconds, double cost) {}

    /** Today per local hour against the usual: the average of the same weekday over the previous {@code weeks} weeks. */
    public record Hourly(String timeZone, String date, String weekday, int weeks, List<Hour> hours) {}

    public record Hour(int hour, long calls, double usual) {}

    public record Overview(List<TenantRow> tenants) {}

    public record TenantRow(String id, String name, String timeZone, long liveCalls, Kpis today, List<Spark> sparkline) {}

    public record Spark(String date, long calls) {}
}
