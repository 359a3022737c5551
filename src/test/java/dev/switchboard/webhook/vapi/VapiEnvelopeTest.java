package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.CallEvent.Observed;
import dev.switchboard.call.CallEvent.Reported;
import dev.switchboard.call.CallEvent.StatusChanged;
import dev.switchboard.call.CallEvent.TranscriptFinal;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.Json;
import dev.switchboard.webhook.ParsedWebhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static dev.switchboard.webhook.vapi.VapiFixtures.bytes;
import static dev.switchboard.webhook.vapi.VapiFixtures.message;
import static dev.switchboard.webhook.vapi.VapiFixtures.tree;
import static dev.switchboard.webhook.vapi.VapiParserTest.RECEIVED;
import static dev.switchboard.webhook.vapi.VapiParserTest.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Strict about the envelope, lenient inside it, and never crashing on hostile input. */
class VapiEnvelopeTest {

    static ApiException rejection(byte[] body) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> VapiParser.parse(body, RECEIVED));
        assertThat(e).as("rejected with an ApiException").isNotNull();
        assertThat(e.getMessage()).isNotBlank();
        return e;
    }

    static ApiException rejection(String body) {
        return rejection(body.getBytes(StandardCharsets.UTF_8));
    }

    // ---- bad envelopes ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"message\":", "{'message':{'type':'hang'}}", "{\"message\":{\"type\":\"hang\",}}",
            "{\"message\":{\"type\":\"hang\"}", "<xml/>", "message=hang", "{\"message\":{\"type\":\"hang\" \"x\":1}}",
            "{\"message\":{\"type\":\"hang\"}} garbage", "{\"message\":{\"type\":\"hang\"}}{\"message\":{\"type\":\"hang\"}}",
            "{\"message\":{\"type\":\"hang\"}}]", "{\"message\":{\"type\":\"hang\"}},"})
    void aBodyThatIsNotJsonIsMalformedJson(String body) {
        assertThat(rejection(body).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t  \r\n"})
    void anEmptyBodyIsMalformedJson(String body) {
        assertThat(rejection(body).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void aMissingBodyIsMalformedJson() {
        assertThat(rejection((byte[]) null).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedJson() {
        byte[] body = {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '{', '"', 't', 'y', 'p', 'e', '"', ':', '"',
                (byte) 0xC3, (byte) 0x28, '"', '}', '}'};
        assertThat(rejection(body).code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"message\":{\"type\":\"hang\"}}]", "\"status-update\"", "42", "null", "true", "{}",
            "{\"type\":\"status-update\",\"status\":\"ended\"}", "{\"message\":null}", "{\"message\":\"status-update\"}",
            "{\"message\":[]}", "{\"message\":[{\"type\":\"hang\"}]}", "{\"message\":42}", "{\"Message\":{\"type\":\"hang\"}}"})
    void jsonThatIsNotAnObjectWithAMessageObjectIsAnInvalidPayload(String body) {
        ApiException e = rejection(body);
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
        assertThat(e.getMessage()).contains("message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"message\":{}}", "{\"message\":{\"type\":\"\"}}", "{\"message\":{\"type\":\"   \"}}",
            "{\"message\":{\"type\":\"\\n\\t\"}}", "{\"message\":{\"type\":null}}", "{\"message\":{\"type\":42}}",
            "{\"message\":{\"type\":true}}", "{\"message\":{\"type\":{\"name\":\"hang\"}}}",
            "{\"message\":{\"type\":[\"status-update\"]}}", "{\"message\":{\"Type\":\"hang\"}}",
            "{\"message\":{\"status\":\"ended\",\"call\":{\"id\":\"c-1\"}}}"})
    void aMessageWithoutATypeStringIsMissingItsType(String body) {
        ApiException e = rejection(body);
        assertThat(e.code()).isEqualTo(ErrorCode.MISSING_MESSAGE_TYPE);
        assertThat(e.getMessage()).contains("type");
    }

    @Test
    void aTypeLongerThan128CharactersIsAnInvalidPayloadButExactly128IsAccepted() {
        String ok = "x".repeat(128);
        assertThat(VapiParser.parse(("{\"message\":{\"type\":\"" + ok + "\"}}").getBytes(StandardCharsets.UTF_8), RECEIVED).type())
                .isEqualTo(ok);
        assertThat(rejection("{\"message\":{\"type\":\"" + "x".repeat(129) + "\"}}").code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
    }

    @Test
    void aCallIdLongerThan256CharactersIsAnInvalidPayload() {
        ObjectNode root = tree("status-update-ringing.json");
        ((ObjectNode) message(root).get("call")).put("id", "c".repeat(256));
        assertThat(VapiParser.parse(bytes(root), RECEIVED).callId()).hasSize(256);
        ((ObjectNode) message(root).get("call")).put("id", "c".repeat(257));
        ApiException e = rejection(bytes(root));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
        assertThat(e.getMessage()).contains("call.id");
    }

    @Test
    void nulCharactersAreDroppedFromTextBecauseADatabaseTextColumnCannotHoldThem() {
        ObjectNode root = tree("transcript-final.json");
        message(root).put("type", "transcript\u0000").put("transcript", "before\u0000after\u0000");
        ((ObjectNode) message(root).get("call")).put("id", "c-\u00001");
        ParsedWebhook p = VapiParser.parse(bytes(root), RECEIVED);
        assertThat(p.type()).isEqualTo("transcript");
        assertThat(p.callId()).isEqualTo("c-1");
        assertThat(only(p, TranscriptFinal.class).text()).isEqualTo("beforeafter");
        assertThat(rejection("{\"message\":{\"type\":\"\\u0000\"}}").code()).isEqualTo(ErrorCode.MISSING_MESSAGE_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "   \t\n"})
    void whitespaceAroundTheJsonIsFine(String space) {
        byte[] body = (space + "{\"message\":{\"type\":\"hang\"}}" + space).getBytes(StandardCharsets.UTF_8);
        assertThat(VapiParser.parse(body, RECEIVED).type()).isEqualTo("hang");
    }

    @Test
    void theSmallestValidMessageIsAcceptedAboutNoCall() {
        ParsedWebhook p = VapiParser.parse("{\"message\":{\"type\":\"hang\"}}".getBytes(StandardCharsets.UTF_8), RECEIVED);
        assertThat(p.type()).isEqualTo("hang");
        assertThat(p.callId()).isNull();
        assertThat(p.events()).isEmpty();
    }

    @Test
    void extraTopLevelFieldsBesideTheMessageAreIgnored() {
        ObjectNode root = tree("status-update-ringing.json");
        root.put("headers", "x").putObject("body").put("message", "nested");
        assertThat(only(VapiParser.parse(bytes(root), RECEIVED), StatusChanged.class).status()).isEqualTo("ringing");
    }

    // ---- hostile content ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {63, 1_000, 100_000})
    void nestingBeyondTheLimitIsJsonTooDeepNotAStackOverflow(int depth) {
        // 2 levels of envelope + depth arrays: 65 and more, over the limit of 64.
        String body = "{\"message\":{\"type\":\"status-update\",\"status\":\"ended\",\"call\":{\"id\":\"c-deep\"},\"x\":"
                + "[".repeat(depth) + "]".repeat(depth) + "}}";
        ApiException e = rejection(body);
        assertThat(e.code()).isEqualTo(ErrorCode.JSON_TOO_DEEP);
        assertThat(e.getMessage()).containsIgnoringCase("deeper than 64");
    }

    @Test
    void nestingWithinTheLimitIsKeptIntact() throws Exception {
        ObjectNode root = tree("end-of-call-report.json");
        // message → analysis → structuredData: 3 levels of envelope, so 61 more reach the limit of 64 exactly.
        String deep = "{\"a\":".repeat(61) + "\"bottom\"" + "}".repeat(61);
        ((ObjectNode) message(root).get("analysis")).set("structuredData", Json.MAPPER.readTree(deep));
        Reported r = only(VapiParser.parse(bytes(root), RECEIVED), Reported.class);
        assertThat(r.structuredData()).isEqualTo(deep);
    }

    @Test
    void aHundredKilobyteTranscriptIsKeptVerbatim() {
        String huge = "word ".repeat(20_000) + "end";
        ObjectNode root = tree("transcript-final.json");
        message(root).put("transcript", huge);
        TranscriptFinal t = only(VapiParser.parse(bytes(root), RECEIVED), TranscriptFinal.class);
        assertThat(t.text()).hasSize(100_003).isEqualTo(huge);
    }

    @Test
    void markupControlCharactersAndExoticTextAreKeptVerbatimForTheRendererToEscape() {
        String nasty = "<script>alert('x')</script><img src=x onerror=alert(1)>\u0007\u001b[2J\u202eevil\u200b \uD83D\uDE00 "
                + "\"quoted\" \\back\\slash \u00e9\u4e2d";
        ObjectNode root = tree("transcript-final.json");
        message(root).put("transcript", nasty);
        ((ObjectNode) message(root).get("assistant")).put("name", "<b>Amy</b>");
        ParsedWebhook p = VapiParser.parse(bytes(root), RECEIVED);
        assertThat(only(p, TranscriptFinal.class).text()).isEqualTo(nasty);
        assertThat(only(p, Observed.class).assistantName()).isEqualTo("<b>Amy</b>");
    }

    @Test
    void aScriptTagAsTheCallIdIsJustAnId() {
        ObjectNode root = tree("status-update-ringing.json");
        ((ObjectNode) message(root).get("call")).put("id", "<script>alert(1)</script>");
        ParsedWebhook p = VapiParser.parse(bytes(root), RECEIVED);
        assertThat(p.callId()).isEqualTo("<script>alert(1)</script>");
        assertThat(p.events()).allSatisfy(e -> assertThat(e.callId()).isEqualTo("<script>alert(1)</script>"));
    }

    @Test
    void fieldsOfTheWrongTypeAreReadAsAbsentInsteadOfFailingTheDelivery() throws Exception {
        JsonNode weird = Json.MAPPER.readTree("""
                {"message":{"type":"end-of-call-report","timestamp":"soon",
                  "call":{"id":"c-weird","status":["ended"],"customer":"+1","monitor":"wss://x","createdAt":{"at":1},"startedAt":true},
                  "phoneNumber":[1,2],"customer":{"number":{"e164":"+1"}},"assistant":"Amy",
                  "endedReason":{"code":"x"},"cost":"0.5","costs":"cheap","startedAt":12,"endedAt":"never",
                  "artifact":{"messages":{"role":"user"},"recording":"https://x","recordingUrl":["https://y"]},
                  "analysis":["summary"],"destination":"+14155550199"}}""");
        ParsedWebhook p = VapiParser.parse(bytes(weird), RECEIVED);
        Observed o = only(p, Observed.class);
        assertThat(o.at()).isEqualTo(RECEIVED);
        assertThat(o.snapshotStatus()).isNull();
        assertThat(o.phoneNumber()).isNull();
        assertThat(o.ourNumber()).isNull();
        assertThat(o.listenUrl()).isNull();
        assertThat(o.createdAt()).isNull();
        assertThat(o.startedAt()).isNull();
        Reported r = only(p, Reported.class);
        assertThat(r.endedReason()).isNull();
        assertThat(r.cost()).as("a numeric string is still a number").isEqualTo(0.5);
        assertThat(r.costBreakdown()).isEqualTo("\"cheap\"");
        assertThat(r.startedAt()).isEqualTo(12_000L);
        assertThat(r.endedAt()).isNull();
        assertThat(r.lines()).isEmpty();
        assertThat(r.recordingUrl()).isNull();
        assertThat(r.summary()).isNull();
        assertThat(r.destination()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"c-1\"", "[\"c-1\"]", "42", "null", "{}", "{\"id\":\"\"}", "{\"id\":null}", "{\"id\":{\"v\":\"c-1\"}}"})
    void withoutAUsableCallIdThereAreNoCallEvents(String call) throws Exception {
        ObjectNode root = tree("status-update-ended.json");
        message(root).set("call", Json.MAPPER.readTree(call));
        ParsedWebhook p = VapiParser.parse(bytes(root), RECEIVED);
        assertThat(p.callId()).isNull();
        assertThat(p.events()).isEmpty();
        assertThat(p.type()).isEqualTo("status-update");
    }

    @Test
    void conversationMessagesThatAreNotObjectsAreSkipped() throws Exception {
        ObjectNode root = tree("conversation-update.json");
        message(root).set("messages", Json.MAPPER.readTree(
                "[null, 7, \"hello\", [], {\"role\":\"user\"}, {\"message\":\"orphan\"}, {\"role\":\"user\",\"message\":\"kept\",\"time\":\"bad\"}]"));
        var c = only(VapiParser.parse(bytes(root), RECEIVED), dev.switchboard.call.CallEvent.Conversation.class);
        assertThat(c.lines()).singleElement().satisfies(u -> {
            assertThat(u.text()).isEqualTo("kept");
            assertThat(u.idx()).isEqualTo(6);
            assertThat(u.at()).as("an unreadable time falls back to the message time").isEqualTo(c.at());
        });
    }

    @Test
    void aCallIdThatIsANumberIsReadAsItsDigits() {
        ObjectNode root = tree("status-update-ringing.json");
        ((ObjectNode) message(root).get("call")).put("id", 12345);
        assertThat(VapiParser.parse(bytes(root), RECEIVED).callId()).isEqualTo("12345");
    }

    @Test
    void theParserNeverThrowsAnythingButApiExceptionForArbitraryBytes() {
        java.util.Random random = new java.util.Random(42);
        byte[] seed = bytes("status-update-forwarding.json");
        for (int i = 0; i < 500; i++) {
            byte[] body = seed.clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            try {
                VapiParser.parse(body, RECEIVED);
            } catch (ApiException expected) {
                assertThat(expected.code()).isIn(ErrorCode.MALFORMED_JSON, ErrorCode.INVALID_PAYLOAD, ErrorCode.MISSING_MESSAGE_TYPE);
            }
        }
        assertThatThrownBy(() -> VapiParser.parse(new byte[]{0, 0, 0}, RECEIVED)).isInstanceOf(ApiException.class);
    }
}
