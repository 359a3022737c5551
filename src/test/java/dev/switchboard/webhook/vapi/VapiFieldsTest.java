package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.switchboard.webhook.vapi.VapiEnvelopeTest.rejection;
import static dev.switchboard.webhook.vapi.VapiFixtures.bytes;
import static dev.switchboard.webhook.vapi.VapiFixtures.message;
import static dev.switchboard.webhook.vapi.VapiFixtures.tree;
import static dev.switchboard.webhook.vapi.VapiParserTest.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link VapiFields}: the parser reads only what it needs, and reaches the same result as from the whole message. */
class VapiFieldsTest {

    static List<String> fixtures() {
        return VapiFixtures.names();
    }

    /** What the parser makes of the whole tree, filter or no filter. */
    private static void assertSameAsFromTheWholeTree(byte[] body) {
        JsonNode whole;
        try {
            whole = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(VapiParser.parse(body, RECEIVED)).isEqualTo(VapiParser.interpret(whole, body, RECEIVED));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureMeansTheSameReadThroughTheFilterAsReadWhole(String fixture) {
        assertSameAsFromTheWholeTree(bytes(fixture));
    }

    @Test
    void theAssistantConfigAndTheDuplicateTranscriptsOfARealReportAreNotRead() {
        JsonNode read = VapiParser.readJson(bytes("end-of-call-report.json"));
        JsonNode m = read.get("message");

        assertThat(m.get("assistant").size()).isEqualTo(2);
        assertThat(m.get("assistant").has("id") && m.get("assistant").has("name")).isTrue();
        assertThat(m.get("artifact").has("transcript")).as("the transcript as one string").isFalse();
        assertThat(m.get("artifact").has("messagesOpenAIFormatted")).isFalse();
        assertThat(m.get("artifact").has("performanceMetrics")).isFalse();
        assertThat(m.get("call").has("assistantOverrides")).isFalse();
        assertThat(m.get("artifact").get("messages").size())
                .isEqualTo(tree("end-of-call-report.json").path("message").path("artifact").path("messages").size());
        assertThat(Json.write(read).length()).as("bytes of tree kept").isLessThan(bytes("end-of-call-report.json").length / 2);
    }

    @Test
    void oddShapesOnReadPathsMeanTheSameAsReadWhole() {
        ObjectNode root = tree("conversation-update.json");
        ObjectNode m = message(root);
        var messages = m.putArray("messages").add(1).add("text").addNull();
        messages.addObject().put("unrelated", true);
        messages.addArray().add("nested");
        messages.addObject().put("role", "user").put("message", "hello");
        m.put("customer", "not an object");
        m.putArray("assistant").addObject().put("id", "in an array");
        ((ObjectNode) m.get("call")).putObject("monitor");
        ((ObjectNode) m.get("call")).put("analysis", "a string");
        assertSameAsFromTheWholeTree(bytes(root));

        ObjectNode emptyMessage = Json.MAPPER.createObjectNode();
        emptyMessage.putObject("message").put("unrelated", 1);
        assertThat(rejection(bytes(emptyMessage)).code()).isEqualTo(ErrorCode.MISSING_MESSAGE_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"message\":{\"type\":\"hang\",\"assistant\":{\"model\":{\"x\": tru}}}}",
            "{\"message\":{\"type\":\"hang\",\"assistant\":{\"model\":\"bad \\q escape\"}}}",
            "{\"message\":{\"type\":\"hang\",\"assistant\":{\"model\":[1,2}}}",
            "{\"message\":{\"type\":\"hang\",\"unread\":\"tab\tinside\"}}",
            "{\"message\":{\"type\":\"hang\"},\"unread\":{\"a\":1}}{\"unread\":2}",
            "{\"message\":{\"type\":\"hang\"}}{\"unread\":2}"})
    void aFaultInsideAPartThatIsNotReadStillMakesTheBodyMalformed(String body) {
        assertThat(rejection(body).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void invalidUtf8InsideAPartThatIsNotReadStillMakesTheBodyMalformed() {
        byte[] head = "{\"message\":{\"type\":\"hang\",\"unread\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC3; // a two-byte sequence whose second byte is not a continuation
        body[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);

        assertThat(rejection(body).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }
}
