package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.Json;

import java.time.Instant;
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
                ms = Instant.parse(n.asText()).toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                return null;
            }
        } else {
            return null;
        }
        return ms >= 0 && ms < PLAUSIBLE_UNTIL ? ms : null;
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
