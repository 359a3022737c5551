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
        return h.createQuery("SELECT id, name, created_at, time_zone FROM tenants WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Tenant(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .findOne();
    }

    public List<Tenant> list() {
        return h.createQuery("SELECT id, name, created_at, time_zone FROM tenants ORDER BY name, id")
                .map((rs, ctx) -> new Tenant(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    /** Sets the tenant's time zone (an IANA id, checked by the caller); false when there is no such tenant. */
    public boolean setTimeZone(String id, String zone) {
        return h.createUpdate("UPDATE tenants SET time_zone = :zone WHERE id = :id").bind("id", id).bind("zone", zone).execute() == 1;
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
