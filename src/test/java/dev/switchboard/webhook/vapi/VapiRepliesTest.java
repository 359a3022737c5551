package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static dev.switchboard.webhook.vapi.VapiFixtures.NOT_HANDLED;
import static dev.switchboard.webhook.vapi.VapiFixtures.bytes;
import static dev.switchboard.webhook.vapi.VapiFixtures.message;
import static dev.switchboard.webhook.vapi.VapiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** The body Vapi gets back: request types need a valid answer (vapi.md §1.2), the rest an acknowledgement. */
class VapiRepliesTest {

    static JsonNode reply(byte[] body) {
        return Json.MAPPER.valueToTree(VapiParser.parse(body, VapiParserTest.RECEIVED).reply());
    }

    static JsonNode reply(JsonNode root) {
        return reply(bytes(root));
    }

    static List<String> fixtures() {
        return VapiFixtures.names();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureGetsTheReplyItsTypeExpects(String fixture) {
        assertThat(reply(bytes(fixture))).isEqualTo(VapiFixtures.expectedReply(fixture));
    }

    @Test
    void theObservedToolCallIsAnsweredByItsIdWithAnErrorAndNoResult() {
        JsonNode results = reply(bytes("tool-calls.json")).path("results");
        assertThat(results).hasSize(1);
        JsonNode r = results.get(0);
        assertThat(r.path("toolCallId").asText()).isEqualTo("call_mLTzCancelCalendar000001");
        assertThat(r.path("name").asText()).isEqualTo("cancelCalendar");
        assertThat(r.path("error").asText()).isNotBlank();
        assertThat(r.has("result")).as("an error, never a fake result the model would act on").isFalse();
    }

    @Test
    void everyToolCallIdIsAnsweredInOrderWhateverShapeItsArgumentsHave() throws Exception {
        ObjectNode root = tree("tool-calls.json");
        ArrayNode list = (ArrayNode) Json.MAPPER.readTree("""
                [
                  {"id":"call_A","type":"function","function":{"name":"getCalendar","arguments":"{\\"day\\":\\"friday\\"}"}},
                  {"id":"call_B","type":"function","function":{"name":"bookCalendar","arguments":{"slot":"09:15"}}},
                  {"id":"call_C","type":"function","function":{"arguments":null}},
                  {"id":"call_D","type":"function"}
                ]""");
        message(root).set("toolCallList", list);
        message(root).set("toolCalls", list);
        JsonNode results = reply(root).path("results");
        assertThat(results).extracting(r -> r.path("toolCallId").asText()).containsExactly("call_A", "call_B", "call_C", "call_D");
        assertThat(results).extracting(r -> r.path("name").asText(null)).containsExactly("getCalendar", "bookCalendar", null, null);
        assertThat(results).allSatisfy(r -> assertThat(r.path("error").asText()).isEqualTo(NOT_HANDLED));
    }

    @Test
    void withoutAToolCallListTheUndocumentedToolCallsKeyIsAnswered() {
        ObjectNode root = tree("tool-calls.json");
        message(root).remove("toolCallList");
        assertThat(reply(root).path("results")).extracting(r -> r.path("toolCallId").asText())
                .containsExactly("call_mLTzCancelCalendar000001");
    }

    @Test
    void toolCallsWithoutIdsCannotBeAnsweredAndAreLeftOut() throws Exception {
        ObjectNode root = tree("tool-calls.json");
        message(root).set("toolCallList", Json.MAPPER.readTree("[{\"type\":\"function\"},\"call_X\",null,{\"id\":\"\"},{\"id\":\"call_Y\"}]"));
        assertThat(reply(root).path("results")).extracting(r -> r.path("toolCallId").asText()).containsExactly("call_Y");
        message(root).remove(List.of("toolCallList", "toolCalls"));
        assertThat(reply(root).toString()).isEqualTo("{\"results\":[]}");
    }

    @Test
    void aCampaignContactIsAlwaysEligible() {
        assertThat(reply(bytes("campaign-predial.json")).toString()).isEqualTo("{\"eligible\":true}");
        ObjectNode root = tree("campaign-predial.json");
        message(root).remove("contact");
        assertThat(reply(root).path("eligible").isBoolean()).as("a boolean, anything else is a pre-dial failure").isTrue();
        assertThat(reply(root).path("eligible").asBoolean()).isTrue();
    }

    @Test
    void aKnowledgeBaseRequestGetsNoDocuments() {
        JsonNode r = reply(bytes("knowledge-base-request.json"));
        assertThat(r.path("documents").isArray()).isTrue();
        assertThat(r.path("documents")).isEmpty();
    }

    @Test
    void anAssistantRequestGetsAValidObjectThatPicksNothingAndSpeaksNoError() {
        JsonNode r = reply(bytes("assistant-request.json"));
        assertThat(r.isObject()).isTrue();
        Set<String> documented = Set.of("assistantId", "assistant", "squadId", "squad", "workflowId", "workflow",
                "assistantOverrides", "squadOverrides", "workflowOverrides", "destination", "error");
        r.fieldNames().forEachRemaining(k -> assertThat(documented).contains(k));
        assertThat(r.has("error")).as("an error would be spoken to the caller").isFalse();
        assertThat(r.has("destination")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"transfer-destination-request.json", "handoff-destination-request.json"})
    void transferAndHandoffRequestsAreDeclinedWithTheDocumentedErrorField(String fixture) {
        JsonNode r = reply(bytes(fixture));
        assertThat(r.path("error").isTextual()).isTrue();
        assertThat(r.path("error").asText()).contains("does not handle");
        assertThat(r.has("destination")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat.created", "chat.deleted", "session.created", "call.deleted", "voice-input",
            "language-change-detected", "assistant.speechStarted", "call.artifact.upload", "workflow.node.started",
            "x", "transcript-ish", "Status-Update"})
    void typesSwitchboardDoesNotKnowAreAcknowledged(String type) {
        ObjectNode root = tree("future-type.json");
        message(root).put("type", type);
        assertThat(reply(root).toString()).isEqualTo("{\"received\":true}");
    }
}
