package dev.switchboard.history;

import dev.switchboard.call.EndedCategory;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.db.Database;
import dev.switchboard.db.Dialect;
import dev.switchboard.http.Json;
import dev.switchboard.simulator.script.Dialogue;
import dev.switchboard.simulator.script.FinishedCall;
import dev.switchboard.simulator.script.TenantProfile;
import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Writes a realistic call history straight into the database: tenants with the simulator's profiles (business,
 * assistants, numbers, time zone), calls spread over the last {@code days} with weekday and business-hour
 * patterns in each tenant's zone, the simulator's scenarios with their shares of ended reasons (voicemail, no
 * answer, failures, transfers), transcripts from its dialogues, summaries, structured data, success evaluations,
 * costs, the status timeline and the search documents. Rows go in as multi-row INSERTs in large transactions,
 * oldest call first: placement times are drawn up front and sorted, so the many (tenant, …, created_at) indexes and
 * the search index are appended to, as live traffic does, instead of written at random places all over a year.
 * The same seed gives the same history. Single-threaded.
 */
public final class HistoryGenerator {
    /** Calls per transaction. */
    private static final int CHUNK = 10_000;
    private static final List<String> TENANT_NAMES = List.of("demo-client", "acme-agency", "senior-life", "northwind", "bluebird",
            "harborview", "pinecrest", "redwood", "silverline", "lakeside", "granite-peak", "maple-grove");
    /** Relative call volume by local hour: business hours, a lunch dip, a little in the evening. */
    private static final double[] HOURS = {0.1, 0.05, 0.05, 0.05, 0.05, 0.2, 0.6, 2, 5, 8, 9, 8.5, 6.5, 7, 8, 8, 7, 5, 3, 2, 1.4, 0.9, 0.5, 0.2};
    private static final double HOURS_TOTAL = java.util.Arrays.stream(HOURS).sum();

    public record Options(long calls, int tenants, int days, long seed) {}

    private final Database database;
    private final long now;
    /** The last search document id this run wrote (SQLite; ids ascend because calls are written oldest first). */
    private long lastDocId = Long.MIN_VALUE;
    /** Whether the database had search documents before this run (then new ids are checked against them). */
    private boolean appending;

    public HistoryGenerator(Database database, long now) {
        this.database = database;
        this.now = now;
    }

    /** The tenant ids a run with this many tenants writes to (the first three are the demo tenants). */
    public static List<String> tenantIds(int tenants) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < tenants; i++) ids.add(i < TENANT_NAMES.size() ? TENANT_NAMES.get(i) : "client-" + (i + 1));
        return ids;
    }

    /** Generates; {@code progress} gets the number of calls written so far after each transaction. */
    public long run(Options o, LongConsumer progress) {
        List<TenantProfile> profiles = tenantIds(o.tenants()).stream().map(TenantProfile::of).toList();
        double[] share = new double[profiles.size()];
        double sum = 0;
        for (int i = 0; i < share.length; i++) sum += share[i] = 1 / Math.pow(i + 1, 0.7); // a few big tenants, a long tail
        SplittableRandom rng = new SplittableRandom(o.seed());
        try (Handle h = database.jdbi().open()) {
            Connection c = h.getConnection();
            if (database.dialect() == Dialect.SQLITE) {
                try (var st = c.createStatement()) {
                    st.execute("PRAGMA cache_size = -262144"); // 256 MB: ten indexes on calls take random inserts
                }
            }
            c.setAutoCommit(false);
            if (database.dialect() == Dialect.SQLITE) {
                try (var st = c.createStatement()) {
                    st.execute("CREATE TEMP TABLE IF NOT EXISTS generated_docs (id INTEGER PRIMARY KEY, tenant_id TEXT, call_id TEXT, body TEXT)");
                    try (var rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM call_search_docs)")) {
                        appending = rs.next() && rs.getInt(1) == 1;
                    }
                }
            }
            ensureTenants(c, profiles);
            c.commit();
            Dialect dialect = database.dialect();
            long[] placed = placements(o, profiles, share, sum, rng);
            try (Writers w = new Writers(c, dialect)) {
                int written = 0;
                long indexedUpTo = dialect == Dialect.SQLITE ? DataValues.lastRowid(c) : 0;
                while (written < placed.length) {
                    int n = (int) Math.min(CHUNK, placed.length - written);
                    for (int i = written; i < written + n; i++) {
                        writeCall(w, profiles.get((int) (placed[i] & TENANT_MASK)), placed[i] >>> TENANT_BITS, rng);
                    }
                    w.flush();
                    if (dialect == Dialect.SQLITE) {
                        indexInBulk(c);
                        DataValues.indexCallsAfter(c, indexedUpTo);
                        indexedUpTo = DataValues.lastRowid(c);
                    }
                    c.commit();
                    written += n;
                    progress.accept(written);
                }
                return written;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("generating history failed: " + e.getMessage(), e);
        }
    }

    private static final int TENANT_BITS = 16;
    private static final long TENANT_MASK = (1L << TENANT_BITS) - 1;

    /**
     * Every call's tenant and placement time, oldest first, each packed as {@code time << 16 | tenant} so one
     * primitive sort orders them (8 bytes a call; epoch milliseconds need 41 bits).
     */
    private long[] placements(Options o, List<TenantProfile> profiles, double[] share, double sum, SplittableRandom rng) {
        if (o.calls() > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("at most " + (Integer.MAX_VALUE - 8) + " calls per run");
        if (profiles.size() > TENANT_MASK) throw new IllegalArgumentException("at most " + TENANT_MASK + " tenants");
        long[] placed = new long[(int) o.calls()];
        for (int i = 0; i < placed.length; i++) {
            double pick = rng.nextDouble() * sum;
            int t = 0;
            while (t < share.length - 1 && (pick -= share[t]) > 0) t++;
            placed[i] = placedAt(profiles.get(t), rng, o.days()) << TENANT_BITS | t;
        }
        java.util.Arrays.sort(placed);
        return placed;
    }

    /**
     * SQLite: this transaction's documents (collected in a temporary table) go into the search index with one
     * INSERT … SELECT, three times faster than its per-row trigger. The trigger is dropped and recreated inside
     * the same transaction, so a failed run rolls back to the trigger in place.
     */
    private static void indexInBulk(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("DROP TRIGGER call_search_docs_ai");
            st.execute("INSERT INTO call_search_docs (id, tenant_id, call_id, body) SELECT id, tenant_id, call_id, body FROM generated_docs");
            st.execute("INSERT INTO call_search (rowid, tenant_key, body) SELECT id, 'x' || lower(hex(tenant_id)), body FROM generated_docs");
            st.execute(SearchIndex.SQLITE_INSERT_TRIGGER);
            st.execute("DELETE FROM generated_docs");
        }
    }

    /**
     * A search document id for a call placed at {@code createdAt} (SQLite: see schema v8), unique among those this
     * run wrote and those already stored.
     */
    private long docId(Connection c, long createdAt) throws SQLException {
        long id = Math.max(createdAt * SearchIndex.SLOTS, lastDocId + 1);
        while (stored(c, id)) id++;
        lastDocId = id;
        return id;
    }

    private boolean stored(Connection c, long id) throws SQLException {
        if (!appending) return false;
        try (var s = c.prepareStatement("SELECT 1 FROM call_search_docs WHERE id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void ensureTenants(Connection c, List<TenantProfile> profiles) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO tenants (id, name, created_at, time_zone) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            for (TenantProfile p : profiles) {
                s.setString(1, p.tenantId());
                s.setString(2, ConfigLoader.prettyName(p.tenantId()));
                s.setLong(3, now);
                s.setString(4, p.zone().getId());
                s.executeUpdate();
            }
        }
    }

    private void writeCall(Writers w, TenantProfile p, long created, SplittableRandom rng) throws SQLException {
        FinishedCall f = FinishedCall.draw(p, rng, created);
        // A version-7 UUID (the creation millisecond first): the indexes keyed by call id (the calls' key, transcript
        // lines, status events, search documents) are then appended to as well. Read paths seek one call either way.
        String id = new UUID(created << 16 | 0x7000L | (rng.nextLong() & 0x0FFFL),
                (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
        boolean outbound = "outboundPhoneCall".equals(f.callType());
        long ring = f.connected() ? (outbound ? 4000 + rng.nextInt(9000) : 800 + rng.nextInt(2500))
                : "customer-busy".equals(f.endedReason()) ? 600 + rng.nextInt(800) : 20_000 + rng.nextInt(8000);
        Long started = f.connected() ? created + ring : null;
        long at = f.connected() ? started + 600 : created;
        List<Object[]> lines = new ArrayList<>(f.lines().size());
        StringBuilder body = new StringBuilder(f.summary() == null ? "" : f.summary()).append('\n');
        int idx = 0;
        for (Dialogue.Spoken s : f.lines()) {
            long speaking = 900 + s.text().length() * 55L + rng.nextInt(700);
            lines.add(new Object[] {p.tenantId(), id, "report", idx++, s.role(), s.text(), at, (at - (started == null ? at : started)) / 1000.0});
            body.append(s.text()).append('\n');
            at += speaking + 300 + rng.nextInt(900);
        }
        long ended = f.connected() ? Math.max(at, started + 2000) + rng.nextInt(1500) : created + ring;
        Long duration = started == null ? null : ended - started;
        double minutes = duration == null ? 0 : duration / 60_000.0;
        Double cost = f.connected() ? round(minutes * p.costPerMinute() * (0.85 + rng.nextDouble() * 0.3) + 0.005) : 0.0;
        String transferred = f.transferredTo();
        long reported = ended + 1500 + rng.nextInt(4000);
        String category = EndedCategory.of(f.endedReason()).wire();
        int transferredFlag = transferred != null || EndedCategory.of(f.endedReason()) == EndedCategory.TRANSFERRED ? 1 : 0;
        w.calls.add(p.tenantId(), id, "vapi", "ended", f.callType(), f.customerNumber(), f.ourNumber(), f.assistant().id(),
                f.assistant().name(), created, reported, started, ended, f.endedReason(), cost, costBreakdown(cost, minutes),
                f.summary(), f.structuredData().isEmpty() ? null : Json.write(f.structuredData()),
                f.successEvaluation() == null ? null : Json.write(f.successEvaluation()),
                f.connected() ? "https://storage.vapi.ai/" + id + "-" + created + "-mono.wav" : null,
                f.connected() ? "https://storage.vapi.ai/" + id + "-" + created + "-stereo.wav" : null,
                transferred, reported, 3L, duration, category, transferredFlag);
        for (Object[] l : lines) w.lines.add(l);
        w.status.add(p.tenantId(), id, "ringing", "status-update", "{\"source\":\"vapi\",\"message\":\"status-update\"}", created);
        if (started != null) w.status.add(p.tenantId(), id, "in-progress", "status-update", "{\"source\":\"vapi\",\"message\":\"status-update\"}", started);
        w.status.add(p.tenantId(), id, "ended", "end-of-call-report", "{\"source\":\"vapi\",\"message\":\"end-of-call-report\"}", ended);
        if (w.dialect == Dialect.SQLITE) w.docs.add(docId(w.connection, created), p.tenantId(), id, body.toString());
        else w.docs.add(p.tenantId(), id, body.toString(), SearchIndex.tenantKey(p.tenantId()), body.toString());
    }

    /** When a call is placed: a day in the window (weekends quieter), an hour by the business-hours curve, local time. */
    private long placedAt(TenantProfile p, SplittableRandom rng, int days) {
        LocalDate today = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(now), p.zone());
        while (true) {
            LocalDate day = today.minusDays(rng.nextInt(days));
            DayOfWeek dow = day.getDayOfWeek();
            double keep = dow == DayOfWeek.SATURDAY ? 0.35 : dow == DayOfWeek.SUNDAY ? 0.15 : 1;
            if (rng.nextDouble() >= keep) continue;
            double r = rng.nextDouble() * HOURS_TOTAL;
            int hour = 0;
            while (hour < 23 && (r -= HOURS[hour]) > 0) hour++;
            long t = ZonedDateTime.of(day.atTime(hour, rng.nextInt(60), rng.nextInt(60)), p.zone()).toInstant().toEpochMilli()
                    + rng.nextInt(1000);
            if (t < now - 60_000) return t;
        }
    }

    private static String costBreakdown(double cost, double minutes) {
        Map<String, Object> b = new LinkedHashMap<>();
        double transport = round(minutes * 0.008), stt = round(minutes * 0.01), vapi = round(minutes * 0.05);
        double tts = round(Math.max(0, cost - transport - stt - vapi) * 0.45);
        b.put("transport", transport);
        b.put("stt", stt);
        b.put("llm", round(Math.max(0, cost - transport - stt - vapi - tts)));
        b.put("tts", tts);
        b.put("vapi", vapi);
        b.put("total", cost);
        return Json.write(b);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** The batched INSERTs of one run, on one connection. */
    private static final class Writers implements AutoCloseable {
        final Dialect dialect;
        final Connection connection;
        final MultiRowInsert calls;
        final MultiRowInsert lines;
        final MultiRowInsert status;
        final MultiRowInsert docs;

        Writers(Connection c, Dialect dialect) {
            this.dialect = dialect;
            this.connection = c;
            calls = new MultiRowInsert(c, "INSERT INTO calls (tenant_id, id, provider, status, call_type, phone_number, our_number, "
                    + "assistant_id, assistant_name, created_at, updated_at, started_at, ended_at, ended_reason, cost, cost_breakdown, "
                    + "summary, structured_data, success_evaluation, recording_url, stereo_recording_url, transfer_destination, "
                    + "reported_at, version, duration_ms, ended_category, transferred)",
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 100);
            lines = new MultiRowInsert(c, "INSERT INTO transcript_lines (tenant_id, call_id, source, idx, role, text, at, seconds_from_start)",
                    "(?, ?, ?, ?, ?, ?, ?, ?)", 400);
            status = new MultiRowInsert(c, "INSERT INTO call_status_events (tenant_id, call_id, status, source, payload, created_at)",
                    "(?, ?, ?, ?, ?, ?)", 400);
            docs = dialect == Dialect.SQLITE
                    ? new MultiRowInsert(c, "INSERT INTO generated_docs (id, tenant_id, call_id, body)", "(?, ?, ?, ?)", 400)
                    : new MultiRowInsert(c, "INSERT INTO call_search_docs (tenant_id, call_id, body, tsv)",
                            "(?, ?, ?, to_tsvector('simple', ?) || to_tsvector('english', ?))", 200);
        }

        void flush() throws SQLException {
            calls.flush();
            lines.flush();
            status.flush();
            docs.flush();
        }

        @Override
        public void close() throws SQLException {
            calls.close();
            lines.close();
            status.close();
            docs.close();
        }
    }
}
