package dev.switchboard.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimeTest {
    static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final long YEAR_9999 = 253_402_300_799_999L;

    @Test
    void theWireFormatIsUtcWithMicrosecondsAndNoOffset() {
        assertThat(IsoTime.of(1_765_350_314_195L)).isEqualTo("2025-12-10T07:05:14.195000");
        assertThat(IsoTime.of(null)).isNull();
    }

    @Test
    void everyInstantFormatsExactlyAsJavaTimeDoesIncludingBefore1970AndOutsideFourDigitYears() {
        SplittableRandom rng = new SplittableRandom(7);
        long[] edges = {0, -1, 1, 86_399_999, 86_400_000, -86_400_000, -30_610_224_000_000L, -30_610_224_000_001L, YEAR_9999,
                YEAR_9999 + 1, -62_135_596_800_000L, 951_782_400_000L /* 2000-02-29 */};
        for (long t : edges) assertSame(t);
        for (int i = 0; i < 200_000; i++) assertSame(rng.nextLong(-80_000_000_000_000L, 300_000_000_000_000L));
    }

    @Test
    void localTimesFollowTheZoneAcrossDaylightSavingChanges() {
        ZoneId ny = ZoneId.of("America/New_York");
        // 2025-03-09 01:59:59 EST, then 03:00:00 EDT; 2025-11-02 01:30 happens twice.
        assertThat(IsoTime.local(1_741_503_599_000L, ny)).isEqualTo("2025-03-09 01:59:59");
        assertThat(IsoTime.local(1_741_503_600_000L, ny)).isEqualTo("2025-03-09 03:00:00");
        assertThat(IsoTime.local(1_762_061_400_000L, ny)).isEqualTo("2025-11-02 01:30:00");
        assertThat(IsoTime.local(1_762_065_000_000L, ny)).isEqualTo("2025-11-02 01:30:00");
        SplittableRandom rng = new SplittableRandom(11);
        for (String zone : new String[] {"America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"}) {
            ZoneId z = ZoneId.of(zone);
            for (int i = 0; i < 20_000; i++) {
                long t = rng.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
                assertThat(IsoTime.local(t, z)).as("%d in %s", t, zone).isEqualTo(LOCAL.format(Instant.ofEpochMilli(t).atZone(z)));
            }
        }
    }

    static void assertSame(long t) {
        assertThat(IsoTime.of(t)).as("%d", t).isEqualTo(WIRE.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC)));
    }
}
