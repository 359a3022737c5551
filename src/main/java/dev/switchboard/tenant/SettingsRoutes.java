package dev.switchboard.tenant;

import dev.switchboard.audit.AuditLog;

import dev.switchboard.http.RequestJson;
import io.javalin.http.Context;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A tenant's settings for its admins: {@code GET|PATCH /api/{client_id}/settings} and
 * {@code POST /api/{client_id}/settings/webhook-secret}. No answer holds a stored secret: each is only
 * {@code {"set":true,"last4":"…"}}; the one exception is a freshly generated webhook secret, in the answer of
 * the request that generated it and nowhere else, ever.
 */
public final class SettingsRoutes {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

    /** The wire form. Holds no secret by construction: only {@link SecretStatus}es. */
    public record SettingsView(String clientId, String timeZone, String listenFormat, SecretStatus vapiPrivateKey,
                               SecretStatus vapiPublicKey, SecretStatus retellApiKey, WebhookAuthView webhookAuth,
                               WebhookSetupView webhookSetup) {}

    /** Null fields do not apply to the scheme. */
    public record WebhookAuthView(String scheme, SecretStatus secret, String header, Boolean bearerPrefix, String algorithm,
                                  String signatureHeader, String timestampHeader, String signaturePrefix,
                                  Integer replayWindowSeconds) {}

    /**
     * What to paste into the provider. {@code baseUrlFrom}: {@code configured} (SWITCHBOARD_PUBLIC_URL) or
     * {@code request} (the host this page was loaded from, which may not be what providers reach behind a proxy).
     * {@code retellUrl} is null while Switchboard has no Retell webhook route; {@code retellNote} says so.
     */
    public record WebhookSetupView(String vapiUrl, String baseUrlFrom, List<String> vapiHeaders, List<String> vapiSteps,
                                   String retellUrl, String retellNote) {}

    /** The answer to generating a webhook secret: the secret, this once. */
    public record GeneratedSecretView(String secret, String note, SettingsView settings) {
        @Override
        public String toString() {
            return "GeneratedSecretView[" + settings.clientId() + "]"; // never the secret
        }
    }

    static final String RETELL_NOTE = "Retell webhooks are not accepted yet: Switchboard has no Retell webhook route."
            + " Store the Retell API key now; the URL appears here once Retell support ships.";

    private final TenantSettingsService service;
    private final String publicUrl;
    private final Function<Context, AuditLog.Actor> actor;

    /**
     * @param publicUrl where providers reach this server (SWITCHBOARD_PUBLIC_URL), or null to use the request's host
     * @param actor     who is asking, for the record of what changed
     */
    public SettingsRoutes(TenantSettingsService service, String publicUrl, Function<Context, AuditLog.Actor> actor) {
        this.service = service;
        this.publicUrl = publicUrl;
        this.actor = actor;
    }

    public void show(Context ctx) {
        ctx.json(view(service.current(ctx.pathParam("client_id")), base(ctx)));
    }

    public void update(Context ctx) {
        SettingsEdit edit = SettingsPatch.read(RequestJson.object(ctx.body()));
        ctx.json(view(service.apply(ctx.pathParam("client_id"), edit, actor.apply(ctx)), base(ctx)));
    }

    public void generateWebhookSecret(Context ctx) {
        var generated = service.generateWebhookSecret(ctx.pathParam("client_id"), actor.apply(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.json(new GeneratedSecretView(generated.secret(), "Copy the secret now: it is not shown again. Paste it into Vapi"
                + " as described in webhookSetup.vapiSteps; until then Vapi's deliveries are rejected.",
                view(generated.updated(), base(ctx))));
    }

    /** The base URL and where it came from. */
    private String[] base(Context ctx) {
        if (publicUrl != null) return new String[] {publicUrl, "configured"};
        String proto = first(ctx.header("X-Forwarded-Proto"));
        String scheme = "https".equalsIgnoreCase(proto) || "http".equalsIgnoreCase(proto) ? proto.toLowerCase(java.util.Locale.ROOT) : ctx.scheme();
        String host = first(ctx.header("X-Forwarded-Host"));
        if (host == null) host = ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) host = "localhost";
        return new String[] {scheme + "://" + host, "request"};
    }

    private static String first(String header) {
        if (header == null) return null;
        String v = header.split(",", 2)[0].trim();
        return v.isEmpty() ? null : v;
    }

    static SettingsView view(TenantSettingsService.Updated u, String[] base) {
        TenantSettings s = u.settings();
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
        String vapiUrl = base[0] + "/webhooks/vapi/" + s.tenantId();
        var setup = new WebhookSetupView(vapiUrl, base[1], VapiSetupHint.headers(a), VapiSetupHint.steps(vapiUrl, a), null, RETELL_NOTE);
        return new SettingsView(s.tenantId(), u.tenant().timeZone(), s.listenFormat().wire(), SecretStatus.of(s.vapiPrivateKey()),
                SecretStatus.of(s.vapiPublicKey()), SecretStatus.of(s.retellApiKey()), auth, setup);
    }
}
