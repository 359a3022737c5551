package dev.switchboard.webhook.vapi;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.tenant.WebhookAuth;
import dev.switchboard.tenant.WebhookAuth.HmacAlgorithm;
import dev.switchboard.tenant.WebhookAuth.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Vectors for every Vapi scheme. The expected HMACs were computed outside Java (Python's hmac module) over
 * {@code {timestamp}.{body}} with the secret below.
 */
class VapiAuthenticatorTest {
    static final String SECRET = "whsec_test_0123456789abcdef";
    static final byte[] BODY = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"call\":{\"id\":\"call-1\"}}}"
            .getBytes(StandardCharsets.UTF_8);
    static final long TS_MS = 1_700_000_000_000L;
    static final String SHA256_MS = "3ee207834ea583d0197f796aa063edab248d1c6c924e0718ffc1e8a7cf6c56d1";
    static final String SHA256_SECONDS = "504fcebeee4b159ec9df0db2fe4b6f219c2d3cfbbd60746a13174244c2463476";
    static final WebhookAuth HMAC = WebhookAuth.none().withScheme(Scheme.HMAC).withSecret(SECRET);

    static Map<String, String> headers(String... pairs) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); // HTTP header names are case-insensitive
        for (int i = 0; i < pairs.length; i += 2) h.put(pairs[i], pairs[i + 1]);
        return h;
    }

    static ErrorCode rejection(WebhookAuth auth, Map<String, String> headers, byte[] body, long now) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> VapiAuthenticator.verify(auth, headers::get, body, now));
        assertThat(e).as("expected a rejection").isNotNull();
        assertThat(e.code().status()).isEqualTo(401);
        assertThat(e.getMessage()).doesNotContain(SECRET);
        return e.code();
    }

    static void accepted(WebhookAuth auth, Map<String, String> headers, byte[] body, long now) {
        assertThatCode(() -> VapiAuthenticator.verify(auth, headers::get, body, now)).doesNotThrowAnyException();
    }

    @Test
    void schemeNoneAcceptsEverythingAsBefore() {
        accepted(WebhookAuth.none(), headers(), BODY, TS_MS);
    }

    @Test
    void theXVapiSecretHeaderMustCarryExactlyTheTenantsSecret() {
        WebhookAuth auth = WebhookAuth.none().withScheme(Scheme.SECRET).withSecret(SECRET);
        accepted(auth, headers("X-Vapi-Secret", SECRET), BODY, TS_MS);
        assertThat(rejection(auth, headers("x-vapi-secret", SECRET + "x"), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(auth, headers("x-vapi-secret", SECRET.substring(1)), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(auth, headers("x-vapi-secret", "Bearer " + SECRET), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        // Vapi sends the header empty when no secret is set on its side.
        assertThat(rejection(auth, headers("x-vapi-secret", ""), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
        assertThat(rejection(auth, headers(), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
    }

    @Test
    void anEmptyConfiguredSecretNeverAcceptsAnything() {
        for (Scheme s : new Scheme[] {Scheme.SECRET, Scheme.BEARER, Scheme.HMAC}) {
            WebhookAuth auth = WebhookAuth.none().withScheme(s).withSecret("");
            assertThat(rejection(auth, headers("x-vapi-secret", "", "Authorization", "Bearer ", "x-signature",
                    "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad", "x-timestamp", String.valueOf(TS_MS)), BODY, TS_MS))
                    .isIn(ErrorCode.WEBHOOK_AUTH_INVALID, ErrorCode.WEBHOOK_AUTH_MISSING);
            assertThat(rejection(auth, headers("x-vapi-secret", "anything", "Authorization", "Bearer anything"), BODY, TS_MS))
                    .isIn(ErrorCode.WEBHOOK_AUTH_INVALID, ErrorCode.WEBHOOK_AUTH_MISSING);
        }
    }

    @Test
    void aBearerTokenIsCheckedInTheConfiguredHeaderWithOrWithoutThePrefix() {
        WebhookAuth bearer = WebhookAuth.none().withScheme(Scheme.BEARER).withSecret(SECRET);
        accepted(bearer, headers("Authorization", "Bearer " + SECRET), BODY, TS_MS);
        accepted(bearer, headers("authorization", "bearer " + SECRET), BODY, TS_MS); // the scheme word is case-insensitive
        assertThat(rejection(bearer, headers("Authorization", SECRET), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(bearer, headers("Authorization", "Bearer wrong-token-000000000"), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(bearer, headers("Authorization", "Bearer "), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
        assertThat(rejection(bearer, headers("Authorization", ""), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
        assertThat(rejection(bearer, headers("X-Other", "Bearer " + SECRET), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);

        WebhookAuth custom = bearer.withHeader("X-Switchboard-Token").withBearerPrefix(false);
        accepted(custom, headers("x-switchboard-token", SECRET), BODY, TS_MS);
        assertThat(rejection(custom, headers("X-Switchboard-Token", "Bearer " + SECRET), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(custom, headers("Authorization", "Bearer " + SECRET), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "sha256, 3ee207834ea583d0197f796aa063edab248d1c6c924e0718ffc1e8a7cf6c56d1",
            "sha512, a06656dc677293b4312391018657a638da4ee8e600f7e6135892e336dbf99295857e7eea446b197d1e0452b178aee48f472aab7de35f5af8212586d9bd9a2c34",
            "sha1, b68c4dc38eef166293e17bfe0ee816be9b83eeed"})
    void anHmacOverTimestampDotRawBodyIsAcceptedForEachAlgorithm(String algorithm, String hex) {
        WebhookAuth auth = HMAC.withAlgorithm(HmacAlgorithm.parse(algorithm).orElseThrow());
        accepted(auth, headers("x-signature", hex, "x-timestamp", String.valueOf(TS_MS)), BODY, TS_MS + 1000);
        accepted(auth, headers("X-Signature", hex.toUpperCase(), "X-Timestamp", String.valueOf(TS_MS)), BODY, TS_MS); // hex in either case
        // The same signature under another algorithm is wrong.
        WebhookAuth other = HMAC.withAlgorithm(algorithm.equals("sha1") ? HmacAlgorithm.SHA256 : HmacAlgorithm.SHA1);
        assertThat(rejection(other, headers("x-signature", hex, "x-timestamp", String.valueOf(TS_MS)), BODY, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
    }

    @Test
    void oneChangedByteOfTheBodyOrTheTimestampBreaksTheSignature() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 5] ^= 1;
        assertThat(rejection(HMAC, headers("x-signature", SHA256_MS, "x-timestamp", String.valueOf(TS_MS)), tampered, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(HMAC, headers("x-signature", SHA256_MS, "x-timestamp", String.valueOf(TS_MS + 1)), BODY, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        // The raw bytes count, not the JSON: the same message re-serialized with a space is another body.
        byte[] reformatted = new String(BODY, StandardCharsets.UTF_8).replace("{\"type\"", "{ \"type\"").getBytes(StandardCharsets.UTF_8);
        assertThat(rejection(HMAC, headers("x-signature", SHA256_MS, "x-timestamp", String.valueOf(TS_MS)), reformatted, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(HMAC.withSecret(SECRET + "!"), headers("x-signature", SHA256_MS, "x-timestamp", String.valueOf(TS_MS)), BODY, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
    }

    @Test
    void timestampsInSecondsAndMillisecondsAreBothAcceptedInsideTheReplayWindow() {
        accepted(HMAC, headers("x-signature", SHA256_SECONDS, "x-timestamp", "1700000000"), BODY, TS_MS + 299_000);
        accepted(HMAC, headers("x-signature", SHA256_MS, "x-timestamp", String.valueOf(TS_MS)), BODY, TS_MS - 300_000); // the bound passes
    }

    @Test
    void staleAndFutureTimestampsOutsideTheWindowAreRejectedAsStale() {
        var ms = headers("x-signature", SHA256_MS, "x-timestamp", String.valueOf(TS_MS));
        assertThat(rejection(HMAC, ms, BODY, TS_MS + 300_001)).isEqualTo(ErrorCode.WEBHOOK_SIGNATURE_STALE); // replayed later
        assertThat(rejection(HMAC, ms, BODY, TS_MS - 300_001)).isEqualTo(ErrorCode.WEBHOOK_SIGNATURE_STALE); // from the future
        var seconds = headers("x-signature", SHA256_SECONDS, "x-timestamp", "1700000000");
        assertThat(rejection(HMAC, seconds, BODY, TS_MS + 3_600_000)).isEqualTo(ErrorCode.WEBHOOK_SIGNATURE_STALE);
        // A shorter configured window.
        assertThat(rejection(HMAC.withReplayWindowSeconds(10), ms, BODY, TS_MS + 11_000)).isEqualTo(ErrorCode.WEBHOOK_SIGNATURE_STALE);
        accepted(HMAC.withReplayWindowSeconds(10), ms, BODY, TS_MS + 10_000);
    }

    @Test
    void missingEmptyAndMalformedHmacHeadersAreRejected() {
        String ts = String.valueOf(TS_MS);
        assertThat(rejection(HMAC, headers("x-timestamp", ts), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
        assertThat(rejection(HMAC, headers("x-signature", SHA256_MS), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
        assertThat(rejection(HMAC, headers("x-signature", "", "x-timestamp", ts), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
        assertThat(rejection(HMAC, headers("x-signature", "zz" + SHA256_MS.substring(2), "x-timestamp", ts), BODY, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(HMAC, headers("x-signature", SHA256_MS, "x-timestamp", "17e11"), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(HMAC, headers("x-signature", SHA256_MS, "x-timestamp", "-1700000000"), BODY, TS_MS)).isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(HMAC, headers("x-signature", SHA256_MS.substring(0, 62), "x-timestamp", ts), BODY, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
    }

    @Test
    void aConfiguredSignaturePrefixIsRequiredAndStrippedAndCustomHeadersAreUsed() {
        WebhookAuth prefixed = HMAC.withSignaturePrefix("sha256=").withSignatureHeader("X-Vapi-Signature").withTimestampHeader("X-Vapi-Timestamp");
        String ts = String.valueOf(TS_MS);
        accepted(prefixed, headers("x-vapi-signature", "sha256=" + SHA256_MS, "x-vapi-timestamp", ts), BODY, TS_MS);
        assertThat(rejection(prefixed, headers("x-vapi-signature", SHA256_MS, "x-vapi-timestamp", ts), BODY, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
        assertThat(rejection(prefixed, headers("x-signature", "sha256=" + SHA256_MS, "x-timestamp", ts), BODY, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_MISSING);
        // Without a configured prefix, a prefixed signature is not hex.
        assertThat(rejection(HMAC, headers("x-signature", "sha256=" + SHA256_MS, "x-timestamp", ts), BODY, TS_MS))
                .isEqualTo(ErrorCode.WEBHOOK_AUTH_INVALID);
    }
}
