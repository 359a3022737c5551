package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.switchboard.call.CallEvent;
import dev.switchboard.call.Utterance;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.Json;
import dev.switchboard.webhook.ParsedWebhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static dev.switchboard.webhook.vapi.VapiJson.at;
import static dev.switchboard.webhook.vapi.VapiJson.firstOf;
import static dev.switchboard.webhook.vapi.VapiJson.jsonText;
import static dev.switchboard.webhook.vapi.VapiJson.number;
import static dev.switchboard.webhook.vapi.VapiJson.text;
import static dev.switchboard.webhook.vapi.VapiJson.time;

/**
 * Parses a Vapi server message ({@code {"message":{"type":…}}}) into normalized call events.
 *
 * <p>Strict only about the envelope (JSON, a {@code message} object, a {@code type}); everything inside
 * is read leniently, because Vapi's payloads drift ahead of its spec and rejecting a delivery loses it.
 * Stateless and thread-safe.
 */
public final class VapiParser {
    public static final String PROVIDER = "vapi";
    private static final int MAX_TYPE_LENGTH = 128;
    /** Vapi call ids are UUIDs; a much longer one is garbage (and too long for a PostgreSQL index entry). */
    static final int MAX_CALL_ID_LENGTH = 256;

    /** The shared mapper, but a body with anything after its JSON value ("{…} garbage", "{…}{…}") is malformed. */
    private static final ObjectReader STRICT_READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** For the filtered read, which checks for trailing content on the underlying parser itself. */
    private static final ObjectReader TREE_READER = Json.MAPPER.reader();

    private VapiParser() {}

    public static ParsedWebhook parse(byte[] body, long receivedAt) {
        return interpret(readJson(body), body, receivedAt);
    }

    /** The message a tree of the body means; {@link #parse} passes the tree of only the {@link VapiFields}. */
    static ParsedWebhook interpret(JsonNode root, byte[] body, long receivedAt) {
        if (!root.isObject()) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "Expected a JSON object {\"message\":{\"type\":…}} (a Vapi server message)");
        }
        JsonNode message = root.get("message");
        if (message == null || !message.isObject()) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "Missing the 'message' object: Vapi posts {\"message\":{\"type\":…}}");
        }
        JsonNode typeNode = message.get("type");
        if (typeNode == null || !typeNode.isTextual() || VapiJson.storable(typeNode.asText()).isBlank()) {
            throw new ApiException(ErrorCode.MISSING_MESSAGE_TYPE, "message.type is missing or not a string");
        }
        String type = VapiJson.storable(typeNode.asText());
        if (type.length() > MAX_TYPE_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "message.type is longer than " + MAX_TYPE_LENGTH + " characters");
        }

        JsonNode call = at(message, "call");
        String callId = text(call, "id");
        if (callId != null && callId.length() > MAX_CALL_ID_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_PAYLOAD, "message.call.id is longer than " + MAX_CALL_ID_LENGTH + " characters");
        }
        String rawTimestamp = at(message, "timestamp") == null ? "" : message.get("timestamp").asText();
        long ts = firstOf(time(message, "timestamp"), receivedAt);

        List<CallEvent> events = new ArrayList<>(2);
        if (callId != null) {
            events.add(observed(callId, ts, message, call));
            CallEvent specific = specific(type, callId, ts, message, call);
            if (specific != null) events.add(specific);
        }
        return new ParsedWebhook(PROVIDER, type, callId, dedupeKey(type, callId, rawTimestamp, message, body),
                List.copyOf(events), VapiReplies.forType(type, message));
    }

    /**
     * The tree of the body's {@link VapiFields}. Anything unusual (not an object, malformed, or more after the
     * object) is read again whole, so the answer to a bad body is exactly what reading all of it says.
     */
    static JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is empty; expected a JSON Vapi server message");
        }
        try (JsonParser whole = Json.MAPPER.getFactory().createParser(body)) {
            JsonNode root = TREE_READER.readTree(
                    new FilteringParserDelegate(whole, VapiFields.ROOT, TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true));
            if (root != null && root.isObject() && whole.nextToken() == null) return root;
        } catch (IOException e) {
            // read again whole below, for the exact error
        }
        return readWhole(body);
    }

    private static JsonNode readWhole(byte[] body) {
        try {
            JsonNode node = STRICT_READER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is empty; expected a JSON Vapi server message");
            }
            return node;
        } catch (JsonProcessingException e) {
            dev.switchboard.http.JsonLimits.rethrowIfExceeded(e);
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body could not be read as JSON");
        }
    }

    private static CallEvent.Observed observed(String callId, long ts, JsonNode message, JsonNode call) {
        return new CallEvent.Observed(callId, ts,
                text(call, "status"),
                text(call, "type"),
                firstOf(text(call, "customer", "number"), text(message, "customer", "number")),
                firstOf(text(message, "phoneNumber", "number"), text(call, "phoneNumber", "number")),
                firstOf(text(call, "assistantId"), text(message, "assistant", "id"), text(call, "assistant", "id")),
                firstOf(text(message, "assistant", "name"), text(call, "assistant", "name")),
                time(call, "createdAt"), time(call, "startedAt"), time(call, "endedAt"),
                text(call, "monitor", "listenUrl"), text(call, "monitor", "controlUrl"));
    }

    private static CallEvent specific(String type, String callId, long ts, JsonNode m, JsonNode call) {
        if (isTranscript(type)) return transcript(type, callId, ts, m);
        return switch (type) {
            case "status-update" -> {
                String status = text(m, "status");
                yield status == null ? null
                        : new CallEvent.StatusChanged(callId, ts, status, text(m, "endedReason"), destination(at(m, "destination")));
            }
            case "conversation-update" -> new CallEvent.Conversation(callId, ts,
                    utterances(firstOf(at(m, "messages"), at(m, "artifact", "messages")), ts));
            case "speech-update" -> new CallEvent.Speech(callId, ts, role(text(m, "role")), text(m, "status"),
                    number(m, "turn") == null ? null : number(m, "turn").intValue());
            case "user-interrupted" -> new CallEvent.UserInterrupted(callId, ts);
            case "hang" -> new CallEvent.AssistantHang(callId, ts);
            case "transfer-update" -> new CallEvent.TransferStarted(callId, ts, destination(at(m, "destination")));
            case "end-of-call-report" -> report(callId, ts, m, call);
            default -> null;
        };
    }

    static boolean isTranscript(String type) {
        return type.equals("transcript") || type.startsWith("transcript[");
    }

    private static CallEvent transcript(String type, String callId, long ts, JsonNode m) {
        String text = text(m, "transcript");
        String role = role(text(m, "role"));
        if (text == null || role == null) return null;
        String kind = text(m, "transcriptType");
        boolean isFinal = "final".equals(kind) || (kind == null && type.contains("final"));
        return isFinal
                ? new CallEvent.TranscriptFinal(callId, ts, role, text, null)
                : new CallEvent.TranscriptPartial(callId, ts, role, text);
    }

    private static CallEvent.Reported report(String callId, long ts, JsonNode m, JsonNode call) {
        JsonNode analysis = firstOf(at(m, "analysis"), at(call, "analysis"));
        JsonNode artifact = firstOf(at(m, "artifact"), at(call, "artifact"));
        JsonNode costs = firstOf(at(m, "costs"), at(m, "costBreakdown"), at(call, "costBreakdown"), at(call, "costs"));
        JsonNode spoken = firstOf(at(artifact, "messages"), at(m, "messages"));
        return new CallEvent.Reported(callId, ts,
                firstOf(text(m, "endedReason"), text(call, "endedReason")),
                firstOf(time(m, "startedAt"), time(call, "startedAt")),
                firstOf(time(m, "endedAt"), time(call, "endedAt")),
                firstOf(number(m, "cost"), number(call, "cost")),
                jsonText(costs),
                firstOf(text(analysis, "summary"), text(m, "summary")),
                jsonText(at(analysis, "structuredData")),
                jsonText(at(analysis, "successEvaluation")),
                firstOf(text(artifact, "recording", "mono", "combinedUrl"), text(artifact, "recordingUrl"),
                        text(m, "recordingUrl"), text(call, "recordingUrl")),
                firstOf(text(artifact, "recording", "stereoUrl"), text(artifact, "stereoRecordingUrl"),
                        text(m, "stereoRecordingUrl"), text(call, "stereoRecordingUrl")),
                destination(firstOf(at(m, "destination"), at(call, "destination"))),
                utterances(spoken, ts));
    }

    /** Spoken turns of a Vapi message list; system prompts and tool traffic are left out. */
    static List<Utterance> utterances(JsonNode messages, long fallbackAt) {
        if (messages == null || !messages.isArray()) return List.of();
        List<Utterance> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonNode msg = messages.get(i);
            String role = role(text(msg, "role"));
            String text = firstOf(text(msg, "message"), text(msg, "content"));
            if (role == null || text == null) continue;
            out.add(new Utterance(i, role, text, firstOf(time(msg, "time"), fallbackAt), number(msg, "secondsFromStart")));
        }
        return out;
    }

    /** {@code user} or {@code assistant} (Vapi says "bot" in artifacts and "assistant" in docs); null otherwise. */
    static String role(String raw) {
        if (raw == null) return null;
        return switch (raw) {
            case "user", "customer", "human" -> "user";
            case "assistant", "bot" -> "assistant";
            default -> null;
        };
    }

    /** A transfer destination in words: the number, the SIP URI, or the assistant's name. */
    static String destination(JsonNode d) {
        if (d == null || !d.isObject()) return null;
        String kind = text(d, "type");
        if ("sip".equals(kind)) return text(d, "sipUri");
        if ("assistant".equals(kind)) {
            String name = text(d, "assistantName");
            return name == null ? "assistant" : "assistant " + name;
        }
        String number = text(d, "number");
        if (number == null) return firstOf(text(d, "sipUri"), text(d, "description"));
        String ext = text(d, "extension");
        return ext == null ? number : number + " ext. " + ext;
    }

    /**
     * Vapi sends no event id. The key is built from what stays the same on a redelivery (never our receive
     * time, never presigned URLs, which change per delivery): call, type, provider timestamp and the
     * fields that distinguish messages of the same type and time.
     */
    static String dedupeKey(String type, String callId, String rawTs, JsonNode m, byte[] body) {
        String base = type + "|" + (callId == null ? "" : callId) + "|" + rawTs;
        String key;
        if (type.equals("end-of-call-report") && callId != null) {
            key = type + "|" + callId; // one report per call; retries carry fresh presigned URLs
        } else if (type.equals("status-update")) {
            key = base + "|" + text(m, "status");
        } else if (isTranscript(type)) {
            key = base + "|" + text(m, "role") + "|" + text(m, "transcriptType") + "|" + sha256(String.valueOf(text(m, "transcript")));
        } else if (type.equals("speech-update")) {
            key = base + "|" + text(m, "role") + "|" + text(m, "status") + "|" + text(m, "turn");
        } else if (type.equals("conversation-update")) {
            JsonNode msgs = at(m, "messages");
            key = base + "|" + (msgs == null ? 0 : msgs.size());
        } else if (rawTs.isEmpty() || callId == null) {
            key = type + "|body|" + sha256(body);
        } else {
            key = base;
        }
        return HEX.formatHex(sha256().digest(key.getBytes(StandardCharsets.UTF_8)), 0, 20);
    }

    private static final HexFormat HEX = HexFormat.of();
    /** Cloned per use: {@link MessageDigest#getInstance} looks the algorithm up among the providers every time. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of this JDK cannot be cloned", e);
        }
    }

    private static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }
}
