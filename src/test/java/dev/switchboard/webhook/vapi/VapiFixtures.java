package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.http.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Vapi server-message fixtures under {@code src/test/resources/vapi/}, shaped like
 * {@code /work/shared/providers/vapi.md} (§1.5 samples, §3 report). All but the docs' own samples describe one
 * inbound call ({@link #CALL_ID}) that is rescheduled and then forwarded to a human.
 */
public final class VapiFixtures {
    public static final String CALL_ID = "019aa9bb-0000-0000-0000-000000000000";
    public static final String DOCS_CALL_ID = "7420f27a-30fd-4f49-a995-5549ae7cc00d";
    public static final String CUSTOMER = "+14155550123";
    public static final String OUR_NUMBER = "+14155550100";
    public static final String ASSISTANT_ID = "00000000-0000-0000-0000-000000000003";
    public static final String ASSISTANT_NAME = "Amy (Reception)";
    public static final String LISTEN_URL = "wss://phone-call-websocket.aws-us-west-2-backend-production3.vapi.ai/" + CALL_ID + "/listen";
    public static final String CONTROL_URL = "https://phone-call-websocket.aws-us-west-2-backend-production3.vapi.ai/" + CALL_ID + "/control";
    /** The forwarding destination, in words. */
    public static final String HUMAN = "+14155550199 ext. 42";
    /** call.createdAt 2025-11-22T04:03:31.688Z. */
    public static final long CREATED = 1_763_784_211_688L;
    /** The report's startedAt, 2025-11-22T04:03:32.000Z. */
    public static final long STARTED = 1_763_784_212_000L;
    /** The report's endedAt, 2025-11-22T04:06:47.174Z. */
    public static final long ENDED = 1_763_784_407_174L;
    /** The timestamp of the in-progress status-update (vapi.md §1.5). */
    public static final long IN_PROGRESS_AT = 1_763_784_211_829L;
    /** What Switchboard answers to requests it does not handle (tool calls, transfer and handoff requests). */
    public static final String NOT_HANDLED = VapiReplies.NOT_HANDLED;

    private VapiFixtures() {}

    /** Every fixture's file name, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        try (InputStream in = VapiFixtures.class.getResourceAsStream("/vapi/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A fresh, mutable copy of the fixture. */
    public static ObjectNode tree(String name) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code message} object of a tree. */
    public static ObjectNode message(JsonNode root) {
        return (ObjectNode) root.get("message");
    }

    public static byte[] bytes(JsonNode node) {
        return Json.write(node).getBytes(StandardCharsets.UTF_8);
    }

    public static String typeOf(String name) {
        return tree(name).path("message").path("type").asText();
    }

    /** The call id the fixture carries, or null. */
    public static String callIdOf(String name) {
        JsonNode id = tree(name).path("message").path("call").path("id");
        return id.isTextual() ? id.asText() : null;
    }

    /**
     * The reply Vapi gets for a fixture: request types get their neutral answer (vapi.md §1.2), everything
     * else a plain acknowledgement.
     */
    public static JsonNode expectedReply(String name) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        switch (typeOf(name)) {
            case "assistant-request" -> { }
            case "tool-calls" -> r.putArray("results").addObject()
                    .put("toolCallId", "call_mLTzCancelCalendar000001").put("name", "cancelCalendar").put("error", NOT_HANDLED);
            case "transfer-destination-request", "handoff-destination-request" -> r.put("error", NOT_HANDLED);
            case "knowledge-base-request" -> r.putArray("documents");
            case "campaign.predial" -> r.put("eligible", true);
            default -> r.put("received", true);
        }
        return r;
    }

    private static Path dir() {
        try {
            return Path.of(VapiFixtures.class.getResource("/vapi").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
