package dev.switchboard.tenant;

import java.util.List;

/**
 * What to configure on Vapi's side for a tenant's webhook auth: printed by {@code tenant set} and shown in the
 * settings screen's webhook setup. Never contains the secret (it says where to paste it).
 */
final class VapiSetupHint {
    private VapiSetupHint() {}

    /** One line for the command line. */
    static String of(String tenantId, WebhookAuth a) {
        return String.join("; ", steps("https://<your-host>/webhooks/vapi/" + tenantId, a));
    }

    /** The steps, in order, for the Vapi dashboard (or API) with server URL {@code url}. */
    static List<String> steps(String url, WebhookAuth a) {
        String server = "Vapi server URL " + url;
        return switch (a.scheme()) {
            case NONE -> List.of(server + " (no authentication: anyone who knows the URL can post webhooks; set one in production)");
            case SECRET -> List.of(server, "in Vapi create a Bearer credential with headerName X-Vapi-Secret, bearerPrefixEnabled false"
                    + " and the same token (or the legacy server.secret), and set it as the server's credentialId");
            case BEARER -> List.of(server, "in Vapi create a Bearer credential with headerName " + a.tokenHeader() + ", bearerPrefixEnabled "
                    + a.bearerPrefix() + " and the same token, and set it as the server's credentialId");
            case HMAC -> List.of(server, "in Vapi create an HMAC credential: secretKey the same secret, algorithm " + a.algorithm().wire()
                    + ", signatureHeader " + a.signatureHeaderOrDefault() + ", timestampHeader " + a.timestampHeaderOrDefault()
                    + ", payloadFormat {timestamp}.{body}, signatureEncoding hex"
                    + (a.signaturePrefix() == null ? "" : ", signaturePrefix " + a.signaturePrefix())
                    + ", and set it as the server's credentialId");
        };
    }

    /** The headers each Vapi delivery must carry for the scheme, with placeholders for their values. */
    static List<String> headers(WebhookAuth a) {
        return switch (a.scheme()) {
            case NONE -> List.of();
            case SECRET -> List.of(WebhookAuth.SECRET_HEADER + ": <the webhook secret>");
            case BEARER -> List.of(a.tokenHeader() + ": " + (a.bearerPrefix() ? "Bearer " : "") + "<the webhook secret>");
            case HMAC -> List.of(a.timestampHeaderOrDefault() + ": <timestamp>",
                    a.signatureHeaderOrDefault() + ": " + a.signaturePrefixOrEmpty() + "<hex HMAC-" + a.algorithm().wire().toUpperCase(java.util.Locale.ROOT)
                            + " of {timestamp}.{body}>");
        };
    }
}
