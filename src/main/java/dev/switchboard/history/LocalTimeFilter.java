package dev.switchboard.history;

import dev.switchboard.tenant.ZoneOffsets;

import java.time.ZoneId;
import java.util.List;

/**
 * Hours of the day ({@code hour=9,10}) and ISO days of the week ({@code weekday=6,7}) on the tenant's wall clock.
 * <p>
 * A local hour is not one UTC hour all year (daylight saving moves it), and SQLite has no time-zone database. But
 * between two changes of the zone's offset the offset is constant, so there the wall clock is simply
 * {@code created_at + offset}, and its hour and weekday are integer arithmetic. So the span a view can reach is cut
 * where the offset changes ({@link ZoneOffsets}, as the analytics rollups are) and the wall clock
 * becomes one {@code CASE} over the cut points: one branch per offset change (two a year in New York), however
 * many days and hours are asked for. Translating the filter into UTC intervals instead would need a term per day
 * and hour: thousands over a year, in every row's test.
 * <p>
 * {@code hours} 0–23 and {@code weekdays} 1–7 (Monday = 1); an empty list does not filter. On the fall-back day both
 * 1 a.m. hours are hour 1; on the spring-forward day hour 2 does not exist (as in Analytics).
 */
record LocalTimeFilter(List<Integer> hours, List<Integer> weekdays, ZoneId zone) {

    /**
     * The offsets in force over [{@code from}, {@code to}), oldest first. The first piece also stands for anything
     * before {@code from} and the last for anything after {@code to}, so the caller chooses a span that holds every
     * call the view can match (the view's days, else the tenant's first and last call).
     */
    List<ZoneOffsets.Piece> pieces(long from, long to) {
        return ZoneOffsets.over(zone, from, to);
    }
}
