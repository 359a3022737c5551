package dev.switchboard.tenant;

/**
 * A tenant's provider settings, decrypted. {@code vapiPublicKey}, {@code retellApiKey} and the webhook
 * secret are secrets: sent only to the provider or used to check its webhooks, never logged and never
 * returned by the API (only {@link SecretStatus}).
 *
 * @param vapiPublicKey the tenant's Vapi public key, or null when none is configured
 * @param listenFormat  how the listen relay decides the audio layout
 * @param webhookAuth   how the tenant's webhooks are authenticated
 * @param retellApiKey  the tenant's (webhook-badged) Retell API key, which signs Retell webhooks; or null
 * @param vapiPrivateKey the tenant's Vapi private key (Vapi's REST API), or null
 */
public record TenantSettings(String tenantId, String vapiPublicKey, ListenFormat listenFormat, WebhookAuth webhookAuth,
                             String retellApiKey, String vapiPrivateKey) {

    public TenantSettings(String tenantId, String vapiPublicKey, ListenFormat listenFormat, WebhookAuth webhookAuth,
                          String retellApiKey) {
        this(tenantId, vapiPublicKey, listenFormat, webhookAuth, retellApiKey, null);
    }

    public TenantSettings(String tenantId, String vapiPublicKey, ListenFormat listenFormat) {
        this(tenantId, vapiPublicKey, listenFormat, WebhookAuth.none(), null);
    }

    public static TenantSettings defaults(String tenantId) {
        return new TenantSettings(tenantId, null, ListenFormat.AUTO);
    }

    public boolean hasVapiPublicKey() {
        return vapiPublicKey != null && !vapiPublicKey.isEmpty();
    }

    @Override
    public String toString() {
        // Never print a secret.
        return "TenantSettings[" + tenantId + ", vapiPublicKey=" + (hasVapiPublicKey() ? "(set)" : "(none)")
                + ", listenFormat=" + listenFormat.wire() + ", webhookAuth=" + webhookAuth.describe()
                + ", retellApiKey=" + (retellApiKey == null ? "(none)" : "(set)")
                + ", vapiPrivateKey=" + (vapiPrivateKey == null ? "(none)" : "(set)") + "]";
    }
}
