package dev.switchboard.call;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Call rows of one tenant at a time: every method takes the tenant first. */
public final class CallRepository {
    static final String COLUMNS = "tenant_id, id, provider, status, call_type, phone_number, our_number, assistant_id, "
            + "assistant_name, created_at, updated_at, started_at, ended_at, ended_reason, cost, cost_breakdown, summary, "
            + "structured_data, success_evaluation, recording_url, stereo_recording_url, transfer_destination, listen_url, "
            + "control_url, reported_at, version";

    /** What is written: the columns above plus facts derived from them (see {@link Call#durationMs()}). */
    private static final String WRITTEN = COLUMNS + ", duration_ms, ended_category, transferred";

    private static final String UPSERT = "INSERT INTO calls (" + WRITTEN + ") VALUES (:tenantId, :id, :provider, :status, "
            + ":callType, :phoneNumber, :ourNumber, :assistantId, :assistantName, :createdAt, :updatedAt, :startedAt, :endedAt, "
            + ":endedReason, :cost, :costBreakdown, :summary, :structuredData, :successEvaluation, :recordingUrl, "
            + ":stereoRecordingUrl, :transferDestination, :listenUrl, :controlUrl, :reportedAt, :version, :durationMs, "
            + ":endedCategory, :transferredFlag) "
            + "ON CONFLICT (tenant_id, id) DO UPDATE SET provider = excluded.provider, status = excluded.status, "
            + "call_type = excluded.call_type, phone_number = excluded.phone_number, our_number = excluded.our_number, "
            + "assistant_id = excluded.assistant_id, assistant_name = excluded.assistant_name, created_at = excluded.created_at, "
            + "updated_at = excluded.updated_at, started_at = excluded.started_at, ended_at = excluded.ended_at, "
            + "ended_reason = excluded.ended_reason, cost = excluded.cost, cost_breakdown = excluded.cost_breakdown, "
            + "summary = excluded.summary, structured_data = excluded.structured_data, "
            + "success_evaluation = excluded.success_evaluation, recording_url = excluded.recording_url, "
            + "stereo_recording_url = excluded.stereo_recording_url, transfer_destination = excluded.transfer_destination, "
            + "listen_url = excluded.listen_url, control_url = excluded.control_url, reported_at = excluded.reported_at, "
            + "version = excluded.version, duration_ms = excluded.duration_ms, ended_category = excluded.ended_category, "
            + "transferred = excluded.transferred";

    private static final String INSERT_IF_ABSENT = UPSERT.substring(0, UPSERT.indexOf(" ON CONFLICT")) + " ON CONFLICT (tenant_id, id) DO NOTHING";

    private static final String UPDATE_IF_VERSION = "UPDATE calls SET provider = :provider, status = :status, call_type = :callType, "
            + "phone_number = :phoneNumber, our_number = :ourNumber, assistant_id = :assistantId, assistant_name = :assistantName, "
            + "created_at = :createdAt, updated_at = :updatedAt, started_at = :startedAt, ended_at = :endedAt, "
            + "ended_reason = :endedReason, cost = :cost, cost_breakdown = :costBreakdown, summary = :summary, "
            + "structured_data = :structuredData, success_evaluation = :successEvaluation, recording_url = :recordingUrl, "
            + "stereo_recording_url = :stereoRecordingUrl, transfer_destination = :transferDestination, listen_url = :listenUrl, "
            + "control_url = :controlUrl, reported_at = :reportedAt, version = :version, duration_ms = :durationMs, "
            + "ended_category = :endedCategory, transferred = :transferredFlag "
            + "WHERE tenant_id = :tenantId AND id = :id AND version = :expectedVersion";

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
        return h.createQuery("SELECT " + COLUMNS + " FROM calls WHERE tenant_id = :t AND id = :id")
                .bind("t", tenantId).bind("id", callId)
                .map(MAPPER).findOne();
    }

    public void upsert(Call call) {
        h.createUpdate(UPSERT).bindMethods(call).execute();
    }

    /** Inserts a new call; false when it exists already (someone else created it first). */
    public boolean insertIfAbsent(Call call) {
        return h.createUpdate(INSERT_IF_ABSENT).bindMethods(call).execute() == 1;
    }

    /** Updates the call only if its stored version is still {@code expectedVersion}; false otherwise. */
    public boolean updateIfVersion(Call call, long expectedVersion) {
        return h.createUpdate(UPDATE_IF_VERSION).bindMethods(call).bind("expectedVersion", expectedVersion).execute() == 1;
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
