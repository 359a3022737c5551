package dev.switchboard.history;

import dev.switchboard.tenant.ZoneOffsets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimeFilterTest {
    private static final long HOUR = 3_600_000, QUARTER = 900_000;

    @Test
    void aLocalHourIsFourUtcQuarterHoursPerOffsetWrappingAroundMidnight() {
        // Kathmandu, UTC+05:45: 03:00-04:00 local is 21:15-22:15 UTC, quarters 85-88.
        assertThat(LocalTimeFilter.utcQuarters(List.of(3), List.of(new ZoneOffsets.Piece(0, 23 * QUARTER)))).containsExactly(85L, 86L, 87L, 88L);
        // New York: 01:00 local is 05:00 UTC in summer and 06:00 UTC in winter.
        assertThat(LocalTimeFilter.utcQuarters(List.of(1), List.of(new ZoneOffsets.Piece(0, -5 * HOUR), new ZoneOffsets.Piece(1, -4 * HOUR))))
                .containsExactly(20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L);
        // Auckland, UTC+13: 00:00 local is 11:00 UTC the day before.
        assertThat(LocalTimeFilter.utcQuarters(List.of(0, 23), List.of(new ZoneOffsets.Piece(0, 13 * HOUR))))
                .containsExactly(40L, 41L, 42L, 43L, 44L, 45L, 46L, 47L);
    }

    @Test
    void anOffsetThatIsNotWholeQuarterHoursGivesNoHint() {
        assertThat(LocalTimeFilter.utcQuarters(List.of(3), List.of(new ZoneOffsets.Piece(0, 17 * 60_000 + 30_000)))).isEmpty();
    }
}
