package dev.switchboard.tenant;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/** The {@code tenant_settings} row of one tenant at a time: every method takes the tenant first. */
public final class TenantSettingsRepository {
    private final Handle h;

    public TenantSettingsRepository(Handle h) {
        this.h = h;
    }

    /** The tenant's settings; the defaults (no key, {@code auto}) when none were ever set. */
    public TenantSettings find(String tenantId) {
        return h.createQuery("SELECT vapi_public_key, listen_format FROM tenant_settings WHERE tenant_id = :t")
                .bind("t", tenantId)
                .map((rs, ctx) -> new TenantSettings(tenantId, rs.getString(1),
                        ListenFormat.parse(rs.getString(2)).orElse(ListenFormat.AUTO)))
                .findOne()
                .orElseGet(() -> TenantSettings.defaults(tenantId));
    }

    /**
     * Applies the change (absent fields keep their value) and returns the result. The tenant must exist
     * (the foreign key refuses others).
     */
    public TenantSettings update(String tenantId, SettingsChange change, long now) {
        TenantSettings current = find(tenantId);
        String key = change.vapiPublicKey().isPresent()
                ? (change.vapiPublicKey().get().isEmpty() ? null : change.vapiPublicKey().get())
                : current.vapiPublicKey();
        TenantSettings next = new TenantSettings(tenantId, key, change.listenFormat().orElse(current.listenFormat()));
        h.createUpdate("INSERT INTO tenant_settings (tenant_id, vapi_public_key, listen_format, updated_at) "
                        + "VALUES (:t, :key, :format, :now) ON CONFLICT (tenant_id) DO UPDATE SET "
                        + "vapi_public_key = excluded.vapi_public_key, listen_format = excluded.listen_format, "
                        + "updated_at = excluded.updated_at")
                .bind("t", tenantId).bind("key", next.vapiPublicKey()).bind("format", next.listenFormat().wire())
                .bind("now", now)
                .execute();
        return next;
    }

    /**
     * What {@code tenant set} changes; an empty optional leaves the field alone.
     *
     * @param vapiPublicKey the new key; an empty string removes it
     */
    public record SettingsChange(Optional<String> vapiPublicKey, Optional<ListenFormat> listenFormat) {
        public boolean isEmpty() {
            return vapiPublicKey.isEmpty() && listenFormat.isEmpty();
        }

        @Override
        public String toString() {
            return "SettingsChange[vapiPublicKey=" + vapiPublicKey.map(k -> k.isEmpty() ? "(remove)" : "(new)").orElse("(keep)")
                    + ", listenFormat=" + listenFormat.map(ListenFormat::wire).orElse("(keep)") + "]";
        }
    }
}
