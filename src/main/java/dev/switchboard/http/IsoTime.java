package dev.switchboard.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps on the wire: UTC, ISO-8601 with microseconds and no offset ({@code 2025-12-10T07:05:14.195000}),
 * exactly the shape the seed API documents.
 */
public final class IsoTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private IsoTime() {}

    public static String of(Long epochMillis) {
        if (epochMillis == null) return null;
        return FORMAT.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }
}
