package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;

/** Lenient readers for Vapi payload fields: wrong types read as absent instead of failing the delivery. */
final class VapiJson {
    private VapiJson() {}

    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            if (n == null || !n.isObject()) return null;
            n = n.get(p);
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n == null || n.isContainerNode()) return null;
        String s = storable(n.asText());
        return s.isEmpty() ? null : s;
    }

    /** The text without NUL characters, which PostgreSQL cannot store in a text column (JSON may carry "\\u0000"). */
    static String storable(String s) {
        return s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
    }

    static Double number(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n == null) return null;
        if (n.isNumber()) return n.asDouble();
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Epoch ms from a number (ms, or seconds when it is too small to be ms) or an ISO-8601 string; null when absent,
     * unreadable or outside {@link #PLAUSIBLE_UNTIL} (a time in year 300,000 would overflow the arithmetic on it).
     */
    static Long time(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n == null) return null;
        long ms;
        if (n.isNumber()) {
            double v = n.asDouble();
            if (!Double.isFinite(v)) return null;
            ms = v < 100_000_000_000d ? Math.round(v * 1000) : Math.round(v);
        } else if (n.isTextual()) {
            try {
                ms = isoMillis(n.asText());
            } catch (DateTimeParseException | ArithmeticException e) {
                return null;
            }
        } else {
            return null;
        }
        return ms >= 0 && ms < PLAUSIBLE_UNTIL ? ms : null;
    }

    /**
     * Epoch ms of an ISO-8601 instant. The form Vapi sends ({@code 2025-01-31T12:00:00.123Z}) is read directly:
     * {@link Instant#parse}'s general formatter was a fifteenth of a request thread's time at thousands of webhooks
     * a second, for three timestamps per message. Anything else (offsets, odd widths, invalid fields) goes to
     * {@link Instant#parse}, which accepts or rejects it as before.
     */
    static long isoMillis(String s) {
        int n = s.length();
        if (n >= 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(n - 1) == 'Z' && (n == 20 || (n > 21 && n <= 30 && s.charAt(19) == '.'))) {
            int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
            int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
            int millis = 0;
            for (int i = 20, scale = 100; i < n - 1 && millis >= 0; i++, scale /= 10) {
                char c = s.charAt(i);
                millis = c < '0' || c > '9' ? -1 : millis + (c - '0') * scale; // digits past the third add nothing
            }
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))
                    && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && millis >= 0) {
                return LocalDate.of(year, month, day).toEpochDay() * 86_400_000L + hour * 3_600_000L + minute * 60_000L
                        + second * 1000L + millis;
            }
        }
        return Instant.parse(s).toEpochMilli();
    }

    /** The decimal number in {@code s[from, to)}, or -1 if any character there is not a digit 0-9. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** 2200-01-01T00:00:00Z: later than any call, and small enough for created_at * 1000 (search ids) to fit a long. */
    static final long PLAUSIBLE_UNTIL = 7_258_118_400_000L;

    /** The node as JSON text (objects, arrays and scalars alike), or null. */
    static String jsonText(JsonNode node) {
        return node == null ? null : Json.write(node);
    }

    @SafeVarargs
    static <T> T firstOf(T... values) {
        for (T v : values) {
            if (v != null) return v;
        }
        return null;
    }
}
