package dev.switchboard.analytics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallStatus;
import dev.switchboard.call.EndedCategory;
import dev.switchboard.http.Json;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one stored call adds to the rollups: a pure function of the row, so the incremental path (subtract what
 * the old row contributed, add what the new one does) and a rebuild from the raw calls always agree.
 * Only ended calls contribute; they count in the 15-minute bucket of their {@code created_at}.
 */
final class Contribution {
    static final long BUCKET_MS = 15 * 60 * 1000L;
    /** Numeric structured-data fields kept per call: enough for real schemas, bounded against odd payloads. */
    private static final int MAX_FIELDS = 16;
    private static final int MAX_FIELD_NAME = 64;

    final long bucket;
    final long[] measures;
    /** Field name → value in micro-units. */
    final Map<String, Long> fields;

    private Contribution(long bucket, long[] measures, Map<String, Long> fields) {
        this.bucket = bucket;
        this.measures = measures;
        this.fields = fields;
    }

    static Contribution of(Call c) {
        if (c == null) return null;
        return of(c.status(), c.createdAt(), c.startedAt(), c.durationMs(), c.endedCategory(), c.transferredFlag(),
                c.cost(), c.structuredData(), c.successEvaluation());
    }

    /** From the stored columns (the rebuild reads them straight from the calls table). */
    static Contribution of(String status, long createdAt, Long startedAt, Long durationMs, String endedCategory,
                           int transferred, Double cost, String structuredData, String successEvaluation) {
        if (!CallStatus.isEnded(status)) return null;
        long[] m = new long[Measures.SIZE];
        EndedCategory category = endedCategory == null ? EndedCategory.OTHER
                : Objects.requireNonNullElse(EndedCategory.parse(endedCategory), EndedCategory.OTHER);
        m[Measures.CALLS] = 1;
        // Answered: the call connected (it has a start) and was not a no-answer, voicemail or busy.
        m[Measures.ANSWERED] = startedAt != null && category != EndedCategory.UNREACHED ? 1 : 0;
        Boolean verdict = SuccessVerdict.of(successEvaluation);
        m[Measures.EVALUATED] = verdict != null ? 1 : 0;
        m[Measures.SUCCESSES] = Boolean.TRUE.equals(verdict) ? 1 : 0;
        m[Measures.TRANSFERRED] = transferred != 0 ? 1 : 0;
        m[Measures.ended(category)] = 1;
        if (durationMs != null && durationMs >= 0) {
            m[Measures.TIMED] = 1;
            m[Measures.DURATION_MS] = durationMs;
            m[Measures.BINS + DurationBins.of(durationMs)] = 1;
        }
        if (cost != null && Double.isFinite(cost)) {
            m[Measures.COSTED] = 1;
            m[Measures.COST_MICROS] = micros(cost);
        }
        return new Contribution(Math.floorDiv(createdAt, BUCKET_MS), m, numericFields(structuredData));
    }

    static long micros(double v) {
        return Math.round(v * 1_000_000d);
    }

    /**
     * Top-level numeric fields of the structured data (e.g. {@code nps_score}); booleans and text are not averaged.
     * Read with the streaming parser, skipping nested values, since a rebuild does this for every call.
     */
    private static Map<String, Long> numericFields(String structuredData) {
        if (structuredData == null || structuredData.isBlank() || structuredData.charAt(0) != '{') return Map.of();
        Map<String, Long> out = null;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(structuredData)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                    double d = p.getDoubleValue();
                    if (name.length() <= MAX_FIELD_NAME && Math.abs(d) < 1e12 && (out == null || out.size() < MAX_FIELDS)) {
                        if (out == null) out = new TreeMap<>();
                        out.put(name, micros(d));
                    }
                } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
        } catch (Exception e) {
            return Map.of(); // not JSON: nothing to average
        }
        return out == null ? Map.of() : out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contribution c && c.bucket == bucket && Arrays.equals(c.measures, measures) && c.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bucket) * 31 + Arrays.hashCode(measures);
    }
}
