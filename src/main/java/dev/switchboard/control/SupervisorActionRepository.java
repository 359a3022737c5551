package dev.switchboard.control;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The supervisor action audit of one tenant at a time: every method takes the tenant first. */
public final class SupervisorActionRepository {
    private static final String COLUMNS = "id, tenant_id, call_id, action, actor, client_address, parameters, outcome, detail, "
            + "provider_status, latency_ms, at, ended_at, frames_dropped";

    private final Handle h;

    public SupervisorActionRepository(Handle h) {
        this.h = h;
    }

    /** Stores the action (its {@code id} is ignored) and returns the id it got. */
    public long insert(String tenantId, SupervisorAction a) {
        return h.createQuery("INSERT INTO supervisor_actions (tenant_id, call_id, action, actor, client_address, parameters, "
                        + "outcome, detail, provider_status, latency_ms, at, ended_at, frames_dropped) VALUES (:t, :call, :action, "
                        + ":actor, :address, :parameters, :outcome, :detail, :status, :latency, :at, :endedAt, :dropped) RETURNING id")
                .bind("t", tenantId).bind("call", a.callId()).bind("action", a.action()).bind("actor", a.actor())
                .bind("address", a.clientAddress()).bind("parameters", a.parameters()).bind("outcome", a.outcome())
                .bind("detail", a.detail()).bind("status", a.providerStatus()).bind("latency", a.latencyMs())
                .bind("at", a.at()).bind("endedAt", a.endedAt()).bind("dropped", a.framesDropped())
                .mapTo(Long.class).one();
    }

    /** Closes a listen session's row; false if the tenant has no such row. */
    public boolean finishListen(String tenantId, long id, String parameters, String outcome, String detail, Long latencyMs,
                                long endedAt, long framesDropped) {
        return h.createUpdate("UPDATE supervisor_actions SET parameters = :parameters, outcome = :outcome, detail = :detail, "
                        + "latency_ms = :latency, ended_at = :endedAt, frames_dropped = :dropped "
                        + "WHERE tenant_id = :t AND id = :id AND action = 'listen'")
                .bind("t", tenantId).bind("id", id).bind("parameters", parameters).bind("outcome", outcome)
                .bind("detail", detail).bind("latency", latencyMs).bind("endedAt", endedAt).bind("dropped", framesDropped)
                .execute() == 1;
    }

    /** The call's actions, oldest first. */
    public List<SupervisorAction> forCall(String tenantId, String callId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM supervisor_actions WHERE tenant_id = :t AND call_id = :c ORDER BY at, id")
                .bind("t", tenantId).bind("c", callId)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    private static SupervisorAction map(ResultSet rs) throws SQLException {
        return new SupervisorAction(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("call_id"), rs.getString("action"),
                rs.getString("actor"), rs.getString("client_address"), rs.getString("parameters"), rs.getString("outcome"),
                rs.getString("detail"), nullableInt(rs, "provider_status"), nullableLong(rs, "latency_ms"), rs.getLong("at"),
                nullableLong(rs, "ended_at"), nullableLong(rs, "frames_dropped"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
