package dev.switchboard.auth;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code api_keys} table; every tenant-scoped method takes the tenant first. */
public final class ApiKeyRepository {
    private static final String COLUMNS = "id, tenant_id, name, prefix, key_hash, scope, created_by, created_at, last_used_at, revoked_at";

    private final Handle h;

    public ApiKeyRepository(Handle h) {
        this.h = h;
    }

    public ApiKey insert(String tenantId, String name, String prefix, String keyHash, ApiKey.Scope scope, String createdBy, long now) {
        long id = h.createQuery("INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scope, created_by, created_at) "
                        + "VALUES (:t, :name, :prefix, :hash, :scope, :by, :now) RETURNING id")
                .bind("t", tenantId).bind("name", name).bind("prefix", prefix).bind("hash", keyHash).bind("scope", scope.wire())
                .bind("by", createdBy).bind("now", now)
                .mapTo(Long.class).one();
        return new ApiKey(id, tenantId, name, prefix, keyHash, scope, createdBy, now, null, null);
    }

    /** Any tenant's key by its prefix (how a presented key is found before its hash is compared). */
    public Optional<ApiKey> findByPrefix(String prefix) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :p").bind("p", prefix).map((rs, ctx) -> map(rs)).findOne();
    }

    public Optional<ApiKey> find(long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    public List<ApiKey> list(String tenantId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE tenant_id = :t ORDER BY id").bind("t", tenantId)
                .map((rs, ctx) -> map(rs)).list();
    }

    /** Revokes the tenant's key; false if the tenant has no such live key. */
    public boolean revoke(String tenantId, long id, long now) {
        return h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE tenant_id = :t AND id = :id AND revoked_at IS NULL")
                .bind("now", now).bind("t", tenantId).bind("id", id).execute() == 1;
    }

    public void used(long id, long now) {
        h.createUpdate("UPDATE api_keys SET last_used_at = :now WHERE id = :id").bind("now", now).bind("id", id).execute();
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        long lastUsed = rs.getLong("last_used_at");
        Long lastUsedAt = rs.wasNull() ? null : lastUsed;
        long revoked = rs.getLong("revoked_at");
        Long revokedAt = rs.wasNull() ? null : revoked;
        return new ApiKey(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("name"), rs.getString("prefix"), rs.getString("key_hash"),
                ApiKey.Scope.parse(rs.getString("scope")).orElseThrow(), rs.getString("created_by"), rs.getLong("created_at"), lastUsedAt, revokedAt);
    }
}
