package dev.switchboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading the small JSON bodies of the REST API (control, transfer targets, sign-in), with 400s that say what is wrong. */
public final class RequestJson {
    private RequestJson() {}

    /** The body as an object; an empty body is {@code {}}. */
    public static ObjectNode object(String body) {
        if (body == null || body.isBlank()) return Json.MAPPER.createObjectNode();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            dev.switchboard.http.JsonLimits.rethrowIfExceeded(e);
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The body is not valid JSON");
        }
        if (node instanceof ObjectNode o) return o;
        throw new ApiException(ErrorCode.INVALID_REQUEST, "The body must be a JSON object");
    }

    /** A string field, trimmed; null when absent, null or blank. */
    public static String text(ObjectNode body, String field, int maxLength) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new ApiException(ErrorCode.INVALID_REQUEST, field + " must be a string");
        String s = v.asText().trim();
        if (s.length() > maxLength) throw new ApiException(ErrorCode.INVALID_REQUEST, field + " is longer than " + maxLength + " characters");
        return s.isEmpty() ? null : s;
    }

    public static String requiredText(ObjectNode body, String field, int maxLength) {
        String s = text(body, field, maxLength);
        if (s == null) throw new ApiException(ErrorCode.INVALID_REQUEST, field + " is required");
        return s;
    }

    public static boolean bool(ObjectNode body, String field, boolean absent) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return absent;
        if (!v.isBoolean()) throw new ApiException(ErrorCode.INVALID_REQUEST, field + " must be true or false");
        return v.booleanValue();
    }

    public static Long id(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (v.canConvertToLong() && v.isIntegralNumber()) return v.longValue();
        if (v.isTextual() && v.asText().trim().matches("\\d{1,18}")) return Long.parseLong(v.asText().trim());
        throw new ApiException(ErrorCode.INVALID_REQUEST, field + " must be a whole number");
    }
}
