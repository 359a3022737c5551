package dev.switchboard.analytics;

import dev.switchboard.db.GroupCommitter;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recomputes the rollups from the raw calls: after a bulk load that wrote calls directly (the history generator,
 * an import), when schema v9 first arrives, or by hand ({@code java -jar switchboard.jar analytics rebuild}).
 *
 * <p>Works in slices of 30 days per tenant, each in its own transaction through the single writer: a slice is
 * emptied and refilled atomically, live call writes queue behind it and then adjust the fresh rows, and memory
 * stays bounded however many calls there are. Run it with no other instance writing (another instance's commit
 * in the middle of a slice on PostgreSQL could be missed until the next rebuild).
 */
public final class Rebuild {
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final long SLICE_BUCKETS = 30L * 24 * 4;

    private final GroupCommitter writer;

    public Rebuild(GroupCommitter writer) {
        this.writer = writer;
    }

    /** Every tenant, every call; returns how many ended calls were counted. */
    public long all() {
        long counted = 0;
        for (String t : writer.submitAndWait(h -> new RollupRepository(h).tenants())) counted += tenant(t);
        writer.submitAndWait(h -> {
            new RollupRepository(h).clearPending();
            return null;
        });
        return counted;
    }

    /** Runs {@link #all} when schema v9 asked for it (calls stored before rollups existed). */
    public void ifPending() {
        if (!writer.submitAndWait(h -> new RollupRepository(h).rebuildPending())) return;
        long t0 = System.nanoTime();
        long n = all();
        if (n > 0) log.info("analytics: counted {} ended calls into rollups in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
    }

    /** One tenant, all its calls. */
    public long tenant(String tenantId) {
        long[] span = writer.submitAndWait(h -> new RollupRepository(h).span(tenantId));
        if (span == null) {
            writer.submitAndWait(h -> {
                new RollupRepository(h).deleteRange(tenantId, Long.MIN_VALUE, Long.MAX_VALUE);
                return null;
            });
            return 0;
        }
        long first = Math.floorDiv(span[0], Contribution.BUCKET_MS), last = Math.floorDiv(span[1], Contribution.BUCKET_MS);
        writer.submitAndWait(h -> { // rows outside the calls' span are left-overs of deleted calls
            new RollupRepository(h).deleteRange(tenantId, Long.MIN_VALUE, first);
            new RollupRepository(h).deleteRange(tenantId, last + 1, Long.MAX_VALUE);
            return null;
        });
        return range(tenantId, span[0], span[1] + 1);
    }

    /** One tenant's calls created in [fromMs, toMs), widened to whole buckets. */
    public long range(String tenantId, long fromMs, long toMs) {
        long from = Math.floorDiv(fromMs, Contribution.BUCKET_MS);
        long to = Math.floorDiv(toMs - 1, Contribution.BUCKET_MS) + 1;
        long counted = 0;
        for (long s = from; s < to; s += SLICE_BUCKETS) {
            long sliceFrom = s, sliceTo = Math.min(to, s + SLICE_BUCKETS);
            counted += writer.submitAndWait(h -> slice(h, tenantId, sliceFrom, sliceTo));
        }
        return counted;
    }

    private static long slice(Handle h, String tenantId, long from, long to) {
        RollupRepository rollups = new RollupRepository(h);
        rollups.deleteRange(tenantId, from, to);
        Map<Long, long[]> rows = new TreeMap<>();
        Map<Long, Map<String, long[]>> fields = new TreeMap<>();
        long[] counted = {0};
        h.createQuery("SELECT status, created_at, started_at, duration_ms, ended_category, transferred, cost, structured_data, "
                        + "success_evaluation FROM calls WHERE tenant_id = :t AND created_at >= :from AND created_at < :to "
                        + "AND status = 'ended'")
                .bind("t", tenantId).bind("from", from * Contribution.BUCKET_MS).bind("to", to * Contribution.BUCKET_MS)
                .setFetchSize(2000)
                .map((rs, ctx) -> Contribution.of(rs.getString(1), rs.getLong(2), nullableLong(rs, 3), nullableLong(rs, 4),
                        rs.getString(5), rs.getInt(6), nullableDouble(rs, 7), rs.getString(8), rs.getString(9)))
                .forEach(c -> {
                    if (c == null) return;
                    counted[0]++;
                    Measures.add(rows.computeIfAbsent(c.bucket, b -> new long[Measures.SIZE]), c.measures, 1);
                    c.fields.forEach((name, micros) -> {
                        long[] f = fields.computeIfAbsent(c.bucket, b -> new TreeMap<>()).computeIfAbsent(name, n -> new long[2]);
                        f[0]++;
                        f[1] += micros;
                    });
                });
        List<RollupRepository.Row> out = new ArrayList<>(rows.size());
        rows.forEach((b, m) -> out.add(new RollupRepository.Row(b, m)));
        List<RollupRepository.FieldRow> outFields = new ArrayList<>();
        fields.forEach((b, byName) -> byName.forEach((name, f) -> outFields.add(new RollupRepository.FieldRow(b, name, f[0], f[1]))));
        rollups.insert(tenantId, out, outFields);
        return counted[0];
    }

    private static Long nullableLong(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }
}
