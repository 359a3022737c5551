package dev.switchboard.webhook.vapi;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.tenant.WebhookAuth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * Checks that a Vapi webhook carries the tenant's credential ({@code shared/providers/vapi.md} §7), on the
 * raw body bytes, before anything is parsed or stored. A failure is a 401 {@link ApiException}:
 * {@code webhook_auth_missing} (no or an empty credential: Vapi sends {@code x-vapi-secret: ""} when none
 * is set), {@code webhook_auth_invalid} (wrong, malformed, or the tenant has no secret configured) or
 * {@code webhook_signature_stale} (a correct HMAC whose timestamp is outside the replay window). Messages
 * name headers and what to fix, never a presented or configured value.
 *
 * <p>All comparisons are constant-time ({@link MessageDigest#isEqual}); secrets and tokens are compared
 * as SHA-256 digests so their length does not leak either. Stateless and thread-safe.
 */
public final class VapiAuthenticator {
    /** Timestamps below this are seconds, above it milliseconds (1e11 s is the year 5138; 1e11 ms is 1973). */
    static final long SECONDS_MILLIS_BOUNDARY = 100_000_000_000L;

    private VapiAuthenticator() {}

    /**
     * Passes, or throws the 401 that says why not.
     *
     * @param headers a header by name (case-insensitive), or null when absent
     * @param nowMillis the server's clock
     */
    public static void verify(WebhookAuth auth, Function<String, String> headers, byte[] body, long nowMillis) {
        switch (auth.scheme()) {
            case NONE -> { }
            case SECRET, BEARER -> token(auth, headers);
            case HMAC -> hmac(auth, headers, body, nowMillis);
        }
    }

    private static void token(WebhookAuth auth, Function<String, String> headers) {
        String header = auth.tokenHeader();
        String value = headers.apply(header);
        if (value == null) throw missing("No " + header + " header; set the tenant's credential on the Vapi server (see README, Webhook authentication)");
        String token = value.strip();
        if (auth.tokenHasBearerPrefix()) {
            if (token.isEmpty() || token.equalsIgnoreCase("Bearer")) throw missing("The " + header + " header carries no token");
            if (!token.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw invalid("The " + header + " header does not start with 'Bearer ' (or turn the prefix off: --bearer-prefix off)");
            }
            token = token.substring(7).strip();
        }
        if (token.isEmpty()) throw missing("The " + header + " header is empty (Vapi sends it empty when no secret is set there)");
        requireSecret(auth);
        if (!MessageDigest.isEqual(sha256(token), sha256(auth.secret()))) {
            throw invalid("The " + header + " header does not match the tenant's webhook secret");
        }
    }

    private static void hmac(WebhookAuth auth, Function<String, String> headers, byte[] body, long nowMillis) {
        String sigHeader = auth.signatureHeaderOrDefault();
        String tsHeader = auth.timestampHeaderOrDefault();
        String signature = headers.apply(sigHeader);
        String timestamp = headers.apply(tsHeader);
        if (signature == null || signature.isBlank()) throw missing("No " + sigHeader + " signature header");
        if (timestamp == null || timestamp.isBlank()) throw missing("No " + tsHeader + " timestamp header");
        requireSecret(auth);
        timestamp = timestamp.strip();
        if (timestamp.isEmpty() || timestamp.length() > 16 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("The " + tsHeader + " header is not a Unix time in seconds or milliseconds");
        }
        String hex = signature.strip();
        String prefix = auth.signaturePrefixOrEmpty();
        if (!prefix.isEmpty()) {
            if (!hex.regionMatches(true, 0, prefix, 0, prefix.length())) {
                throw invalid("The " + sigHeader + " header does not start with the configured prefix '" + prefix + "'");
            }
            hex = hex.substring(prefix.length());
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("The " + sigHeader + " header is not a hex signature");
        }
        byte[] expected = sign(auth.algorithm(), auth.secret(), timestamp, body);
        if (!MessageDigest.isEqual(expected, presented)) {
            throw invalid("The " + sigHeader + " signature does not match (HMAC-" + auth.algorithm().wire().toUpperCase(Locale.ROOT)
                    + " of '{timestamp}.{body}' with the tenant's secret)");
        }
        // Checked after the signature, so "stale" always means a genuine message that is too old or too new:
        // a replay, or a clock that is off.
        long ts = Long.parseLong(timestamp);
        long tsMillis = ts < SECONDS_MILLIS_BOUNDARY ? ts * 1000 : ts;
        if (Math.abs(nowMillis - tsMillis) > auth.replayWindowSeconds() * 1000L) {
            throw new ApiException(ErrorCode.WEBHOOK_SIGNATURE_STALE, "The " + tsHeader + " timestamp is more than "
                    + auth.replayWindowSeconds() + " s from the server's time (a replay, or a clock that is off)");
        }
    }

    /** HMAC over {@code {timestamp}.{body}}: the timestamp as sent, a dot, the raw body bytes. */
    public static byte[] sign(WebhookAuth.HmacAlgorithm algorithm, String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm.jca());
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm.jca()));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jca() + " is not available in this JDK", e);
        }
    }

    /** An empty configured secret would accept anything; it is never accepted. */
    private static void requireSecret(WebhookAuth auth) {
        if (!auth.hasSecret()) {
            throw invalid("The tenant requires " + auth.scheme().wire() + " webhook authentication but has no secret configured"
                    + " (java -jar switchboard.jar tenant set <id> --webhook-secret -)");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException missing(String message) {
        return new ApiException(ErrorCode.WEBHOOK_AUTH_MISSING, message);
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.WEBHOOK_AUTH_INVALID, message);
    }
}
