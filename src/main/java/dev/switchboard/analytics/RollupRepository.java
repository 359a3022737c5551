package dev.switchboard.analytics;

import dev.switchboard.tenant.ZoneOffsets;
import dev.switchboard.db.DirectStatement;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The rollup rows of one tenant at a time (schema v9): every method takes the tenant first. */
final class RollupRepository {
    private static final String COLS = String.join(", ", Measures.COLUMNS);
    private static final String PLACEHOLDERS = String.join(", ", Collections.nCopies(Measures.SIZE + 2, "?"));
    private static final String ADD = "INSERT INTO analytics_buckets (tenant_id, bucket, " + COLS + ") VALUES (" + PLACEHOLDERS + ") "
            + "ON CONFLICT (tenant_id, bucket) DO UPDATE SET "
            + String.join(", ", Measures.COLUMNS.stream().map(c -> c + " = analytics_buckets." + c + " + excluded." + c).toList());
    private static final String INSERT = "INSERT INTO analytics_buckets (tenant_id, bucket, " + COLS + ") VALUES (" + PLACEHOLDERS + ")";
    private static final String ADD_FIELD = "INSERT INTO analytics_field_buckets (tenant_id, bucket, field, n, total_micros) "
            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, bucket, field) DO UPDATE SET "
            + "n = analytics_field_buckets.n + excluded.n, total_micros = analytics_field_buckets.total_micros + excluded.total_micros";

    /** One stored row: a bucket and its measures. */
    record Row(long bucket, long[] measures) {}

    /** One field row: how many calls of the bucket had the field, and its sum in micro-units. */
    record FieldRow(long bucket, String field, long n, long totalMicros) {}

    private final Handle h;

    RollupRepository(Handle h) {
        this.h = h;
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) one call's contribution. */
    void add(String tenantId, Contribution c, int sign) {
        DirectStatement u = DirectStatement.of(h, ADD).text(tenantId).int64(c.bucket);
        for (int i = 0; i < Measures.SIZE; i++) u.int64(sign * c.measures[i]);
        u.update();
        for (Map.Entry<String, Long> f : c.fields.entrySet()) {
            DirectStatement.of(h, ADD_FIELD).text(tenantId).int64(c.bucket).text(f.getKey()).int32(sign).int64(sign * f.getValue()).update();
        }
    }

    /** Rows with {@code from <= bucket < to}, in bucket order. */
    List<Row> range(String tenantId, long from, long to) {
        return h.createQuery("SELECT bucket, " + COLS + " FROM analytics_buckets WHERE tenant_id = :t AND bucket >= :from "
                        + "AND bucket < :to AND calls <> 0 ORDER BY bucket")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> {
                    long[] m = new long[Measures.SIZE];
                    for (int i = 0; i < Measures.SIZE; i++) m[i] = rs.getLong(i + 2);
                    return new Row(rs.getLong(1), m);
                }).list();
    }

    private static final String SUMS = String.join(", ", Measures.COLUMNS.stream().map(c -> "SUM(" + c + ")").toList());

    /** The measures of {@code from <= bucket < to} summed by the database (one row however long the span). */
    long[] sum(String tenantId, long from, long to) {
        return h.createQuery("SELECT " + SUMS + " FROM analytics_buckets WHERE tenant_id = :t AND bucket >= :from AND bucket < :to")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> {
                    long[] m = new long[Measures.SIZE];
                    for (int i = 0; i < Measures.SIZE; i++) m[i] = rs.getLong(i + 1);
                    return m;
                }).one();
    }

    /**
     * The measures of {@code from <= bucket < to} summed per local day ({@code bucketsPerGroup} 96, key = local epoch
     * day) or local hour (4, key = local epoch hour), grouped by the database. The span is cut where the zone's
     * offset changes, so each piece shifts buckets by one constant offset: exact across daylight-saving changes.
     */
    java.util.Map<Long, long[]> sumByLocal(String tenantId, long from, long to, java.time.ZoneId zone, int bucketsPerGroup) {
        return sumByLocal(tenantId, from, to, zone, bucketsPerGroup, false);
    }

    /** As above; {@code callsOnly} sums just {@link Measures#CALLS} (the heat map and the hourly chart need no more). */
    java.util.Map<Long, long[]> sumByLocal(String tenantId, long from, long to, java.time.ZoneId zone, int bucketsPerGroup,
                                           boolean callsOnly) {
        String sums = callsOnly ? "SUM(calls)" : SUMS;
        int width = callsOnly ? 1 : Measures.SIZE;
        java.util.Map<Long, long[]> out = new java.util.TreeMap<>();
        List<ZoneOffsets.Piece> pieces = ZoneOffsets.over(zone, from * Contribution.BUCKET_MS, to * Contribution.BUCKET_MS);
        for (int p = 0; p < pieces.size(); p++) {
            long a = p == 0 ? from : Math.floorDiv(pieces.get(p).from(), Contribution.BUCKET_MS);
            long b = p + 1 < pieces.size() ? Math.floorDiv(pieces.get(p + 1).from(), Contribution.BUCKET_MS) : to;
            if (b <= a) continue;
            long offset = pieces.get(p).offsetMs() / Contribution.BUCKET_MS;
            // Numbers we computed, written into the SQL: PostgreSQL groups by an expression only when it is the same text.
            String key = "(bucket + " + offset + ") / " + bucketsPerGroup;
            h.createQuery("SELECT " + key + " AS k, " + sums + " FROM analytics_buckets WHERE tenant_id = :t "
                            + "AND bucket >= :from AND bucket < :to GROUP BY " + key)
                    .bind("t", tenantId).bind("from", a).bind("to", b)
                    .map((rs, ctx) -> {
                        long[] m = out.computeIfAbsent(rs.getLong(1), k -> new long[Measures.SIZE]);
                        for (int i = 0; i < width; i++) m[i] += rs.getLong(i + 2);
                        return m;
                    }).list();
        }
        return out;
    }

    /** Per field over {@code from <= bucket < to}, summed by the database (bucket is 0 in the answer). */
    List<FieldRow> fieldTotals(String tenantId, long from, long to) {
        return h.createQuery("SELECT field, SUM(n), SUM(total_micros) FROM analytics_field_buckets WHERE tenant_id = :t "
                        + "AND bucket >= :from AND bucket < :to GROUP BY field")
                .bind("t", tenantId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new FieldRow(0, rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    void deleteRange(String tenantId, long from, long to) {
        for (String table : List.of("analytics_buckets", "analytics_field_buckets")) {
            h.createUpdate("DELETE FROM " + table + " WHERE tenant_id = :t AND bucket >= :from AND bucket < :to")
                    .bind("t", tenantId).bind("from", from).bind("to", to).execute();
        }
    }

    /**
     * Inserts rows into an emptied range (see {@link #deleteRange}). Plain JDBC batches: a rebuild writes hundreds of
     * thousands of 35-column rows, and binding through Jdbi cost more than the database did.
     */
    void insert(String tenantId, List<Row> rows, List<FieldRow> fields) {
        try {
            if (!rows.isEmpty()) {
                try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT)) {
                    for (Row r : rows) {
                        ps.setString(1, tenantId);
                        ps.setLong(2, r.bucket());
                        for (int i = 0; i < Measures.SIZE; i++) ps.setLong(i + 3, r.measures()[i]);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!fields.isEmpty()) {
                try (PreparedStatement ps = h.getConnection().prepareStatement(
                        "INSERT INTO analytics_field_buckets (tenant_id, bucket, field, n, total_micros) VALUES (?, ?, ?, ?, ?)")) {
                    for (FieldRow f : fields) {
                        ps.setString(1, tenantId);
                        ps.setLong(2, f.bucket());
                        ps.setString(3, f.field());
                        ps.setLong(4, f.n());
                        ps.setLong(5, f.totalMicros());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing rebuilt rollups of " + tenantId + " failed", e);
        }
    }

    /** The first and last created_at of the tenant's calls, or null without calls. */
    long[] span(String tenantId) {
        return h.createQuery("SELECT MIN(created_at), MAX(created_at) FROM calls WHERE tenant_id = :t")
                .bind("t", tenantId)
                .map((rs, ctx) -> rs.getObject(1) == null ? null : new long[] {rs.getLong(1), rs.getLong(2)})
                .one();
    }

    List<String> tenants() {
        return new ArrayList<>(h.createQuery("SELECT id FROM tenants ORDER BY id").mapTo(String.class).list());
    }

    boolean rebuildPending() {
        return h.createQuery("SELECT COUNT(*) FROM analytics_pending_rebuild").mapTo(Long.class).one() > 0;
    }

    void clearPending() {
        h.createUpdate("DELETE FROM analytics_pending_rebuild").execute();
    }
}
