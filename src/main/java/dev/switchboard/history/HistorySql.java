package dev.switchboard.history;

import dev.switchboard.db.Dialect;
import dev.switchboard.tenant.ZoneOffsets;
import org.jdbi.v3.core.statement.SqlStatement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FROM and WHERE of one tenant's history view in one dialect. Every value is a bound parameter; the text of
 * the statement depends only on which filters are present, how many values a list has and, with an hour or
 * weekday filter, how many offset changes the span holds. Not thread-safe
 * (build, bind, discard).
 */
final class HistorySql {
    /** What history shows of a call. The provider's listen and control URLs are never selected. */
    static final String COLUMNS = "c.id, c.status, c.call_type, c.phone_number, c.our_number, c.assistant_id, c.assistant_name, "
            + "c.created_at, c.started_at, c.ended_at, c.ended_reason, c.ended_category, c.duration_ms, c.cost, c.transferred, "
            + "c.transfer_destination, c.success_evaluation, c.structured_data, c.summary, c.recording_url";

    /** Newest first; id breaks ties so the keyset is total. */
    private static final String ORDER = " ORDER BY c.created_at DESC, c.id DESC";
    /**
     * SQLite searches: newest first by document id (created_at * 1000 + slot, see schema v8), the order FTS5 yields
     * matches in, so the first page needs only the newest matches rather than a sort of all of them.
     */
    private static final String DOC_ORDER = " ORDER BY call_search.rowid DESC";

    /**
     * SQLite statements from one structured-data value's rows (see {@link DataValues}): newest first by their own
     * (created_at, call_id), the order of their index, so a page stops after its rows instead of sorting.
     */
    private static final String DATA_ORDER = " ORDER BY v.created_at DESC, v.call_id DESC";

    /**
     * How the view's rows are reached where the database's planner cannot tell (see {@link HistoryRepository#plan}).
     * SQLite: through {@code index}, one of the calls' indexes, or from the rows of one structured-data filter
     * ({@code data}, its JSON path and value) in {@code call_data_values}. PostgreSQL: a rare hour's UTC quarter hours
     * ({@code quarters}, see {@link LocalTimeFilter#utcQuarters}) named for its index. {@link #ANY} lets the database choose.
     */
    record Plan(String index, Map.Entry<String, String> data, List<Long> quarters) {
        static final Plan ANY = new Plan(null, null, null);

        static Plan index(String index) {
            return new Plan(index, null, null);
        }

        static Plan data(Map.Entry<String, String> data) {
            return new Plan(null, data, null);
        }

        static Plan quarters(List<Long> quarters) {
            return new Plan(null, null, quarters);
        }
    }

    private final boolean docOrder;
    private final boolean dataOrder;

    private final StringBuilder from = new StringBuilder();
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> binds = new LinkedHashMap<>();

    /**
     * {@code plan}: SQLite only, how to reach the rows (its index is a constant of {@link HistoryRepository}, never input).
     * {@code clock}: the tenant's offsets over the span the view can reach, when it filters by hour or weekday
     * (see {@link LocalTimeFilter#pieces}), else null.
     */
    HistorySql(Dialect dialect, String tenantId, HistoryQuery q, boolean withCursor, Plan plan, List<ZoneOffsets.Piece> clock) {
        this(dialect, tenantId, q, withCursor, plan, clock, false);
    }

    /**
     * PostgreSQL searches, {@code walk}: the view's calls without the search (FROM/WHERE as without words), and
     * {@link #matches()} the condition a call's document must meet; {@link HistoryRepository} walks the newest calls
     * and tests each, which finds the first page of a common word long before the index could list all its matches.
     */
    static HistorySql walk(String tenantId, HistoryQuery q, boolean withCursor, List<ZoneOffsets.Piece> clock) {
        return new HistorySql(Dialect.POSTGRESQL, tenantId, q, withCursor, Plan.ANY, clock, true);
    }

    private HistorySql(Dialect dialect, String tenantId, HistoryQuery q, boolean withCursor, Plan plan,
                       List<ZoneOffsets.Piece> clock, boolean walk) {
        bind("tenant", tenantId);
        docOrder = q.searching() && dialect == Dialect.SQLITE;
        dataOrder = !docOrder && plan.data() != null;
        if (walk) {
            from.append("calls c");
            where.append("c.tenant_id = :tenant");
            bind("words", String.join(" ", q.words()));
        } else if (docOrder) {
            // The full-text index drives: it yields only this tenant's matching documents (the tenant token is part
            // of the match), then each is joined to its call.
            // CROSS JOIN fixes the join order: SQLite never moves the full-text index away from the outer loop.
            from.append("call_search CROSS JOIN call_search_docs d CROSS JOIN calls c");
            where.append("d.id = call_search.rowid AND c.tenant_id = d.tenant_id AND c.id = d.call_id AND ");
            where.append("call_search MATCH :match AND d.tenant_id = :tenant AND c.tenant_id = :tenant");
            bind("match", fts5Match(tenantId, q.words()));
        } else if (q.searching()) {
            from.append("call_search_docs d JOIN calls c ON c.tenant_id = d.tenant_id AND c.id = d.call_id");
            where.append("d.tsv @@ (to_tsquery('simple', :tenantKey) && plainto_tsquery('english', :words)) "
                    + "AND d.tenant_id = :tenant AND c.tenant_id = :tenant");
            bind("tenantKey", SearchIndex.tenantKey(tenantId));
            bind("words", String.join(" ", q.words()));
        } else if (dataOrder) {
            // The value's rows drive, newest first; CROSS JOIN keeps them the outer loop. Each is joined to its call.
            from.append("call_data_values v CROSS JOIN calls c");
            where.append("v.tenant_id = :tenant AND v.field = ").append(param(plan.data().getKey()))
                    .append(" AND v.value = ").append(param(plan.data().getValue()))
                    .append(" AND c.tenant_id = v.tenant_id AND c.id = v.call_id");
        } else {
            from.append("calls c");
            if (plan.index() != null) from.append(" INDEXED BY ").append(plan.index());
            where.append("c.tenant_id = :tenant");
        }
        in("c.status", q.statuses());
        in("c.ended_category", q.categories());
        in("c.ended_reason", q.reasons());
        in("c.call_type", q.callTypes());
        in("c.assistant_id", q.assistants());
        in("c.phone_number", q.phones());
        compare("c.created_at", ">=", q.fromMs());
        compare("c.created_at", "<", q.toMs());
        if (plan.quarters() != null) in(LocalTimeFilter.UTC_QUARTER, plan.quarters());
        if (q.local() != null) local(q.local(), clock);
        compare("c.duration_ms", ">=", q.minDurationMs());
        compare("c.duration_ms", "<=", q.maxDurationMs());
        compare("c.cost", ">=", q.minCost());
        compare("c.cost", "<=", q.maxCost());
        in("c.success_evaluation", q.success());
        if (q.transferred() != null) where.append(" AND c.transferred = ").append(param(q.transferred() ? 1 : 0));
        for (Map.Entry<String, String> d : q.data().entrySet()) {
            if (dataOrder && d.equals(plan.data())) continue; // the driving rows are exactly its matches
            if (dialect == Dialect.SQLITE) {
                // -> gives the field as JSON text: true, 8, "gold".
                where.append(" AND (c.structured_data -> ").append(param(d.getKey())).append(") = ").append(param(d.getValue()));
            } else {
                where.append(" AND (CAST(c.structured_data AS jsonb) -> ").append(param(d.getKey().substring(2)))
                        .append(") = CAST(").append(param(d.getValue())).append(" AS jsonb)");
            }
        }
        if (withCursor && q.cursor() != null && docOrder) {
            where.append(" AND call_search.rowid < ").append(param(q.cursor().doc()));
        } else if (withCursor && q.cursor() != null && dataOrder) {
            where.append(" AND (v.created_at, v.call_id) < (").append(param(q.cursor().createdAt())).append(", ")
                    .append(param(q.cursor().id())).append(")");
        } else if (withCursor && q.cursor() != null) {
            where.append(" AND (c.created_at, c.id) < (").append(param(q.cursor().createdAt())).append(", ")
                    .append(param(q.cursor().id())).append(")");
        }
    }

    /** The columns to select: {@link #COLUMNS}, plus the document id when pages are in document order. */
    String columns() {
        return docOrder ? COLUMNS + ", d.id" : COLUMNS;
    }

    boolean withDoc() {
        return docOrder;
    }

    String order() {
        return docOrder ? DOC_ORDER : dataOrder ? DATA_ORDER : ORDER;
    }

    /** With {@link #walk}: whether call {@code c}'s search document has every word. */
    static String matches() {
        return "EXISTS (SELECT 1 FROM call_search_docs d WHERE d.tenant_id = c.tenant_id AND d.call_id = c.id "
                + "AND d.tsv @@ plainto_tsquery('english', :words))";
    }

    String from() {
        return from.toString();
    }

    String where() {
        return where.toString();
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        binds.forEach(statement::bind);
        return statement;
    }

    Map<String, Object> binds() {
        return binds;
    }

    /** An FTS5 query: the tenant's token AND every word, each a quoted string (no operator can be smuggled in). */
    static String fts5Match(String tenantId, List<String> words) {
        StringBuilder m = new StringBuilder("tenant_key : \"").append(SearchIndex.tenantKey(tenantId)).append("\" AND body : (");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) m.append(" AND ");
            m.append('"').append(words.get(i).replace("\"", "\"\"")).append('"');
        }
        return m.append(')').toString();
    }

    private void in(String column, List<?> values) {
        if (values.isEmpty()) return;
        where.append(" AND ").append(column).append(values.size() == 1 ? " = " : " IN (");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) where.append(", ");
            where.append(param(values.get(i)));
        }
        if (values.size() > 1) where.append(')');
    }

    /**
     * Hour and weekday on the tenant's wall clock: {@code c.created_at} plus the offset of its piece (newest piece
     * first: pages read newest first, so most rows stop at the first branch), then integer arithmetic. Epoch day 0
     * (1970-01-01) was a Thursday, so three days later is a Monday: day + 3 modulo 7 is 0 on Mondays.
     */
    private void local(LocalTimeFilter f, List<ZoneOffsets.Piece> pieces) {
        StringBuilder clock = new StringBuilder();
        if (pieces.size() == 1) {
            clock.append("(c.created_at + ").append(param(pieces.get(0).offsetMs())).append(')');
        } else {
            clock.append("(CASE");
            for (int i = pieces.size() - 1; i > 0; i--) {
                clock.append(" WHEN c.created_at >= ").append(param(pieces.get(i).from()))
                        .append(" THEN c.created_at + ").append(param(pieces.get(i).offsetMs()));
            }
            clock.append(" ELSE c.created_at + ").append(param(pieces.get(0).offsetMs())).append(" END)");
        }
        if (!f.hours().isEmpty()) in("(" + clock + " / 3600000) % 24", f.hours());
        if (!f.weekdays().isEmpty()) in("(" + clock + " / 86400000 + 3) % 7", f.weekdays().stream().map(d -> d - 1).toList());
    }

    private void compare(String column, String op, Object value) {
        if (value != null) where.append(" AND ").append(column).append(' ').append(op).append(' ').append(param(value));
    }

    private String param(Object value) {
        String name = "p" + binds.size();
        bind(name, value);
        return ":" + name;
    }

    private void bind(String name, Object value) {
        binds.put(name, value);
    }
}
