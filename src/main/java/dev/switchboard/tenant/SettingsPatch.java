package dev.switchboard.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PATCH /api/{client_id}/settings} read into a {@link SettingsEdit}: fields left out keep
 * their value, a string sets one, {@code null} clears a secret (or sends a header back to its default). An empty
 * string is refused rather than read as "clear", so an empty form field never removes a key by accident. Unknown
 * fields are refused too (a typo must not look like success). Only the shapes are checked here; the rules are
 * the edit's.
 */
final class SettingsPatch {
    static final List<String> FIELDS = List.of("timeZone", "listenFormat", "vapiPrivateKey", "vapiPublicKey", "retellApiKey", "webhookAuth");
    static final List<String> AUTH_FIELDS = List.of("scheme", "secret", "header", "bearerPrefix", "algorithm", "signatureHeader",
            "timestampHeader", "signaturePrefix", "replayWindowSeconds");
    private static final Map<String, SettingsEdit.Field> CREDENTIALS = Map.of(
            "vapiPrivateKey", SettingsEdit.Field.VAPI_PRIVATE_KEY,
            "vapiPublicKey", SettingsEdit.Field.VAPI_PUBLIC_KEY,
            "retellApiKey", SettingsEdit.Field.RETELL_API_KEY);

    private SettingsPatch() {}

    static SettingsEdit read(ObjectNode body) {
        SettingsEdit edit = new SettingsEdit(SettingsEdit.Audience.API);
        refuseUnknown(body, FIELDS, "");
        for (String field : FIELDS) {
            if (!body.has(field)) continue;
            JsonNode v = body.get(field);
            switch (field) {
                case "timeZone" -> edit.timeZone(required(v, field));
                case "listenFormat" -> edit.listenFormat(required(v, field));
                case "webhookAuth" -> readAuth(v, edit);
                default -> edit.credential(CREDENTIALS.get(field), nullable(v, field));
            }
        }
        if (edit.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Nothing to change: send one or more of " + String.join(", ", FIELDS));
        }
        return edit;
    }

    private static void readAuth(JsonNode node, SettingsEdit edit) {
        if (!(node instanceof ObjectNode auth)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "webhookAuth must be an object with any of " + String.join(", ", AUTH_FIELDS));
        }
        refuseUnknown(auth, AUTH_FIELDS, "webhookAuth.");
        for (String field : AUTH_FIELDS) {
            if (!auth.has(field)) continue;
            JsonNode v = auth.get(field);
            String name = "webhookAuth." + field;
            switch (field) {
                case "scheme" -> edit.scheme(required(v, name));
                case "secret" -> edit.webhookSecret(nullable(v, name));
                case "header" -> edit.headerName(SettingsEdit.Field.HEADER, nullable(v, name));
                case "signatureHeader" -> edit.headerName(SettingsEdit.Field.SIGNATURE_HEADER, nullable(v, name));
                case "timestampHeader" -> edit.headerName(SettingsEdit.Field.TIMESTAMP_HEADER, nullable(v, name));
                case "signaturePrefix" -> edit.signaturePrefix(nullable(v, name));
                case "algorithm" -> edit.algorithm(required(v, name));
                case "bearerPrefix" -> {
                    if (!v.isBoolean()) throw new ApiException(ErrorCode.INVALID_REQUEST, name + " must be true or false");
                    edit.bearerPrefix(v.booleanValue());
                }
                case "replayWindowSeconds" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                        throw new ApiException(ErrorCode.INVALID_REQUEST, name + " must be a whole number from 1 to 3600");
                    }
                    edit.replayWindowSeconds(v.longValue());
                }
                default -> throw new IllegalStateException(field);
            }
        }
    }

    private static void refuseUnknown(ObjectNode node, List<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "Unknown field " + prefix + printable(name) + "; "
                        + (prefix.isEmpty() ? "settings" : "webhookAuth") + " accepts " + String.join(", ", known));
            }
        }
    }

    private static String required(JsonNode v, String name) {
        if (v == null || !v.isTextual()) throw new ApiException(ErrorCode.INVALID_REQUEST, name + " must be a string (it cannot be cleared)");
        return v.asText();
    }

    private static String nullable(JsonNode v, String name) {
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new ApiException(ErrorCode.INVALID_REQUEST, name + " must be a string, or null to clear it");
        return v.asText();
    }

    private static String printable(String name) {
        String s = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
