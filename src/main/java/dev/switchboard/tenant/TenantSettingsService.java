package dev.switchboard.tenant;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.audit.AuditLog;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Changes a tenant's settings: used by {@code PATCH /api/{client_id}/settings}, the webhook-secret generator
 * and {@code tenant set}. Everything is checked before anything is written, so a refused request changes
 * nothing. Thread-safe (stateless over the thread-safe {@link TenantDirectory}).
 */
public final class TenantSettingsService {
    /** 32 random bytes: as strong as the HMAC-SHA256 key it may become. */
    static final int GENERATED_SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The tenant and its settings after a change. */
    public record Updated(Tenant tenant, TenantSettings settings) {}

    /** A freshly generated webhook secret: {@code secret} goes to the admin once and is never shown again. */
    public record GeneratedSecret(String secret, Updated updated) {
        @Override
        public String toString() {
            return "GeneratedSecret[" + updated.tenant().id() + "]"; // never the secret
        }
    }

    private final TenantDirectory tenants;
    private final AuditLog audit;

    public TenantSettingsService(TenantDirectory tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    /** Applies the edit for {@code actor}; 404 for an unknown tenant, 400 for an invalid edit, 409 without a master key. */
    Updated apply(String tenantId, SettingsEdit edit, AuditLog.Actor actor) {
        Tenant tenant = tenants.require(tenantId);
        TenantSettings current = tenants.settings(tenant.id());
        TenantSettingsRepository.SettingsChange change = edit.change(current);
        if (change.storesSecret(current) && !tenants.cipher().hasKey()) throw masterKeyMissing();
        if (edit.timeZone().isPresent()) tenant = tenants.setTimeZone(tenant.id(), edit.timeZone().get());
        TenantSettings settings = change.isEmpty() ? current : tenants.updateSettings(tenant.id(), change);
        if (!edit.isEmpty()) recordSettingsChanged(tenant.id(), actor, edit.fieldNames());
        return new Updated(tenant, settings);
    }

    /**
     * Generates a strong random webhook secret (32 bytes, base64url) and stores it, keeping the scheme (or
     * switching {@code none} to {@code secret}, the simplest one to set up in Vapi).
     */
    public GeneratedSecret generateWebhookSecret(String tenantId, AuditLog.Actor actor) {
        byte[] bytes = new byte[GENERATED_SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SettingsEdit edit = new SettingsEdit(SettingsEdit.Audience.API).webhookSecret(secret);
        if (tenants.settings(tenants.require(tenantId).id()).webhookAuth().scheme() == WebhookAuth.Scheme.NONE) {
            edit.scheme(WebhookAuth.Scheme.SECRET.wire());
        }
        return new GeneratedSecret(secret, apply(tenantId, edit, actor));
    }

    public Updated current(String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        return new Updated(tenant, tenants.settings(tenant.id()));
    }

    /**
     * Records which fields changed (API names, e.g. {@code vapiPrivateKey}, {@code webhookAuth.secret}) and by
     * whom in the audit log; never a value.
     */
    private void recordSettingsChanged(String tenantId, AuditLog.Actor actor, List<String> fields) {
        audit.record(tenantId, actor, "settings.changed", tenantId, AuditLog.Outcome.OK, java.util.Map.of("fields", fields));
    }

    static ApiException masterKeyMissing() {
        return new ApiException(ErrorCode.MASTER_KEY_MISSING, "Storing a credential needs a master key to encrypt it, and this server"
                + " has none. Nothing was changed. The operator sets " + CredentialCipher.ENV + " to 32 random bytes in base64"
                + " (create one with 'openssl rand -base64 32'), the same for every Switchboard process on this database,"
                + " and restarts.");
    }
}
