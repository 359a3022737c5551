package dev.switchboard.webhook.retell;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retell's webhook signature ({@code shared/providers/retell.md} §2), ready for the Retell adapter:
 * {@code X-Retell-Signature: v=<unix ms>,d=<hex>} where {@code d = HMAC-SHA256(key = the tenant's Retell API
 * key, message = raw body bytes ‖ ASCII digits of v)}, and {@code |now − v| ≤ 5 minutes} (the bound itself
 * passes, as in the SDKs).
 *
 * <p>Parsing follows the SDKs' current, hardened form: the whole header must match (anchored) and the digest
 * must be exactly 64 hex digits. Uppercase hex is accepted, like the TypeScript SDK (the Python SDK takes
 * only lowercase): the comparison is on the decoded bytes, so the case carries no information and rejecting
 * it would only break a sender that upper-cases. Surrounding whitespace is ignored. The signature is checked
 * before the time, so {@link Result#STALE} means a genuine message outside the window.
 *
 * <p>Stateless and thread-safe; the comparison is constant-time.
 */
public final class RetellSignature {
    public static final String HEADER = "X-Retell-Signature";
    public static final long WINDOW_MILLIS = 5 * 60 * 1000L;
    private static final Pattern FORMAT = Pattern.compile("v=(\\d{1,18}),d=([0-9a-fA-F]{64})");

    /** The outcome; the adapter maps MISSING → {@code webhook_auth_missing}, STALE → {@code webhook_signature_stale}, the rest → {@code webhook_auth_invalid}. */
    public enum Result { VALID, MISSING, MALFORMED, MISMATCH, STALE, NO_KEY }

    private RetellSignature() {}

    public static Result verify(byte[] rawBody, String apiKey, String header, long nowMillis) {
        if (header == null || header.isBlank()) return Result.MISSING;
        if (apiKey == null || apiKey.isEmpty()) return Result.NO_KEY; // an empty key would accept forgeries
        Matcher m = FORMAT.matcher(header.strip());
        if (!m.matches()) return Result.MALFORMED;
        String v = m.group(1);
        byte[] presented = HexFormat.of().parseHex(m.group(2).toLowerCase(Locale.ROOT));
        if (!MessageDigest.isEqual(digest(rawBody, apiKey, v), presented)) return Result.MISMATCH;
        return Math.abs(nowMillis - Long.parseLong(v)) > WINDOW_MILLIS ? Result.STALE : Result.VALID;
    }

    /** The header value Retell would send for this body at this time (for tests and a future simulator). */
    public static String sign(byte[] rawBody, String apiKey, long nowMillis) {
        String v = Long.toString(nowMillis);
        return "v=" + v + ",d=" + HexFormat.of().formatHex(digest(rawBody, apiKey, v));
    }

    private static byte[] digest(byte[] rawBody, String apiKey, String v) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(rawBody);
            mac.update(v.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
