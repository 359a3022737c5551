package dev.switchboard.call;

import dev.switchboard.db.DirectStatement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Call rows of one tenant at a time: every method takes the tenant first. */
public final class CallRepository {
    /** A written column after the key: its name, its value in a call, and its SQL type (for a null). */
    private record Fact(String column, Function<Call, Object> value, int sqlType) {}

    /**
     * What is written after the key (tenant_id, id), in this order: the call's own columns, then facts derived from
     * them (see {@link Call#durationMs()}).
     */
    private static final List<Fact> FACTS = List.of(
            new Fact("provider", Call::provider, Types.VARCHAR), new Fact("status", Call::status, Types.VARCHAR),
            new Fact("call_type", Call::callType, Types.VARCHAR), new Fact("phone_number", Call::phoneNumber, Types.VARCHAR),
            new Fact("our_number", Call::ourNumber, Types.VARCHAR), new Fact("assistant_id", Call::assistantId, Types.VARCHAR),
            new Fact("assistant_name", Call::assistantName, Types.VARCHAR), new Fact("created_at", Call::createdAt, Types.BIGINT),
            new Fact("updated_at", Call::updatedAt, Types.BIGINT), new Fact("started_at", Call::startedAt, Types.BIGINT),
            new Fact("ended_at", Call::endedAt, Types.BIGINT), new Fact("ended_reason", Call::endedReason, Types.VARCHAR),
            new Fact("cost", Call::cost, Types.DOUBLE), new Fact("cost_breakdown", Call::costBreakdown, Types.VARCHAR),
            new Fact("summary", Call::summary, Types.VARCHAR), new Fact("structured_data", Call::structuredData, Types.VARCHAR),
            new Fact("success_evaluation", Call::successEvaluation, Types.VARCHAR),
            new Fact("recording_url", Call::recordingUrl, Types.VARCHAR),
            new Fact("stereo_recording_url", Call::stereoRecordingUrl, Types.VARCHAR),
            new Fact("transfer_destination", Call::transferDestination, Types.VARCHAR),
            new Fact("listen_url", Call::listenUrl, Types.VARCHAR), new Fact("control_url", Call::controlUrl, Types.VARCHAR),
            new Fact("reported_at", Call::reportedAt, Types.BIGINT), new Fact("version", Call::version, Types.BIGINT),
            new Fact("duration_ms", Call::durationMs, Types.BIGINT), new Fact("ended_category", Call::endedCategory, Types.VARCHAR),
            new Fact("transferred", Call::transferredFlag, Types.INTEGER));

    /** The last facts are derived from the others (duration, ended category, transferred): stored, never read back. */
    private static final int DERIVED_FACTS = 3;

    /** The stored call: the key and every fact that is not derived (what {@link #map} reads). */
    static final String COLUMNS = "tenant_id, id, "
            + String.join(", ", FACTS.subList(0, FACTS.size() - DERIVED_FACTS).stream().map(Fact::column).toList());

    private static final String INSERT = "INSERT INTO calls (tenant_id, id, "
            + String.join(", ", FACTS.stream().map(Fact::column).toList()) + ") VALUES ("
            + String.join(", ", Collections.nCopies(FACTS.size() + 2, "?")) + ")";

    private static final String UPSERT = INSERT + " ON CONFLICT (tenant_id, id) DO UPDATE SET "
            + String.join(", ", FACTS.stream().map(f -> f.column() + " = excluded." + f.column()).toList());

    private static final String INSERT_IF_ABSENT = INSERT + " ON CONFLICT (tenant_id, id) DO NOTHING";

    /** The conditional UPDATE for each set of changed columns (a bit per {@link #FACTS} entry), made once. */
    private static final Map<Long, String> UPDATES = new ConcurrentHashMap<>();

    private static final String FIND = "SELECT " + COLUMNS + " FROM calls WHERE tenant_id = ? AND id = ?";

    static final RowMapper<Call> MAPPER = CallRepository::map;

    private final Handle h;

    public CallRepository(Handle h) {
        this.h = h;
    }

    /** The transaction this repository works in (for listeners that write alongside the call). */
    Handle handle() {
        return h;
    }

    public Optional<Call> find(String tenantId, String callId) {
        return DirectStatement.of(h, FIND).text(tenantId).text(callId).queryFirst(rs -> map(rs, null));
    }

    public void upsert(Call call) {
        bindFacts(call, DirectStatement.of(h, UPSERT).text(call.tenantId()).text(call.id())).update();
    }

    /** Inserts a new call; false when it exists already (someone else created it first). */
    public boolean insertIfAbsent(Call call) {
        return bindFacts(call, DirectStatement.of(h, INSERT_IF_ABSENT).text(call.tenantId()).text(call.id())).update() == 1;
    }

    /**
     * Writes {@code next} over {@code before} only if the stored version is still {@code before}'s; false otherwise.
     * Only the columns that differ are set: SQLite rewrites the entry of every index on a column the UPDATE sets,
     * changed or not, and the calls table has a dozen history indexes (setting every column made those a fifth of
     * the pages each commit wrote).
     */
    public boolean updateIfVersion(Call before, Call next) {
        long changed = changed(before, next);
        DirectStatement update = DirectStatement.of(h, updateSql(changed));
        for (int i = 0; i < FACTS.size(); i++) {
            if ((changed & (1L << i)) != 0) update.typed(FACTS.get(i).value().apply(next), FACTS.get(i).sqlType());
        }
        return update.text(next.tenantId()).text(next.id()).int64(before.version()).update() == 1;
    }

    /** The bits of the {@link #FACTS} whose values differ. */
    private static long changed(Call before, Call next) {
        long changed = 0;
        for (int i = 0; i < FACTS.size(); i++) {
            Function<Call, Object> value = FACTS.get(i).value();
            if (!Objects.equals(value.apply(before), value.apply(next))) changed |= 1L << i;
        }
        return changed;
    }

    /** The UPDATE {@link #updateIfVersion} runs for this change. */
    static String updateSql(Call before, Call next) {
        return updateSql(changed(before, next));
    }

    private static String updateSql(long changed) {
        return UPDATES.computeIfAbsent(changed, CallRepository::updateOf);
    }

    private static String updateOf(long changed) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < FACTS.size(); i++) {
            if ((changed & (1L << i)) != 0) sets.add(FACTS.get(i).column() + " = ?");
        }
        return "UPDATE calls SET " + String.join(", ", sets) + " WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    /** Binds every column of {@link #FACTS}, in order. */
    private static DirectStatement bindFacts(Call c, DirectStatement s) {
        for (Fact f : FACTS) s.typed(f.value().apply(c), f.sqlType());
        return s;
    }

    /** Newest calls first. */
    public List<Call> recent(String tenantId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM calls WHERE tenant_id = :t ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("t", tenantId).bind("limit", limit)
                .map(MAPPER).list();
    }

    /** Calls that have not ended, newest first. */
    public List<Call> live(String tenantId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM calls WHERE tenant_id = :t AND status <> 'ended' "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("t", tenantId).bind("limit", limit)
                .map(MAPPER).list();
    }

    /**
     * Fills the derived columns (duration, ended category, transferred) of up to {@code limit} ended calls
     * stored before schema v5 had them; returns how many it updated (0 when none are left).
     */
    public int backfillFacts(int limit) {
        List<Call> stale = h.createQuery("SELECT " + COLUMNS + " FROM calls WHERE status = 'ended' AND ended_category IS NULL LIMIT :limit")
                .bind("limit", limit).map(MAPPER).list();
        for (Call c : stale) {
            h.createUpdate("UPDATE calls SET duration_ms = :durationMs, ended_category = :endedCategory, transferred = :transferredFlag "
                    + "WHERE tenant_id = :tenantId AND id = :id").bindMethods(c).execute();
        }
        return stale.size();
    }

    private static Call map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Call(
                rs.getString("tenant_id"), rs.getString("id"), rs.getString("provider"), rs.getString("status"),
                rs.getString("call_type"), rs.getString("phone_number"), rs.getString("our_number"),
                rs.getString("assistant_id"), rs.getString("assistant_name"), rs.getLong("created_at"),
                rs.getLong("updated_at"), nullableLong(rs, "started_at"), nullableLong(rs, "ended_at"),
                rs.getString("ended_reason"), nullableDouble(rs, "cost"), rs.getString("cost_breakdown"),
                rs.getString("summary"), rs.getString("structured_data"), rs.getString("success_evaluation"),
                rs.getString("recording_url"), rs.getString("stereo_recording_url"), rs.getString("transfer_destination"),
                rs.getString("listen_url"), rs.getString("control_url"), nullableLong(rs, "reported_at"),
                rs.getLong("version"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
