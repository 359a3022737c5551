package dev.switchboard.simulator;

import dev.switchboard.tenant.WebhookAuth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers Vapi adds to a webhook for a tenant's server authentication: the secret or token in its
 * header, or an HMAC over {@code {timestamp}.{body}} (timestamp in milliseconds, hex, with the configured
 * prefix). Written independently of Switchboard's verifier on purpose: the simulator plays the provider (and so does
 * the settings screen's test delivery).
 */
public final class WebhookSigner {
    private WebhookSigner() {}

    public static Map<String, String> headers(WebhookAuth auth, byte[] body, long nowMillis) {
        Map<String, String> h = new LinkedHashMap<>();
        if (auth == null || auth.scheme() == WebhookAuth.Scheme.NONE) return h;
        // Vapi's quirk: with no secret it still sends the header, empty; Switchboard must refuse that.
        String secret = auth.secret() == null ? "" : auth.secret();
        switch (auth.scheme()) {
            case SECRET -> h.put(WebhookAuth.SECRET_HEADER, secret);
            case BEARER -> h.put(auth.tokenHeader(), (auth.bearerPrefix() ? "Bearer " : "") + secret);
            case HMAC -> {
                if (secret.isEmpty()) break;
                String ts = Long.toString(nowMillis);
                h.put(auth.timestampHeaderOrDefault(), ts);
                h.put(auth.signatureHeaderOrDefault(), auth.signaturePrefixOrEmpty() + HexFormat.of().formatHex(mac(auth, secret, ts, body)));
            }
            default -> { }
        }
        return h;
    }

    private static byte[] mac(WebhookAuth auth, String secret, String ts, byte[] body) {
        try {
            Mac mac = Mac.getInstance(auth.algorithm().jca());
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), auth.algorithm().jca()));
            byte[] message = new byte[ts.length() + 1 + body.length];
            System.arraycopy(ts.getBytes(StandardCharsets.US_ASCII), 0, message, 0, ts.length());
            message[ts.length()] = '.';
            System.arraycopy(body, 0, message, ts.length() + 1, body.length);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
