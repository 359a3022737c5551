package dev.switchboard.tenant;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/**
 * The {@code tenant_settings} row of one tenant at a time: every method takes the tenant first. Secrets are
 * encrypted on the way in and decrypted on the way out by the {@link CredentialCipher}; nothing else in the
 * application sees their stored form.
 */
public final class TenantSettingsRepository {
    static final String VAPI_PUBLIC_KEY = "vapi_public_key";
    static final String WEBHOOK_SECRET = "webhook_secret";
    static final String RETELL_API_KEY = "retell_api_key";
    static final String VAPI_PRIVATE_KEY = "vapi_private_key";

    private static final String COLUMNS = "vapi_public_key, listen_format, webhook_auth_scheme, webhook_secret, webhook_header, "
            + "webhook_bearer_prefix, hmac_algorithm, hmac_signature_header, hmac_timestamp_header, hmac_signature_prefix, "
            + "webhook_replay_window_seconds, retell_api_key, vapi_private_key";

    private final Handle h;
    private final CredentialCipher cipher;

    public TenantSettingsRepository(Handle h, CredentialCipher cipher) {
        this.h = h;
        this.cipher = cipher;
    }

    /** The tenant's settings; the defaults (no keys, {@code auto}, no webhook auth) when none were ever set. */
    public TenantSettings find(String tenantId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM tenant_settings WHERE tenant_id = :t")
                .bind("t", tenantId)
                .map((rs, ctx) -> {
                    var auth = new WebhookAuth(
                            WebhookAuth.Scheme.parse(rs.getString(3)).orElse(WebhookAuth.Scheme.NONE),
                            cipher.decrypt(tenantId, WEBHOOK_SECRET, rs.getString(4)),
                            rs.getString(5),
                            rs.getInt(6) != 0,
                            WebhookAuth.HmacAlgorithm.parse(rs.getString(7)).orElse(WebhookAuth.HmacAlgorithm.SHA256),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11));
                    return new TenantSettings(tenantId, cipher.decrypt(tenantId, VAPI_PUBLIC_KEY, rs.getString(1)),
                            ListenFormat.parse(rs.getString(2)).orElse(ListenFormat.AUTO), auth,
                            cipher.decrypt(tenantId, RETELL_API_KEY, rs.getString(12)),
                            cipher.decrypt(tenantId, VAPI_PRIVATE_KEY, rs.getString(13)));
                })
                .findOne()
                .orElseGet(() -> TenantSettings.defaults(tenantId));
    }

    /**
     * Applies the change (absent fields keep their value) and returns the result. The tenant must exist
     * (the foreign key refuses others). Every secret is re-encrypted with a fresh nonce.
     */
    public TenantSettings update(String tenantId, SettingsChange change, long now) {
        TenantSettings current = find(tenantId);
        String[] stored = storedSecrets(tenantId);
        TenantSettings next = new TenantSettings(tenantId,
                change.vapiPublicKey().isPresent() ? emptyToNull(change.vapiPublicKey().get()) : current.vapiPublicKey(),
                change.listenFormat().orElse(current.listenFormat()),
                change.webhookAuth().orElse(current.webhookAuth()),
                change.retellApiKey().isPresent() ? emptyToNull(change.retellApiKey().get()) : current.retellApiKey(),
                change.vapiPrivateKey().isPresent() ? emptyToNull(change.vapiPrivateKey().get()) : current.vapiPrivateKey());
        WebhookAuth a = next.webhookAuth();
        h.createUpdate("INSERT INTO tenant_settings (tenant_id, " + COLUMNS + ", updated_at) VALUES (:t, :vapiKey, :format, "
                        + ":scheme, :secret, :header, :bearerPrefix, :algorithm, :sigHeader, :tsHeader, :sigPrefix, :window, "
                        + ":retellKey, :privateKey, :now) ON CONFLICT (tenant_id) DO UPDATE SET "
                        + "vapi_public_key = excluded.vapi_public_key, listen_format = excluded.listen_format, "
                        + "webhook_auth_scheme = excluded.webhook_auth_scheme, webhook_secret = excluded.webhook_secret, "
                        + "webhook_header = excluded.webhook_header, webhook_bearer_prefix = excluded.webhook_bearer_prefix, "
                        + "hmac_algorithm = excluded.hmac_algorithm, hmac_signature_header = excluded.hmac_signature_header, "
                        + "hmac_timestamp_header = excluded.hmac_timestamp_header, hmac_signature_prefix = excluded.hmac_signature_prefix, "
                        + "webhook_replay_window_seconds = excluded.webhook_replay_window_seconds, "
                        + "retell_api_key = excluded.retell_api_key, vapi_private_key = excluded.vapi_private_key, "
                        + "updated_at = excluded.updated_at")
                .bind("t", tenantId)
                .bind("vapiKey", change.vapiPublicKey().isPresent()
                        ? cipher.encrypt(tenantId, VAPI_PUBLIC_KEY, next.vapiPublicKey()) : stored[0])
                .bind("format", next.listenFormat().wire())
                .bind("scheme", a.scheme().wire())
                .bind("secret", java.util.Objects.equals(emptyToNull(a.secret()), current.webhookAuth().secret())
                        ? stored[1] : cipher.encrypt(tenantId, WEBHOOK_SECRET, emptyToNull(a.secret())))
                .bind("header", a.header())
                .bind("bearerPrefix", a.bearerPrefix() ? 1 : 0)
                .bind("algorithm", a.algorithm().wire())
                .bind("sigHeader", a.signatureHeader())
                .bind("tsHeader", a.timestampHeader())
                .bind("sigPrefix", a.signaturePrefix())
                .bind("window", a.replayWindowSeconds())
                .bind("retellKey", change.retellApiKey().isPresent()
                        ? cipher.encrypt(tenantId, RETELL_API_KEY, next.retellApiKey()) : stored[2])
                .bind("privateKey", change.vapiPrivateKey().isPresent()
                        ? cipher.encrypt(tenantId, VAPI_PRIVATE_KEY, next.vapiPrivateKey()) : stored[3])
                .bind("now", now)
                .execute();
        return next;
    }

    /**
     * The secrets as stored (ciphertext, or v2 plaintext): an update writes unchanged secrets back as they are,
     * so changing e.g. the listen format neither needs the master key nor rewrites ciphertext.
     */
    private String[] storedSecrets(String tenantId) {
        return h.createQuery("SELECT vapi_public_key, webhook_secret, retell_api_key, vapi_private_key FROM tenant_settings "
                        + "WHERE tenant_id = :t")
                .bind("t", tenantId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .findOne().orElse(new String[4]);
    }

    /** Tenants that have a settings row. */
    public List<String> tenantsWithSettings() {
        return h.createQuery("SELECT tenant_id FROM tenant_settings ORDER BY tenant_id").mapTo(String.class).list();
    }

    /** Encrypts the tenant's Vapi public key if it is still stored in plaintext (schema v2); true if it was. */
    public boolean encryptLegacyPlaintext(String tenantId) {
        String stored = h.createQuery("SELECT vapi_public_key FROM tenant_settings WHERE tenant_id = :t")
                .bind("t", tenantId).mapTo(String.class).findOne().orElse(null);
        if (stored == null || CredentialCipher.isEncrypted(stored)) return false;
        return h.createUpdate("UPDATE tenant_settings SET vapi_public_key = :v WHERE tenant_id = :t AND vapi_public_key = :old")
                .bind("v", cipher.encrypt(tenantId, VAPI_PUBLIC_KEY, stored)).bind("t", tenantId).bind("old", stored)
                .execute() == 1;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * What {@code tenant set} changes; an empty optional leaves the field alone.
     *
     * @param vapiPublicKey the new key; an empty string removes it
     * @param webhookAuth   the tenant's whole new webhook authentication (the caller merges with the current one)
     * @param retellApiKey  the new key; an empty string removes it
     * @param vapiPrivateKey the new key; an empty string removes it
     */
    public record SettingsChange(Optional<String> vapiPublicKey, Optional<ListenFormat> listenFormat,
                                 Optional<WebhookAuth> webhookAuth, Optional<String> retellApiKey, Optional<String> vapiPrivateKey) {

        public SettingsChange(Optional<String> vapiPublicKey, Optional<ListenFormat> listenFormat) {
            this(vapiPublicKey, listenFormat, Optional.empty(), Optional.empty());
        }

        public SettingsChange(Optional<String> vapiPublicKey, Optional<ListenFormat> listenFormat,
                              Optional<WebhookAuth> webhookAuth, Optional<String> retellApiKey) {
            this(vapiPublicKey, listenFormat, webhookAuth, retellApiKey, Optional.empty());
        }

        public boolean isEmpty() {
            return vapiPublicKey.isEmpty() && listenFormat.isEmpty() && webhookAuth.isEmpty() && retellApiKey.isEmpty()
                    && vapiPrivateKey.isEmpty();
        }

        /** Whether it stores a new secret over settings {@code current} (that needs the master key); removing one does not. */
        public boolean storesSecret(TenantSettings current) {
            return isNew(vapiPublicKey) || isNew(retellApiKey) || isNew(vapiPrivateKey)
                    || webhookAuth.filter(a -> a.hasSecret() && !a.secret().equals(current.webhookAuth().secret())).isPresent();
        }

        private static boolean isNew(Optional<String> secret) {
            return secret.filter(s -> !s.isEmpty()).isPresent();
        }

        @Override
        public String toString() {
            return "SettingsChange[vapiPublicKey=" + secret(vapiPublicKey)
                    + ", listenFormat=" + listenFormat.map(ListenFormat::wire).orElse("(keep)")
                    + ", webhookAuth=" + webhookAuth.map(WebhookAuth::describe).orElse("(keep)")
                    + ", retellApiKey=" + secret(retellApiKey) + ", vapiPrivateKey=" + secret(vapiPrivateKey) + "]";
        }

        private static String secret(Optional<String> s) {
            return s.map(k -> k.isEmpty() ? "(remove)" : "(new)").orElse("(keep)");
        }
    }
}
