package dev.switchboard.webhook.vapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VapiTimestampTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-31T12:00:00Z", "2025-01-31T12:00:00.1Z", "2025-01-31T24:00:00Z", "2025-01-31T12:00:00.Z", "2025-01-31T12:00:00.12Z", "2025-01-31T12:00:00.123Z",
            "2025-01-31T12:00:00.123456789Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "2199-12-31T23:59:59.5Z",
            "2025-06-01T10:00:00+02:00", "2025-06-01T10:00:00.250-05:30"})
    void readsEveryInstantExactlyAsInstantParseDoes(String text) {
        assertThat(VapiJson.isoMillis(text)).isEqualTo(Instant.parse(text).toEpochMilli());
    }

    @Test
    void agreesWithInstantParseOnRandomMillisecondInstants() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochMilli(rng.nextLong(0, 7_258_118_400_000L));
            assertThat(VapiJson.isoMillis(t.toString())).as(t.toString()).isEqualTo(t.toEpochMilli());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T12:00:00Z", "2025-13-01T12:00:00Z", "2025-01-31T25:00:00Z", "2025-01-31T12:60:00Z",
            "2025-01-31T12:00:00.12aZ", "2025-01-31 12:00:00Z", "2025-01-3xT12:00:00Z", "yesterday"})
    void rejectsWhatInstantParseRejects(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> VapiJson.isoMillis(text)).isInstanceOf(DateTimeParseException.class);
    }
}
