package dev.switchboard.history;

import dev.switchboard.tenant.ZoneOffsets;

import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

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

    /**
     * The quarter hour of the UTC day a call was placed in, as PostgreSQL's {@code calls_by_quarter} index (schema v10)
     * has it. The text must stay exactly this for the planner to match the index.
     */
    static final String UTC_QUARTER = "((c.created_at / 900000) % 96)";

    /**
     * PostgreSQL: the UTC quarter hours ({@link #UTC_QUARTER}) the local {@code hours} can fall in under any of the
     * pieces' offsets. Every offset in use is a whole number of quarter hours, so a local hour is exactly four UTC
     * quarters per offset (eight for a zone with daylight saving). Said beside the exact test, this lets the planner
     * read a rare hour's few calls through the index instead of walking the tenant's whole history. Empty (no hint)
     * if some offset is not whole quarters (historic local mean time).
     */
    static List<Long> utcQuarters(List<Integer> hours, List<ZoneOffsets.Piece> pieces) {
        TreeSet<Long> quarters = new TreeSet<>();
        for (ZoneOffsets.Piece p : pieces) {
            if (p.offsetMs() % QUARTER_MS != 0) return List.of();
            long shift = p.offsetMs() / QUARTER_MS;
            for (int h : hours) {
                for (int k = 0; k < 4; k++) quarters.add(Math.floorMod(4L * h + k - shift, 96L));
            }
        }
        return List.copyOf(quarters);
    }

    private static final long QUARTER_MS = 900_000;
}
