package dev.switchboard.tenant;

import io.javalin.http.Context;

/**
 * {@code GET /api/{client_id}/settings}: the tenant's settings without their secrets (each secret is only
 * {@code {"set":true,"last4":"…"}}). Read-only. Anyone who can reach the API can read it until accounts exist;
 * the access-control session puts it behind the tenant admin role.
 */
public final class SettingsRoutes {

    /** The wire form. Holds no secret by construction: only {@link SecretStatus}es. */
    public record SettingsView(String clientId, String listenFormat, SecretStatus vapiPublicKey, SecretStatus retellApiKey,
                               WebhookAuthView webhookAuth) {}

    /** Null fields do not apply to the scheme. */
    public record WebhookAuthView(String scheme, SecretStatus secret, String header, Boolean bearerPrefix, String algorithm,
                                  String signatureHeader, String timestampHeader, String signaturePrefix,
                                  Integer replayWindowSeconds) {}

    private final TenantDirectory tenants;

    public SettingsRoutes(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    public void show(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        ctx.json(view(tenants.settings(tenantId)));
    }

    public static SettingsView view(TenantSettings s) {
        WebhookAuth a = s.webhookAuth();
        boolean token = a.scheme() == WebhookAuth.Scheme.SECRET || a.scheme() == WebhookAuth.Scheme.BEARER;
        boolean hmac = a.scheme() == WebhookAuth.Scheme.HMAC;
        var auth = new WebhookAuthView(a.scheme().wire(), SecretStatus.of(a.secret()),
                token ? a.tokenHeader() : null,
                a.scheme() == WebhookAuth.Scheme.BEARER ? a.bearerPrefix() : null,
                hmac ? a.algorithm().wire() : null,
                hmac ? a.signatureHeaderOrDefault() : null,
                hmac ? a.timestampHeaderOrDefault() : null,
                hmac ? a.signaturePrefix() : null,
                hmac ? a.replayWindowSeconds() : null);
        return new SettingsView(s.tenantId(), s.listenFormat().wire(), SecretStatus.of(s.vapiPublicKey()),
                SecretStatus.of(s.retellApiKey()), auth);
    }
}
