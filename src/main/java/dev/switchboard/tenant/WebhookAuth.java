package dev.switchboard.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a tenant's provider webhooks prove they come from the provider (Vapi's server authentication,
 * {@code shared/providers/vapi.md} §7). {@code secret} is the credential itself: never logged, never
 * returned by the API (see {@link #toString}).
 *
 * @param scheme              {@code none} (no check: today's behaviour and the default), {@code secret}
 *                            (Vapi's {@code x-vapi-secret} header), {@code bearer} or {@code hmac}
 * @param secret              the shared secret / token / HMAC key; null when none is set
 * @param header              bearer: the header carrying the token ({@code Authorization} when null)
 * @param bearerPrefix        bearer: the token is preceded by {@code Bearer }
 * @param algorithm           hmac: the hash
 * @param signatureHeader     hmac: header with the hex signature ({@code x-signature} when null)
 * @param timestampHeader     hmac: header with the timestamp ({@code x-timestamp} when null)
 * @param signaturePrefix     hmac: text before the hex (e.g. {@code sha256=}); null = none
 * @param replayWindowSeconds hmac: how far the timestamp may be from now, either way
 */
public record WebhookAuth(Scheme scheme, String secret, String header, boolean bearerPrefix, HmacAlgorithm algorithm,
                          String signatureHeader, String timestampHeader, String signaturePrefix, int replayWindowSeconds) {

    public static final String SECRET_HEADER = "x-vapi-secret";
    public static final String DEFAULT_BEARER_HEADER = "Authorization";
    public static final String DEFAULT_SIGNATURE_HEADER = "x-signature";
    public static final String DEFAULT_TIMESTAMP_HEADER = "x-timestamp";
    public static final int DEFAULT_REPLAY_WINDOW_SECONDS = 300;
    /** Webhook secrets shorter than this are refused: they are guessable. */
    public static final int MIN_SECRET_LENGTH = 16;

    public enum Scheme {
        NONE, SECRET, BEARER, HMAC;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Scheme> parse(String text) {
            return text == null ? Optional.empty()
                    : Arrays.stream(values()).filter(s -> s.wire().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    public enum HmacAlgorithm {
        SHA256("HmacSHA256"), SHA512("HmacSHA512"), SHA1("HmacSHA1");

        private final String jca;

        HmacAlgorithm(String jca) {
            this.jca = jca;
        }

        /** The JDK's name for the MAC, e.g. {@code HmacSHA256}. */
        public String jca() {
            return jca;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<HmacAlgorithm> parse(String text) {
            return text == null ? Optional.empty()
                    : Arrays.stream(values()).filter(a -> a.wire().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
        }
    }

    public static WebhookAuth none() {
        return new WebhookAuth(Scheme.NONE, null, null, true, HmacAlgorithm.SHA256, null, null, null, DEFAULT_REPLAY_WINDOW_SECONDS);
    }

    public boolean hasSecret() {
        return secret != null && !secret.isEmpty();
    }

    /** The header that carries the secret or token for {@code secret} and {@code bearer}. */
    public String tokenHeader() {
        return scheme == Scheme.SECRET ? SECRET_HEADER : header == null ? DEFAULT_BEARER_HEADER : header;
    }

    /** {@code secret} sends the value bare (Vapi's legacy secret, or a Bearer credential without prefix). */
    public boolean tokenHasBearerPrefix() {
        return scheme == Scheme.BEARER && bearerPrefix;
    }

    public String signatureHeaderOrDefault() {
        return signatureHeader == null ? DEFAULT_SIGNATURE_HEADER : signatureHeader;
    }

    public String timestampHeaderOrDefault() {
        return timestampHeader == null ? DEFAULT_TIMESTAMP_HEADER : timestampHeader;
    }

    public String signaturePrefixOrEmpty() {
        return signaturePrefix == null ? "" : signaturePrefix;
    }

    public WebhookAuth withScheme(Scheme s) {
        return new WebhookAuth(s, secret, header, bearerPrefix, algorithm, signatureHeader, timestampHeader, signaturePrefix, replayWindowSeconds);
    }

    public WebhookAuth withSecret(String s) {
        return new WebhookAuth(scheme, s, header, bearerPrefix, algorithm, signatureHeader, timestampHeader, signaturePrefix, replayWindowSeconds);
    }

    public WebhookAuth withHeader(String h) {
        return new WebhookAuth(scheme, secret, h, bearerPrefix, algorithm, signatureHeader, timestampHeader, signaturePrefix, replayWindowSeconds);
    }

    public WebhookAuth withBearerPrefix(boolean on) {
        return new WebhookAuth(scheme, secret, header, on, algorithm, signatureHeader, timestampHeader, signaturePrefix, replayWindowSeconds);
    }

    public WebhookAuth withAlgorithm(HmacAlgorithm a) {
        return new WebhookAuth(scheme, secret, header, bearerPrefix, a, signatureHeader, timestampHeader, signaturePrefix, replayWindowSeconds);
    }

    public WebhookAuth withSignatureHeader(String h) {
        return new WebhookAuth(scheme, secret, header, bearerPrefix, algorithm, h, timestampHeader, signaturePrefix, replayWindowSeconds);
    }

    public WebhookAuth withTimestampHeader(String h) {
        return new WebhookAuth(scheme, secret, header, bearerPrefix, algorithm, signatureHeader, h, signaturePrefix, replayWindowSeconds);
    }

    public WebhookAuth withSignaturePrefix(String p) {
        return new WebhookAuth(scheme, secret, header, bearerPrefix, algorithm, signatureHeader, timestampHeader, p, replayWindowSeconds);
    }

    public WebhookAuth withReplayWindowSeconds(int s) {
        return new WebhookAuth(scheme, secret, header, bearerPrefix, algorithm, signatureHeader, timestampHeader, signaturePrefix, s);
    }

    /** One line for the command line and logs: the parameters, never the secret. */
    public String describe() {
        String secretState = "secret " + SecretStatus.of(secret).describe();
        return switch (scheme) {
            case NONE -> "none (webhooks are not authenticated)";
            case SECRET -> "secret (header " + SECRET_HEADER + ", " + secretState + ")";
            case BEARER -> "bearer (header " + tokenHeader() + (bearerPrefix ? ", prefix 'Bearer '" : ", no prefix") + ", " + secretState + ")";
            case HMAC -> "hmac " + algorithm.wire() + " (signature header " + signatureHeaderOrDefault() + ", timestamp header "
                    + timestampHeaderOrDefault() + ", " + (signaturePrefix == null ? "no signature prefix" : "signature prefix '" + signaturePrefix + "'")
                    + ", replay window " + replayWindowSeconds + " s, " + secretState + ")";
        };
    }

    @Override
    public String toString() {
        return "WebhookAuth[" + describe() + "]";
    }
}
