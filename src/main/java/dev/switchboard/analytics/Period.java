package dev.switchboard.analytics;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A span of the tenant's local days, [from, to] inclusive, as UTC buckets [fromBucket, toBucket). A period that
 * contains "now" ends at now, and its previous period (the same number of days just before) ends at the same
 * local time of day, to the quarter hour, so "today so far" is compared with "yesterday until this time".
 */
record Period(LocalDate from, LocalDate to, long fromBucket, long toBucket) {
    static final int MAX_DAYS = 366;

    long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    static Period of(LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return new Period(from, to, bucketFloor(start), Math.min(bucketFloor(end), bucketCeil(now.toEpochMilli() + 1)));
    }

    /** The same number of days just before, cut at the same local time of day when this one is cut at now. */
    Period previous(ZoneId zone, Instant now) {
        long n = days();
        LocalDate pFrom = from.minusDays(n), pTo = to.minusDays(n);
        Period full = of(pFrom, pTo, zone, now);
        ZonedDateTime localNow = now.atZone(zone);
        LocalDate today = localNow.toLocalDate();
        if (today.isBefore(from) || today.isAfter(to)) return full;
        long sameTimeBefore = localNow.minusDays(n).toInstant().toEpochMilli();
        return new Period(pFrom, pTo, full.fromBucket, Math.min(full.toBucket, bucketCeil(sameTimeBefore + 1)));
    }

    /** {@code range=today|7d|30d|90d|custom} with {@code from}/{@code to} (local dates) for custom. */
    static Period parse(String range, String from, String to, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        String r = range == null || range.isBlank() ? "today" : range;
        return switch (r) {
            case "today" -> of(today, today, zone, now);
            case "7d" -> of(today.minusDays(6), today, zone, now);
            case "30d" -> of(today.minusDays(29), today, zone, now);
            case "90d" -> of(today.minusDays(89), today, zone, now);
            case "custom" -> {
                LocalDate f = date("from", from), t = date("to", to);
                if (t.isBefore(f)) throw new ApiException(ErrorCode.INVALID_REQUEST, "to must not be before from");
                if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_DAYS) {
                    throw new ApiException(ErrorCode.INVALID_REQUEST, "from..to spans more than " + MAX_DAYS + " days");
                }
                yield of(f, t, zone, now);
            }
            default -> throw new ApiException(ErrorCode.INVALID_REQUEST, "range must be today, 7d, 30d, 90d or custom (got '" + r + "')");
        };
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) throw new ApiException(ErrorCode.INVALID_REQUEST, name + " is required with range=custom (a date like 2026-03-08)");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, name + " must be a date like 2026-03-08 (got '" + value + "')");
        }
    }

    static long bucketFloor(long ms) {
        return Math.floorDiv(ms, Contribution.BUCKET_MS);
    }

    static long bucketCeil(long ms) {
        return -Math.floorDiv(-ms, Contribution.BUCKET_MS);
    }
}
