package dev.switchboard.tenant;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** Tenant rows. Tenants are created only by an operator (CLI, config, demo), never by traffic. */
public final class TenantRepository {
    private final Handle h;

    public TenantRepository(Handle h) {
        this.h = h;
    }

    public Optional<Tenant> find(String id) {
        return h.createQuery("SELECT id, name, created_at FROM tenants WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Tenant(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .findOne();
    }

    public List<Tenant> list() {
        return h.createQuery("SELECT id, name, created_at FROM tenants ORDER BY name, id")
                .map((rs, ctx) -> new Tenant(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** Inserts the tenant unless it exists; returns true when it was created. */
    public boolean createIfAbsent(String id, String name, long now) {
        return h.createUpdate("INSERT INTO tenants (id, name, created_at) VALUES (:id, :name, :now) ON CONFLICT (id) DO NOTHING")
                .bind("id", id).bind("name", name).bind("now", now)
                .execute() == 1;
    }

    /** Renames the tenant; false if there is no such tenant. */
    public boolean rename(String id, String name) {
        return h.createUpdate("UPDATE tenants SET name = :name WHERE id = :id").bind("id", id).bind("name", name).execute() == 1;
    }
}
