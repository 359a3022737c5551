package dev.switchboard.tenant;

/** What to configure on Vapi's side for a tenant's webhook auth, printed by {@code tenant set}; never the secret. */
final class VapiSetupHint {
    private VapiSetupHint() {}

    static String of(String tenantId, WebhookAuth a) {
        String url = "Vapi server URL https://<your-host>/webhooks/vapi/" + tenantId;
        return switch (a.scheme()) {
            case NONE -> url + " (no authentication: anyone who knows the URL can post webhooks; set one in production)";
            case SECRET -> url + "; in Vapi create a Bearer credential with headerName X-Vapi-Secret, bearerPrefixEnabled false"
                    + " and the same token (or the legacy server.secret), and set it as the server's credentialId";
            case BEARER -> url + "; in Vapi create a Bearer credential with headerName " + a.tokenHeader() + ", bearerPrefixEnabled "
                    + a.bearerPrefix() + " and the same token, and set it as the server's credentialId";
            case HMAC -> url + "; in Vapi create an HMAC credential: secretKey the same secret, algorithm " + a.algorithm().wire()
                    + ", signatureHeader " + a.signatureHeaderOrDefault() + ", timestampHeader " + a.timestampHeaderOrDefault()
                    + ", payloadFormat {timestamp}.{body}, signatureEncoding hex"
                    + (a.signaturePrefix() == null ? "" : ", signaturePrefix " + a.signaturePrefix())
                    + ", and set it as the server's credentialId";
        };
    }
}
