package dev.switchboard.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps on the wire: UTC, ISO-8601 with microseconds and no offset ({@code 2025-12-10T07:05:14.195000}),
 * exactly the shape the seed API documents. Formatted by hand for years 1000–9999 (an export writes several per
 * row, millions of rows, and {@link DateTimeFormatter} was a third of its formatting time); other years go through
 * the formatter.
 */
public final class IsoTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IsoTime() {}

    public static String of(Long epochMillis) {
        if (epochMillis == null) return null;
        String fast = wallClock(epochMillis, 'T', true);
        return fast != null ? fast : FORMAT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    /** The wall-clock time in {@code zone} at that instant, to the second: {@code 2025-12-10 02:05:14}. */
    public static String local(long epochMillis, ZoneId zone) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        int offsetSeconds = zone.getRules().getOffset(instant).getTotalSeconds();
        String fast = wallClock(epochMillis + offsetSeconds * 1000L, ' ', false);
        return fast != null ? fast : LOCAL.format(instant.atZone(zone));
    }

    /** {@code yyyy-MM-dd<sep>HH:mm:ss[.SSS000]} of a wall-clock millisecond count, or null outside years 1000–9999. */
    private static String wallClock(long wallMillis, char separator, boolean micros) {
        long day = Math.floorDiv(wallMillis, MILLIS_PER_DAY);
        int ms = (int) Math.floorMod(wallMillis, MILLIS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        if (year < 1000 || year > 9999) return null;
        char[] c = new char[micros ? 26 : 19];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, date.getDayOfMonth(), 2);
        c[10] = separator;
        digits(c, 11, ms / 3_600_000, 2);
        c[13] = ':';
        digits(c, 14, ms / 60_000 % 60, 2);
        c[16] = ':';
        digits(c, 17, ms / 1000 % 60, 2);
        if (micros) {
            c[19] = '.';
            digits(c, 20, ms % 1000, 3);
            c[23] = '0';
            c[24] = '0';
            c[25] = '0';
        }
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
