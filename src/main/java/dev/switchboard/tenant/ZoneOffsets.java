package dev.switchboard.tenant;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A span of time cut where a zone's UTC offset changes. Between two changes the wall clock is simply UTC plus one
 * constant, so a database without a time-zone database (SQLite) can still bucket by local hour or day with integer
 * arithmetic, exactly across daylight-saving changes: one piece per change (two a year in New York), however long
 * the span. Analytics sums its rollups per piece; history's hour and weekday filters test each row's piece.
 */
public final class ZoneOffsets {
    /** From {@code from} (epoch ms) on, until the next piece starts, the wall clock is UTC + {@code offsetMs}. */
    public record Piece(long from, long offsetMs) {}

    private ZoneOffsets() {}

    /** The offsets in force over [{@code from}, {@code to}), oldest first; the first piece starts at {@code from}. */
    public static List<Piece> over(ZoneId zone, long from, long to) {
        ZoneRules rules = zone.getRules();
        List<Piece> out = new ArrayList<>();
        long at = from;
        out.add(new Piece(at, offsetMs(rules, at)));
        while (true) {
            ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochMilli(at));
            if (next == null || next.getInstant().toEpochMilli() >= to) return out;
            at = next.getInstant().toEpochMilli();
            out.add(new Piece(at, offsetMs(rules, at)));
        }
    }

    private static long offsetMs(ZoneRules rules, long at) {
        return rules.getOffset(Instant.ofEpochMilli(at)).getTotalSeconds() * 1000L;
    }
}
