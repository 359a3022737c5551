package dev.switchboard.webhook.retell;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.switchboard.webhook.retell.RetellSignature.Result;
import static org.assertj.core.api.Assertions.assertThat;

/** Retell's signature with the SDKs' own test vector ({@code shared/providers/retell.md} §2). */
class RetellSignatureTest {
    static final byte[] BODY = "{\"event\":\"call_ended\"}".getBytes(StandardCharsets.UTF_8);
    static final String KEY = "test-api-key";
    static final long V = 1_700_000_000_000L;
    static final String D = "07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e";
    static final String HEADER = "v=" + V + ",d=" + D;

    @Test
    void theSdkTestVectorVerifies() {
        assertThat(RetellSignature.verify(BODY, KEY, HEADER, V)).isEqualTo(Result.VALID);
        assertThat(RetellSignature.verify(BODY, KEY, "  " + HEADER + "\t", V + 1000)).isEqualTo(Result.VALID);
        assertThat(RetellSignature.sign(BODY, KEY, V)).isEqualTo(HEADER);
    }

    @Test
    void aWrongKeyOrATamperedBodyDoesNotVerify() {
        assertThat(RetellSignature.verify(BODY, "test-api-kez", HEADER, V)).isEqualTo(Result.MISMATCH);
        byte[] tampered = BODY.clone();
        tampered[3] ^= 1;
        assertThat(RetellSignature.verify(tampered, KEY, HEADER, V)).isEqualTo(Result.MISMATCH);
        // v is signed too: changing it breaks the signature.
        assertThat(RetellSignature.verify(BODY, KEY, "v=" + (V + 1) + ",d=" + D, V)).isEqualTo(Result.MISMATCH);
    }

    @Test
    void signaturesOlderOrNewerThanFiveMinutesAreStaleAndTheBoundPasses() {
        assertThat(RetellSignature.verify(BODY, KEY, HEADER, V + 300_000)).isEqualTo(Result.VALID);
        assertThat(RetellSignature.verify(BODY, KEY, HEADER, V - 300_000)).isEqualTo(Result.VALID);
        assertThat(RetellSignature.verify(BODY, KEY, HEADER, V + 300_001)).isEqualTo(Result.STALE);
        assertThat(RetellSignature.verify(BODY, KEY, HEADER, V - 300_001)).isEqualTo(Result.STALE);
    }

    @Test
    void uppercaseHexIsAcceptedBecauseOnlyTheDecodedBytesAreCompared() {
        assertThat(RetellSignature.verify(BODY, KEY, "v=" + V + ",d=" + D.toUpperCase(), V)).isEqualTo(Result.VALID);
    }

    @Test
    void malformedMissingOrKeylessInputsNeverVerify() {
        assertThat(RetellSignature.verify(BODY, KEY, null, V)).isEqualTo(Result.MISSING);
        assertThat(RetellSignature.verify(BODY, KEY, "", V)).isEqualTo(Result.MISSING);
        assertThat(RetellSignature.verify(BODY, "", HEADER, V)).isEqualTo(Result.NO_KEY);
        assertThat(RetellSignature.verify(BODY, null, HEADER, V)).isEqualTo(Result.NO_KEY);
        for (String bad : new String[] {
                "d=" + D + ",v=" + V,                   // order
                "v=" + V + ",d=" + D.substring(1),      // 63 hex digits
                "v=" + V + ",d=" + D + "00",            // 66 hex digits
                "v=" + V + ",d=" + D.replace('a', 'g'), // not hex
                "v=" + V + ", d=" + D,                  // inner space
                "x v=" + V + ",d=" + D,                 // unanchored prefix
                "v=" + V + ",d=" + D + ",extra",        // unanchored suffix
                "v=,d=" + D,                            // no time
                "v=-" + V + ",d=" + D,                  // negative time
                "v=99999999999999999999,d=" + D,        // overflows a long
                "sha256=" + D}) {
            assertThat(RetellSignature.verify(BODY, KEY, bad, V)).as(bad).isEqualTo(Result.MALFORMED);
        }
    }
}
