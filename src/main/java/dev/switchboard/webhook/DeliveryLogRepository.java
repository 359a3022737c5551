package dev.switchboard.webhook;

import org.jdbi.v3.core.Handle;

import java.util.List;

/** The {@code webhook_deliveries} rows of one tenant at a time: every method takes the tenant first. */
public final class DeliveryLogRepository {
    private final Handle h;

    public DeliveryLogRepository(Handle h) {
        this.h = h;
    }

    public void insert(String tenantId, Delivery d) {
        h.createUpdate("INSERT INTO webhook_deliveries (tenant_id, provider, outcome, message_type, reason, detail, count, first_at, last_at) "
                        + "VALUES (:t, :provider, :outcome, :type, :reason, :detail, :count, :first, :last)")
                .bind("t", tenantId).bind("provider", d.provider()).bind("outcome", d.outcome()).bind("type", d.messageType())
                .bind("reason", d.reason()).bind("detail", d.detail()).bind("count", d.count())
                .bind("first", d.firstAt()).bind("last", d.lastAt())
                .execute();
    }

    /** Deletes all but the newest {@code keep} rows of the tenant with this outcome. */
    public int prune(String tenantId, String outcome, int keep) {
        return h.createUpdate("DELETE FROM webhook_deliveries WHERE tenant_id = :t AND outcome = :o AND id <= "
                        + "(SELECT id FROM webhook_deliveries WHERE tenant_id = :t AND outcome = :o ORDER BY id DESC LIMIT 1 OFFSET :keep)")
                .bind("t", tenantId).bind("o", outcome).bind("keep", keep)
                .execute();
    }

    /** Newest first; {@code outcome} null for both. */
    public List<Delivery> latest(String tenantId, String outcome, int limit) {
        var query = h.createQuery("SELECT id, provider, outcome, message_type, reason, detail, count, first_at, last_at "
                        + "FROM webhook_deliveries WHERE tenant_id = :t" + (outcome == null ? "" : " AND outcome = :o")
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("t", tenantId).bind("limit", limit);
        if (outcome != null) query.bind("o", outcome);
        return query.map((rs, ctx) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .list();
    }
}
