package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers for the Vapi message types that expect a reply. Switchboard only monitors, so each answer is
 * the valid neutral one: it declines what it cannot do in the shape Vapi accepts, and never blocks a
 * campaign. Everything else gets a plain acknowledgement.
 */
public final class VapiReplies {
    static final String NOT_HANDLED = "Switchboard monitors calls and does not handle this request; "
            + "point this at your own server (e.g. tool.server.url) to answer it.";

    /** The plain acknowledgement, the reply to almost every message: one shared instance. */
    public static final Map<String, Boolean> RECEIVED = Map.of("received", true);

    private VapiReplies() {}

    static Object forType(String type, JsonNode message) {
        return switch (type) {
            case "assistant-request" -> Map.of();
            case "tool-calls", "function-call" -> Map.of("results", toolResults(message));
            case "transfer-destination-request", "handoff-destination-request" -> Map.of("error", NOT_HANDLED);
            case "knowledge-base-request" -> Map.of("documents", List.of());
            case "campaign.predial" -> Map.of("eligible", true);
            case "call.endpointing.request" -> Map.of();
            default -> RECEIVED;
        };
    }

    private static List<Map<String, Object>> toolResults(JsonNode message) {
        JsonNode list = VapiJson.firstOf(VapiJson.at(message, "toolCallList"), VapiJson.at(message, "toolCalls"));
        List<Map<String, Object>> results = new ArrayList<>();
        if (list == null || !list.isArray()) return results;
        for (JsonNode call : list) {
            String id = VapiJson.text(call, "id");
            if (id == null) continue;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("toolCallId", id);
            String name = VapiJson.text(call, "function", "name");
            if (name != null) r.put("name", name);
            r.put("error", NOT_HANDLED);
            results.add(r);
        }
        return results;
    }
}
