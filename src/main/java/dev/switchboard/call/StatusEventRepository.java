package dev.switchboard.call;

import org.jdbi.v3.core.Handle;

import java.util.List;

/** A call's status timeline. */
public final class StatusEventRepository {
    private final Handle h;

    public StatusEventRepository(Handle h) {
        this.h = h;
    }

    public long insert(String tenantId, String callId, String status, String source, String payload, long at) {
        return h.createQuery("INSERT INTO call_status_events (tenant_id, call_id, status, source, payload, created_at) "
                        + "VALUES (:t, :c, :s, :src, :p, :at) RETURNING id")
                .bind("t", tenantId).bind("c", callId).bind("s", status).bind("src", source).bind("p", payload).bind("at", at)
                .mapTo(Long.class).one();
    }

    /** True when the provider already reported this status for the call (the timeline keeps one entry each). */
    public boolean has(String tenantId, String callId, String status) {
        return h.createQuery("SELECT COUNT(*) FROM call_status_events WHERE tenant_id = :t AND call_id = :c AND status = :s AND source <> 'debug'")
                .bind("t", tenantId).bind("c", callId).bind("s", status)
                .mapTo(Long.class).one() > 0;
    }

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
