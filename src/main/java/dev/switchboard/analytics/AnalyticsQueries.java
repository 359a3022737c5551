package dev.switchboard.analytics;

import dev.switchboard.analytics.AnalyticsViews.Category;
import dev.switchboard.analytics.AnalyticsViews.Day;
import dev.switchboard.analytics.AnalyticsViews.DurationBin;
import dev.switchboard.analytics.AnalyticsViews.Field;
import dev.switchboard.analytics.AnalyticsViews.Hour;
import dev.switchboard.analytics.AnalyticsViews.Hourly;
import dev.switchboard.analytics.AnalyticsViews.Overview;
import dev.switchboard.analytics.AnalyticsViews.RangeView;
import dev.switchboard.analytics.AnalyticsViews.Spark;
import dev.switchboard.analytics.AnalyticsViews.TenantRow;
import dev.switchboard.analytics.AnalyticsViews.Trend;
import dev.switchboard.call.EndedCategory;
import dev.switchboard.db.Database;
import dev.switchboard.tenant.Tenant;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analytics reads: rollup rows of a span of buckets, summed by the database per period, per local day or per
 * local hour (a 90-day view covers at most 8,640 rows per tenant; a handful of grouped rows come back). Each bucket
 * lies in exactly one local hour (see schema v9), so a 23- or 25-hour day is just fewer or more buckets; on the
 * 25-hour day both 1 a.m. hours count as 1 a.m.
 * Thread-safe (stateless).
 */
public final class AnalyticsQueries {
    /** How many previous same weekdays make "the usual" of an hour. */
    static final int USUAL_WEEKS = 4;
    static final int SPARKLINE_DAYS = 14;
    /** Buckets per local day and per local hour, for {@link RollupRepository#sumByLocal}. */
    private static final int DAY = 96, HOUR = 4;

    private final Database database;
    private final Clock clock;

    public AnalyticsQueries(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** A tenant's summary for {@code range=…} (today, 7d, 30d, 90d; custom with from/to), as the API answers it. */
    public RangeView summary(Tenant tenant, String range, String from, String to) {
        return range(tenant, range, Period.parse(range, from, to, tenant.zone(), now()));
    }

    RangeView range(Tenant tenant, String rangeName, Period p) {
        ZoneId zone = tenant.zone();
        Period prev = p.previous(zone, now());
        // One snapshot: the exact medians read the calls the summed rollups counted.
        return database.snapshot(h -> {
            RollupRepository rollups = new RollupRepository(h);
            long[] sum = rollups.sum(tenant.id(), p.fromBucket(), p.toBucket());
            long[] prevSum = rollups.sum(tenant.id(), prev.fromBucket(), prev.toBucket());
            Kpis kpis = kpis(h, tenant.id(), p, sum), prevKpis = kpis(h, tenant.id(), prev, prevSum);
            long[][] heat = new long[7][24];
            rollups.sumByLocal(tenant.id(), p.fromBucket(), p.toBucket(), zone, HOUR, true).forEach((localHour, m) ->
                    heat[LocalDate.ofEpochDay(Math.floorDiv(localHour, 24)).getDayOfWeek().getValue() - 1][(int) Math.floorMod(localHour, 24)]
                            += m[Measures.CALLS]);
            List<Field> fields = fields(rollups.fieldTotals(tenant.id(), p.fromBucket(), p.toBucket()),
                    rollups.fieldTotals(tenant.id(), prev.fromBucket(), prev.toBucket()));
            List<Category> categories = new ArrayList<>();
            for (EndedCategory c : EndedCategory.values()) categories.add(new Category(c.wire(), sum[Measures.ended(c)]));
            List<DurationBin> durations = new ArrayList<>();
            for (int i = 0; i < DurationBins.COUNT; i++) {
                durations.add(new DurationBin(DurationBins.lower(i), DurationBins.upper(i), sum[Measures.BINS + i]));
            }
            return new RangeView(zone.getId(), rangeName, p.from().toString(), p.to().toString(), prev.from().toString(),
                    prev.to().toString(), kpis, prevKpis, fields, categories, durations, heat);
        });
    }

    /** A period's numbers with the exact median, read in one snapshot. */
    private Kpis kpis(String tenantId, Period p) {
        return database.snapshot(h -> kpis(h, tenantId, p, new RollupRepository(h).sum(tenantId, p.fromBucket(), p.toBucket())));
    }

    private static Kpis kpis(Handle h, String tenantId, Period p, long[] sum) {
        return Kpis.of(sum, MedianDuration.seconds(h, tenantId, p.fromBucket(), p.toBucket(), Measures.bins(sum)));
    }

    private static List<Field> fields(List<RollupRepository.FieldRow> now, List<RollupRepository.FieldRow> before) {
        Map<String, long[]> cur = sumFields(now), prev = sumFields(before);
        List<Field> out = new ArrayList<>();
        cur.forEach((name, f) -> {
            if (f[0] <= 0) return;
            long[] p = prev.get(name);
            out.add(new Field(name, f[0], f[1] / 1e6 / f[0], p == null || p[0] <= 0 ? null : p[1] / 1e6 / p[0]));
        });
        out.sort(Comparator.comparingLong(Field::calls).reversed().thenComparing(Field::name));
        return out.size() > 8 ? out.subList(0, 8) : out;
    }

    private static Map<String, long[]> sumFields(List<RollupRepository.FieldRow> rows) {
        Map<String, long[]> out = new HashMap<>();
        for (RollupRepository.FieldRow r : rows) {
            long[] f = out.computeIfAbsent(r.field(), k -> new long[2]);
            f[0] += r.n();
            f[1] += r.totalMicros();
        }
        return out;
    }

    /** Per local day for the last {@code days} days including today. */
    public Trend trend(Tenant tenant, int days) {
        ZoneId zone = tenant.zone();
        LocalDate today = now().atZone(zone).toLocalDate();
        Period p = Period.of(today.minusDays(days - 1L), today, zone, now());
        Map<LocalDate, long[]> byDay = byDay(tenant.id(), p, zone);
        List<Day> points = new ArrayList<>(days);
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            long[] m = byDay.getOrDefault(d, new long[Measures.SIZE]);
            Kpis k = Kpis.of(m);
            points.add(new Day(d.toString(), k.calls(), k.successRate(), k.avgDurationSeconds(), k.totalCost()));
        }
        return new Trend(zone.getId(), days, p.from().toString(), p.to().toString(), points);
    }

    private Map<LocalDate, long[]> byDay(String tenantId, Period p, ZoneId zone) {
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        database.read(h -> new RollupRepository(h).sumByLocal(tenantId, p.fromBucket(), p.toBucket(), zone, DAY))
                .forEach((epochDay, m) -> byDay.put(LocalDate.ofEpochDay(epochDay), m));
        return byDay;
    }

    /** Today per local hour, and the average of the same hour on the same weekday of the previous four weeks. */
    public Hourly hourly(Tenant tenant) {
        ZoneId zone = tenant.zone();
        LocalDate today = now().atZone(zone).toLocalDate();
        long[] todayCalls = new long[24], usualCalls = new long[24];
        database.read(h -> {
            RollupRepository rollups = new RollupRepository(h);
            Period t = Period.of(today, today, zone, now());
            rollups.sumByLocal(tenant.id(), t.fromBucket(), t.toBucket(), zone, HOUR, true)
                    .forEach((localHour, m) -> todayCalls[(int) Math.floorMod(localHour, 24)] += m[Measures.CALLS]);
            for (int w = 1; w <= USUAL_WEEKS; w++) {
                LocalDate d = today.minusWeeks(w);
                Period past = Period.of(d, d, zone, now());
                rollups.sumByLocal(tenant.id(), past.fromBucket(), past.toBucket(), zone, HOUR, true)
                        .forEach((localHour, m) -> usualCalls[(int) Math.floorMod(localHour, 24)] += m[Measures.CALLS]);
            }
            return null;
        });
        List<Hour> hours = new ArrayList<>(24);
        for (int hr = 0; hr < 24; hr++) hours.add(new Hour(hr, todayCalls[hr], (double) usualCalls[hr] / USUAL_WEEKS));
        return new Hourly(zone.getId(), today.toString(), today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                USUAL_WEEKS, hours);
    }

    /** Every given tenant: live calls now, today's numbers and a 14-day sparkline of calls per local day. */
    public Overview overview(List<Tenant> tenants) {
        Map<String, Long> live = database.read(h -> {
            Map<String, Long> m = new HashMap<>();
            h.createQuery("SELECT tenant_id, COUNT(*) FROM calls WHERE status <> 'ended' GROUP BY tenant_id")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
        List<TenantRow> rows = new ArrayList<>(tenants.size());
        for (Tenant t : tenants) {
            ZoneId zone = t.zone();
            LocalDate today = now().atZone(zone).toLocalDate();
            Map<LocalDate, long[]> byDay = byDay(t.id(), Period.of(today.minusDays(SPARKLINE_DAYS - 1), today, zone, now()), zone);
            List<Spark> spark = new ArrayList<>(SPARKLINE_DAYS);
            for (int i = SPARKLINE_DAYS - 1; i >= 0; i--) {
                LocalDate d = today.minusDays(i);
                long[] m = byDay.get(d);
                spark.add(new Spark(d.toString(), m == null ? 0 : m[Measures.CALLS]));
            }
            rows.add(new TenantRow(t.id(), t.name(), zone.getId(), live.getOrDefault(t.id(), 0L),
                    kpis(t.id(), Period.of(today, today, zone, now())), spark));
        }
        return new Overview(rows);
    }
}
