package dev.switchboard.tenant;

/**
 * A tenant's provider settings. {@code vapiPublicKey} is a secret: it is sent only to the provider (as
 * {@code Authorization: Bearer …} on listen and control URLs), never logged and never returned by the API.
 *
 * @param vapiPublicKey the tenant's Vapi public key, or null when none is configured
 * @param listenFormat  how the listen relay decides the audio layout
 */
public record TenantSettings(String tenantId, String vapiPublicKey, ListenFormat listenFormat) {
    public static TenantSettings defaults(String tenantId) {
        return new TenantSettings(tenantId, null, ListenFormat.AUTO);
    }

    public boolean hasVapiPublicKey() {
        return vapiPublicKey != null && !vapiPublicKey.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the key.
        return "TenantSettings[" + tenantId + ", vapiPublicKey=" + (hasVapiPublicKey() ? "(set)" : "(none)")
                + ", listenFormat=" + listenFormat.wire() + "]";
    }
}
