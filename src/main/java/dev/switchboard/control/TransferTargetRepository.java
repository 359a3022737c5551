package dev.switchboard.control;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** A tenant's transfer targets: every method takes the tenant first. */
public final class TransferTargetRepository {
    private static final RowMapper<TransferTarget> MAPPER =
            (rs, ctx) -> new TransferTarget(rs.getLong("id"), rs.getString("name"), rs.getString("number"), rs.getString("sip_uri"));

    private final Handle h;

    public TransferTargetRepository(Handle h) {
        this.h = h;
    }

    /** By name (case-insensitively), then id. */
    public List<TransferTarget> list(String tenantId) {
        return h.createQuery("SELECT id, name, number, sip_uri FROM transfer_targets WHERE tenant_id = :t ORDER BY lower(name), id")
                .bind("t", tenantId).map(MAPPER).list();
    }

    public Optional<TransferTarget> find(String tenantId, long id) {
        return h.createQuery("SELECT id, name, number, sip_uri FROM transfer_targets WHERE tenant_id = :t AND id = :id")
                .bind("t", tenantId).bind("id", id).map(MAPPER).findOne();
    }

    /** Adds the target; empty when the tenant already has one by that name (names are unique per tenant, any case). */
    public Optional<TransferTarget> insert(String tenantId, String name, String number, String sipUri, long now) {
        return h.createQuery("INSERT INTO transfer_targets (tenant_id, name, number, sip_uri, created_at) "
                        + "VALUES (:t, :name, :number, :sip, :now) ON CONFLICT DO NOTHING RETURNING id")
                .bind("t", tenantId).bind("name", name).bind("number", number).bind("sip", sipUri).bind("now", now)
                .mapTo(Long.class).findOne()
                .map(id -> new TransferTarget(id, name, number, sipUri));
    }

    /** False when the tenant has no such target. */
    public boolean delete(String tenantId, long id) {
        return h.createUpdate("DELETE FROM transfer_targets WHERE tenant_id = :t AND id = :id")
                .bind("t", tenantId).bind("id", id).execute() == 1;
    }
}
