package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.switchboard.webhook.vapi.VapiFixtures.bytes;
import static dev.switchboard.webhook.vapi.VapiFixtures.message;
import static dev.switchboard.webhook.vapi.VapiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vapi sends no event id (vapi.md §1.1, §10): the dedupe key must be equal for a redelivery and different
 * for a different message, and must never depend on when we received it.
 */
class VapiDedupeKeyTest {

    static String key(byte[] body, long receivedAt) {
        return VapiParser.parse(body, receivedAt).dedupeKey();
    }

    static String key(JsonNode root) {
        return key(bytes(root), VapiParserTest.RECEIVED);
    }

    static List<String> fixtures() {
        return VapiFixtures.names();
    }

    static List<String> fixturesWithCallAndTimestamp() {
        return VapiFixtures.names().stream()
                .filter(f -> VapiFixtures.callIdOf(f) != null && tree(f).path("message").path("timestamp").isNumber())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aRedeliveryHasTheSameKeyWhenever(String fixture) {
        byte[] body = bytes(fixture);
        assertThat(key(body, 1L)).isEqualTo(key(body, VapiParserTest.RECEIVED)).isEqualTo(key(body, System.currentTimeMillis()));
    }

    @ParameterizedTest
    @MethodSource("fixturesWithCallAndTimestamp")
    void aRedeliveryReserializedWithOtherWhitespaceHasTheSameKey(String fixture) {
        byte[] pretty = bytes(fixture);
        byte[] compact = Json.write(tree(fixture)).getBytes(StandardCharsets.UTF_8);
        assertThat(compact).isNotEqualTo(pretty);
        assertThat(key(compact, 5L)).isEqualTo(key(pretty, 9L));
    }

    @ParameterizedTest
    @MethodSource("fixturesWithCallAndTimestamp")
    void theSameMessageAboutAnotherCallHasAnotherKey(String fixture) {
        ObjectNode other = tree(fixture);
        ((ObjectNode) message(other).get("call")).put("id", "019aa9bb-0000-0000-0000-0000000000ff");
        assertThat(key(other)).isNotEqualTo(key(tree(fixture)));
    }

    @Test
    void anEndOfCallReportRedeliveredWithFreshPresignedUrlsIsTheSameReport() {
        ObjectNode first = tree("end-of-call-report.json");
        ObjectNode retry = tree("end-of-call-report.json");
        ObjectNode artifact = (ObjectNode) message(retry).get("artifact");
        for (String f : List.of("presignedMonoUrl", "presignedStereoUrl", "presignedAssistantUrl", "presignedCustomerUrl", "presignedLogUrl")) {
            artifact.put(f, artifact.get(f).asText().replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=ffff0000")
                    .replace("X-Amz-Date=20251122T041000Z", "X-Amz-Date=20251122T041500Z"));
        }
        artifact.put("presignedUrlsExpiresAt", "2025-11-22T05:11:47.174Z");
        assertThat(bytes(retry)).isNotEqualTo(bytes(first));
        assertThat(key(retry)).isEqualTo(key(first));
    }

    @Test
    void thereIsOneEndOfCallReportPerCall() {
        ObjectNode later = tree("end-of-call-report.json");
        message(later).put("timestamp", message(later).get("timestamp").asLong() + 30_000);
        assertThat(key(later)).isEqualTo(key(tree("end-of-call-report.json")));
        ObjectNode otherCall = tree("end-of-call-report.json");
        ((ObjectNode) message(otherCall).get("call")).put("id", "another-call");
        assertThat(key(otherCall)).isNotEqualTo(key(tree("end-of-call-report.json")));
    }

    @Test
    void differentStatusesAtTheSameInstantHaveDifferentKeys() {
        Set<String> keys = new HashSet<>();
        for (String status : List.of("scheduled", "queued", "ringing", "in-progress", "forwarding", "ended", "not-found")) {
            ObjectNode root = tree("status-update-ringing.json");
            message(root).put("status", status);
            keys.add(key(root));
        }
        assertThat(keys).hasSize(7);
    }

    @Test
    void differentTranscriptTextsRolesAndKindsHaveDifferentKeys() {
        ObjectNode base = tree("transcript-final.json");
        ObjectNode otherText = tree("transcript-final.json");
        message(otherText).put("transcript", "Hey Amy. I have an appointment on Friday and I need to move it.");
        ObjectNode otherRole = tree("transcript-final.json");
        message(otherRole).put("role", "assistant");
        ObjectNode partial = tree("transcript-final.json");
        message(partial).put("transcriptType", "partial");
        ObjectNode finalOnlySpelling = tree("transcript-final.json");
        message(finalOnlySpelling).put("type", "transcript[transcriptType=\"final\"]");
        assertThat(Set.of(key(base), key(otherText), key(otherRole), key(partial), key(finalOnlySpelling))).hasSize(5);
    }

    @Test
    void theSameWordsSaidAgainLaterAreNotADuplicate() {
        ObjectNode first = tree("transcript-final.json");
        message(first).put("transcript", "Yes.");
        ObjectNode again = first.deepCopy();
        message(again).put("timestamp", message(first).get("timestamp").asLong() + 42_000);
        assertThat(key(again)).isNotEqualTo(key(first));
    }

    @Test
    void differentSpeechTurnsAndTransitionsHaveDifferentKeys() {
        ObjectNode started = tree("speech-update.json");
        ObjectNode stopped = tree("speech-update.json");
        message(stopped).put("status", "stopped");
        ObjectNode nextTurn = tree("speech-update.json");
        message(nextTurn).put("turn", 3);
        ObjectNode user = tree("speech-update.json");
        message(user).put("role", "user");
        assertThat(Set.of(key(started), key(stopped), key(nextTurn), key(user))).hasSize(4);
    }

    @Test
    void aConversationThatGrewHasANewKey() {
        ObjectNode before = tree("conversation-update.json");
        ObjectNode grown = tree("conversation-update.json");
        ((ArrayNode) message(grown).get("messages")).addObject().put("role", "bot").put("message", "Anything else?")
                .put("time", 1763784300000L).put("secondsFromStart", 88.0);
        assertThat(key(grown)).isNotEqualTo(key(before));
    }

    @Test
    void differentTypesAtTheSameInstantHaveDifferentKeys() {
        long ts = 1_763_784_300_000L;
        Set<String> keys = new HashSet<>();
        for (String f : List.of("hang.json", "user-interrupted.json", "model-output.json", "future-type.json", "tool-calls.json",
                "transfer-destination-request.json", "handoff-destination-request.json", "knowledge-base-request.json")) {
            ObjectNode root = tree(f);
            message(root).put("timestamp", ts);
            keys.add(key(root));
        }
        assertThat(keys).hasSize(8);
    }

    @Test
    void messagesWithoutCallOrTimestampAreKeyedByTheirBody() {
        byte[] hangUp = bytes("phone-call-control-hang-up.json");
        ObjectNode forward = tree("phone-call-control-hang-up.json");
        message(forward).put("request", "forward");
        assertThat(key(hangUp, 1L)).isEqualTo(key(hangUp, 2L));
        assertThat(key(forward)).isNotEqualTo(key(hangUp, 1L));
        ObjectNode otherContact = tree("campaign-predial.json");
        ((ObjectNode) message(otherContact).get("contact")).put("number", "+14155550124");
        assertThat(key(otherContact)).isNotEqualTo(key(tree("campaign-predial.json")));
    }
}
