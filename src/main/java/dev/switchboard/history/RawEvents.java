package dev.switchboard.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.http.IsoTime;
import dev.switchboard.http.Json;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The provider's messages about one call as received, for engineers, with every capability URL and secret
 * replaced by {@value #REMOVED}: Vapi puts the call's listen and control URLs (anyone holding them can hear and
 * steer the call) in {@code monitor}, and assistant or server configs can carry secrets and auth headers.
 */
final class RawEvents {
    static final String REMOVED = "[removed]";
    static final int MAX_EVENTS = 1000;
    private static final Set<String> SECRET_KEYS = Set.of("listenurl", "controlurl", "secret", "serverurlsecret", "token",
            "accesstoken", "access_token", "password", "apikey", "api_key", "authorization", "x-vapi-secret", "clientsecret",
            "secretkey", "credentials", "headers", "webcallurl", "websocketcallurl");

    record Event(long id, String type, String receivedAt, JsonNode payload) {}

    private RawEvents() {}

    static List<Event> of(Handle h, String tenantId, String callId) {
        // The call's own capability URLs, wherever else a payload might quote them.
        List<String> urls = h.createQuery("SELECT listen_url, control_url FROM calls WHERE tenant_id = :t AND id = :c")
                .bind("t", tenantId).bind("c", callId)
                .map((rs, ctx) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2))).findOne()
                .orElseThrow(() -> new dev.switchboard.http.ApiException(dev.switchboard.http.ErrorCode.CALL_NOT_FOUND,
                        "No call with that id for client '" + tenantId + "'"))
                .stream().filter(u -> u != null && !u.isBlank()).toList();
        return h.createQuery("SELECT id, event_type, received_at, payload FROM webhook_events WHERE tenant_id = :t AND call_id = :c "
                        + "ORDER BY id LIMIT " + MAX_EVENTS)
                .bind("t", tenantId).bind("c", callId)
                .map((rs, ctx) -> new Event(rs.getLong(1), rs.getString(2), IsoTime.of(rs.getLong(3)), redacted(rs.getString(4), urls)))
                .list();
    }

    static JsonNode redacted(String payload, List<String> urls) {
        JsonNode node;
        try {
            node = Json.readStored(payload);
        } catch (RuntimeException notJson) {
            return TextNode.valueOf("(not JSON, " + payload.length() + " characters)");
        }
        strip(node, urls);
        return node;
    }

    private static void strip(JsonNode node, List<String> urls) {
        if (node instanceof ObjectNode o) {
            List<String> secret = new java.util.ArrayList<>();
            for (Map.Entry<String, JsonNode> child : o.properties()) {
                if (SECRET_KEYS.contains(child.getKey().toLowerCase(Locale.ROOT)) || quotes(child.getValue(), urls)) secret.add(child.getKey());
            }
            secret.forEach(name -> o.set(name, TextNode.valueOf(REMOVED)));
            for (Map.Entry<String, JsonNode> child : o.properties()) strip(child.getValue(), urls);
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (quotes(a.get(i), urls)) a.set(i, TextNode.valueOf(REMOVED));
                else strip(a.get(i), urls);
            }
        }
    }

    private static boolean quotes(JsonNode value, List<String> urls) {
        if (!value.isTextual()) return false;
        for (String u : urls) if (value.textValue().contains(u)) return true;
        return false;
    }
}
