package dev.switchboard.history;

import dev.switchboard.db.Dialect;
import dev.switchboard.tenant.ZoneOffsets;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** One tenant's call history: pages, a capped count, search highlights and the export stream. Tenant first. */
final class HistoryRepository {
    /** Counting stops here: "1,000+" is as useful as the exact number and costs a bounded walk. */
    static final int COUNT_CAP = 500;
    /** A range, data value or hour with fewer matches than this in the tenant is read through its own index (see {@link #plan}). */
    static final int RARE = 2000;
    /** Highlight marks inside a snippet (control characters cannot occur in stored text we show). */
    static final char MARK_START = '\u0002';
    static final char MARK_END = '\u0003';
    private static final int EXPORT_FETCH = 2000;

    private final Handle h;
    private final Dialect dialect;
    /** The view {@link #clock} was last computed for, and its result; the same for {@link #plan}. */
    private HistoryQuery clockFor, planFor;
    private List<ZoneOffsets.Piece> clock;
    private HistorySql.Plan plan;

    HistoryRepository(Handle h, Dialect dialect) {
        this.h = h;
        this.dialect = dialect;
    }

    /**
     * PostgreSQL searches first test the view's newest calls one by one, this many at most. A word in one call
     * of a hundred fills a page within about 5,000 tests; the full-text index would first list and sort every
     * match of such a word (hundreds of milliseconds for the commonest). Rarer words then go to the index, where
     * they are cheap.
     */
    static final int SEARCH_WALK = 5000;

    /** Up to {@code limit + 1} rows after the cursor (the extra one says whether there is a next page). */
    List<HistoryRow> page(String tenantId, HistoryQuery q) {
        if (dialect == Dialect.POSTGRESQL && q.searching()) {
            HistorySql walk = walk(tenantId, q, true);
            List<HistoryRow> rows = walk.bindTo(h.createQuery("SELECT " + walk.columns() + " FROM " + newest(walk)
                            + " WHERE " + HistorySql.matches() + walk.order() + " LIMIT " + (q.limit() + 1)))
                    .map((rs, ctx) -> HistoryRow.read(rs, false)).list();
            if (rows.size() > q.limit()) return rows;
        }
        HistorySql sql = sql(tenantId, q, true, plan(tenantId, q));
        return sql.bindTo(h.createQuery("SELECT " + sql.columns() + " FROM " + sql.from() + " WHERE " + sql.where()
                        + sql.order() + " LIMIT " + (q.limit() + 1)))
                .map((rs, ctx) -> HistoryRow.read(rs, sql.withDoc())).list();
    }

    /** How many calls the view has, counting no further than {@link #COUNT_CAP} + 1. */
    int cappedCount(String tenantId, HistoryQuery q) {
        if (dialect == Dialect.POSTGRESQL && q.searching()) {
            HistorySql walk = walk(tenantId, q, false);
            int n = walk.bindTo(h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + newest(walk) + " WHERE "
                            + HistorySql.matches() + " LIMIT " + (COUNT_CAP + 1) + ") capped"))
                    .mapTo(Integer.class).one();
            if (n > COUNT_CAP) return n;
        }
        HistorySql sql = sql(tenantId, q, false, plan(tenantId, q));
        return sql.bindTo(h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + sql.from() + " WHERE " + sql.where()
                        + " LIMIT " + (COUNT_CAP + 1) + ") capped"))
                .mapTo(Integer.class).one();
    }

    private HistorySql sql(String tenantId, HistoryQuery q, boolean withCursor, HistorySql.Plan plan) {
        return new HistorySql(dialect, tenantId, q, withCursor, plan, q.local() == null ? null : clock(tenantId, q));
    }

    private HistorySql walk(String tenantId, HistoryQuery q, boolean withCursor) {
        return HistorySql.walk(tenantId, q, withCursor, q.local() == null ? null : clock(tenantId, q));
    }

    /**
     * PostgreSQL searches and hour filters: plan every statement for its own values, inside the caller's transaction.
     * After five runs of a prepared statement PostgreSQL may switch to a plan made without the values, which cannot
     * tell a common word (or hour) from a rare one and joins every match of the word (measured: 10 ms became 110 ms)
     * or walks the whole tenant for a rare hour.
     */
    void planForTheseValues(HistoryQuery q) {
        if (dialect == Dialect.POSTGRESQL && (q.searching() || q.local() != null)) h.execute("SET LOCAL plan_cache_mode = force_custom_plan");
    }

    /** The view's {@link #SEARCH_WALK} newest calls, as a derived table named {@code c}. */
    private static String newest(HistorySql walk) {
        return "(SELECT * FROM " + walk.from() + " WHERE " + walk.where() + walk.order() + " LIMIT " + SEARCH_WALK + ") c";
    }

    /**
     * The tenant's offsets over every instant an hour or weekday filter can match: the view's days, narrowed to the
     * tenant's first and last call (two index probes), so a view without days, or with a century of them, still
     * has one piece per offset change in the data only. The end reaches at least now: a call stored while this
     * page is read (after the last one seen here, maybe across a change) still gets its own offset.
     */
    private List<ZoneOffsets.Piece> clock(String tenantId, HistoryQuery q) {
        // A page, its walk and its count ask for the same view: its edges are read once (one repository per request).
        if (q == clockFor) return clock;
        clockFor = q;
        return clock = span(tenantId, q);
    }

    private List<ZoneOffsets.Piece> span(String tenantId, HistoryQuery q) {
        long now = System.currentTimeMillis();
        long first = edge(tenantId, "ASC", now), last = edge(tenantId, "DESC", now);
        long end = Math.max(last + 1, now);
        long from = q.fromMs() == null ? first : Math.max(q.fromMs(), first);
        long to = q.toMs() == null ? end : Math.min(q.toMs(), end);
        return q.local().pieces(from, Math.max(from, to));
    }

    /** The tenant's first ({@code ASC}) or last ({@code DESC}) created_at, or {@code otherwise} without calls. */
    private long edge(String tenantId, String direction, long otherwise) {
        // direction is one of two constants above.
        return h.createQuery("SELECT created_at FROM calls WHERE tenant_id = :t ORDER BY created_at " + direction + " LIMIT 1")
                .bind("t", tenantId).mapTo(Long.class).findOne().orElse(otherwise);
    }

    /**
     * How to reach the view's rows where the planner cannot tell; a page and its count ask once. SQLite's planner has
     * no value statistics, so it walks the time index (right when the filters are common: 50 matches come quickly)
     * even when they match nothing (then it reads the whole tenant, parsing each call's structured data for a data
     * filter). Counting a range's or a data value's
     * matches on its own index, up to {@link #RARE}, is an index-only read of at most that many entries and
     * tells the two apart: the rarest such filter drives. When none is rare, a data value still drives unless
     * another filter has an index of its own (walking the value's rows beats parsing JSON in time order; the other
     * index may beat both). PostgreSQL's statistics do all this by themselves, except for hours (see {@link #rareHour}).
     */
    HistorySql.Plan plan(String tenantId, HistoryQuery q) {
        if (q == planFor) return plan;
        planFor = q;
        return plan = choose(tenantId, q);
    }

    private HistorySql.Plan choose(String tenantId, HistoryQuery q) {
        if (q.searching()) return HistorySql.Plan.ANY;
        if (dialect == Dialect.POSTGRESQL) return rareHour(tenantId, q);
        HistorySql.Plan best = HistorySql.Plan.ANY, commonData = null;
        int fewest = RARE;
        if (q.minDurationMs() != null || q.maxDurationMs() != null) {
            int n = rangeCount(tenantId, "duration_ms", q.minDurationMs(), q.maxDurationMs());
            if (n < fewest) {
                fewest = n;
                best = HistorySql.Plan.index("calls_by_duration");
            }
        }
        if (q.minCost() != null || q.maxCost() != null) {
            int n = rangeCount(tenantId, "cost", q.minCost(), q.maxCost());
            if (n < fewest) {
                fewest = n;
                best = HistorySql.Plan.index("calls_by_cost");
            }
        }
        for (Map.Entry<String, String> d : q.data().entrySet()) {
            if (!DataValues.indexable(d.getValue())) continue;
            int n = dataCount(tenantId, d);
            if (n < fewest) {
                fewest = n;
                best = HistorySql.Plan.data(d);
            } else if (commonData == null) {
                commonData = HistorySql.Plan.data(d);
            }
        }
        if (best != HistorySql.Plan.ANY || commonData == null) return best;
        boolean otherIndex = !q.statuses().isEmpty() || !q.categories().isEmpty() || !q.reasons().isEmpty()
                || !q.callTypes().isEmpty() || !q.phones().isEmpty() || q.transferred() != null || !q.success().isEmpty();
        return otherIndex ? HistorySql.Plan.ANY : commonData;
    }

    /**
     * PostgreSQL: a rare hour (fewer than {@link #RARE} calls in its UTC quarter hours, an index-only count) is read
     * through {@code calls_by_quarter}. Its statistics cannot be told to the planner for the exact test (a CASE over
     * the offsets, estimated at a fixed fraction), so named for every hour the quarters made it read a busy hour's
     * thousands of calls to sort them (13 ms became 88 ms p95); a common hour walks the time index as before.
     */
    private HistorySql.Plan rareHour(String tenantId, HistoryQuery q) {
        if (q.local() == null || q.local().hours().isEmpty()) return HistorySql.Plan.ANY;
        List<Long> quarters = LocalTimeFilter.utcQuarters(q.local().hours(), clock(tenantId, q));
        if (quarters.isEmpty()) return HistorySql.Plan.ANY;
        int n = h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM calls c WHERE c.tenant_id = :t AND " + LocalTimeFilter.UTC_QUARTER
                        + " IN (<quarters>) LIMIT " + RARE + ") n")
                .bind("t", tenantId).bindList("quarters", quarters).mapTo(Integer.class).one();
        return n < RARE ? HistorySql.Plan.quarters(quarters) : HistorySql.Plan.ANY;
    }

    private int dataCount(String tenantId, Map.Entry<String, String> d) {
        return h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM call_data_values WHERE tenant_id = :t AND field = :f "
                        + "AND value = :v LIMIT " + RARE + ") n")
                .bind("t", tenantId).bind("f", d.getKey()).bind("v", d.getValue()).mapTo(Integer.class).one();
    }

    private int rangeCount(String tenantId, String column, Number min, Number max) {
        // column is one of two constants above; the bounds are bound.
        var query = h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM calls WHERE tenant_id = :t"
                + (min != null ? " AND " + column + " >= :min" : " AND " + column + " IS NOT NULL")
                + (max != null ? " AND " + column + " <= :max" : "") + " LIMIT " + RARE + ") n").bind("t", tenantId);
        if (min != null) query.bind("min", min);
        if (max != null) query.bind("max", max);
        return query.mapTo(Integer.class).one();
    }

    /**
     * The matched words in context for the given calls of a search, with {@link #MARK_START}/{@link #MARK_END}
     * around each match. Computed for one page only: highlighting every match of a common word would cost more
     * than the search.
     */
    Map<String, String> snippets(String tenantId, HistoryQuery q, List<String> callIds) {
        Map<String, String> out = new HashMap<>();
        if (callIds.isEmpty() || !q.searching()) return out;
        if (dialect == Dialect.SQLITE) {
            Map<Long, String> docs = new HashMap<>();
            h.createQuery("SELECT id, call_id FROM call_search_docs WHERE tenant_id = :t AND call_id IN (<ids>)")
                    .bind("t", tenantId).bindList("ids", callIds)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).forEach(e -> docs.put(e.getKey(), e.getValue()));
            if (docs.isEmpty()) return out;
            h.createQuery("SELECT rowid, snippet(call_search, 1, char(2), char(3), '…', 16) FROM call_search "
                            + "WHERE call_search MATCH :match AND rowid IN (<docs>)")
                    .bind("match", HistorySql.fts5Match(tenantId, q.words())).bindList("docs", new ArrayList<>(docs.keySet()))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> out.put(docs.get(e.getKey()), e.getValue()));
        } else {
            h.createQuery("SELECT call_id, ts_headline('english', body, plainto_tsquery('english', :words), "
                            + "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=10, MaxFragments=2, "
                            + "FragmentDelimiter=\" … \"') FROM call_search_docs WHERE tenant_id = :t AND call_id IN (<ids>)")
                    .bind("t", tenantId).bind("words", String.join(" ", q.words())).bindList("ids", callIds)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * Every row of the view, newest first, handed to {@code sink} one at a time as the database produces them
     * (PostgreSQL: a server-side cursor, which needs the transaction the caller opened; SQLite steps through
     * the result), so memory stays flat whatever the size. Returns the number of rows.
     */
    long stream(String tenantId, HistoryQuery q, Consumer<HistoryRow> sink) {
        HistorySql sql = sql(tenantId, q, false, plan(tenantId, q));
        long[] n = {0};
        sql.bindTo(h.createQuery("SELECT " + sql.columns() + " FROM " + sql.from() + " WHERE " + sql.where() + sql.order()))
                .setFetchSize(EXPORT_FETCH)
                .map((rs, ctx) -> HistoryRow.read(rs, sql.withDoc()))
                .forEach(row -> {
                    sink.accept(row);
                    n[0]++;
                });
        return n[0];
    }
}
