package dev.switchboard.call;

import dev.switchboard.db.DirectStatement;
import org.jdbi.v3.core.Handle;

import java.util.List;

/** A call's status timeline. */
public final class StatusEventRepository {
    private final Handle h;

    public StatusEventRepository(Handle h) {
        this.h = h;
    }

    public long insert(String tenantId, String callId, String status, String source, String payload, long at) {
        return DirectStatement.of(h, INSERT).text(tenantId).text(callId).text(status).text(source).text(payload).int64(at).queryLong();
    }

    /** True when the provider already reported this status for the call (the timeline keeps one entry each). */
    public boolean has(String tenantId, String callId, String status) {
        return DirectStatement.of(h, HAS).text(tenantId).text(callId).text(status).queryLong() > 0;
    }

    private static final String INSERT = "INSERT INTO call_status_events (tenant_id, call_id, status, source, payload, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String HAS = "SELECT COUNT(*) FROM call_status_events WHERE tenant_id = ? AND call_id = ? AND status = ? "
            + "AND source <> 'debug'";

    /** Chronological (provider time, then arrival). */
    public List<StatusEvent> list(String tenantId, String callId) {
        return h.createQuery("SELECT id, tenant_id, call_id, status, source, payload, created_at FROM call_status_events "
                        + "WHERE tenant_id = :t AND call_id = :c ORDER BY created_at, id")
                .bind("t", tenantId).bind("c", callId)
                .map((rs, ctx) -> new StatusEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7)))
                .list();
    }
}
