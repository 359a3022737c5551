package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.CallEvent;
import dev.switchboard.call.CallEvent.AssistantHang;
import dev.switchboard.call.CallEvent.Conversation;
import dev.switchboard.call.CallEvent.Observed;
import dev.switchboard.call.CallEvent.Reported;
import dev.switchboard.call.CallEvent.Speech;
import dev.switchboard.call.CallEvent.StatusChanged;
import dev.switchboard.call.CallEvent.TranscriptFinal;
import dev.switchboard.call.CallEvent.TranscriptPartial;
import dev.switchboard.call.CallEvent.TransferStarted;
import dev.switchboard.call.CallEvent.UserInterrupted;
import dev.switchboard.call.Utterance;
import dev.switchboard.http.Json;
import dev.switchboard.webhook.ParsedWebhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.switchboard.webhook.vapi.VapiFixtures.ASSISTANT_ID;
import static dev.switchboard.webhook.vapi.VapiFixtures.ASSISTANT_NAME;
import static dev.switchboard.webhook.vapi.VapiFixtures.CALL_ID;
import static dev.switchboard.webhook.vapi.VapiFixtures.CONTROL_URL;
import static dev.switchboard.webhook.vapi.VapiFixtures.CREATED;
import static dev.switchboard.webhook.vapi.VapiFixtures.CUSTOMER;
import static dev.switchboard.webhook.vapi.VapiFixtures.ENDED;
import static dev.switchboard.webhook.vapi.VapiFixtures.HUMAN;
import static dev.switchboard.webhook.vapi.VapiFixtures.IN_PROGRESS_AT;
import static dev.switchboard.webhook.vapi.VapiFixtures.LISTEN_URL;
import static dev.switchboard.webhook.vapi.VapiFixtures.OUR_NUMBER;
import static dev.switchboard.webhook.vapi.VapiFixtures.STARTED;
import static dev.switchboard.webhook.vapi.VapiFixtures.bytes;
import static dev.switchboard.webhook.vapi.VapiFixtures.message;
import static dev.switchboard.webhook.vapi.VapiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link VapiParser#parse}: every fixture → the normalized events it means (vapi.md §1–§3, §9). */
class VapiParserTest {
    /** Our receive time: later than anything in the fixtures, so a field that used it is easy to spot. */
    static final long RECEIVED = 1_800_000_000_000L;

    static List<String> fixtures() {
        return VapiFixtures.names();
    }

    static ParsedWebhook parse(String fixture) {
        return VapiParser.parse(bytes(fixture), RECEIVED);
    }

    static ParsedWebhook parse(JsonNode root) {
        return VapiParser.parse(bytes(root), RECEIVED);
    }

    static <T extends CallEvent> T only(ParsedWebhook p, Class<T> type) {
        List<T> found = p.events().stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as("%s events in %s", type.getSimpleName(), p.events()).hasSize(1);
        return found.get(0);
    }

    static long timestampOf(String fixture) {
        return tree(fixture).path("message").path("timestamp").asLong();
    }

    // ---- every fixture ------------------------------------------------------------------------------------

    @Test
    void theFixturesCoverEveryMessageTypeSwitchboardMustSurvive() {
        Set<String> types = new TreeSet<>();
        fixtures().forEach(f -> types.add(VapiFixtures.typeOf(f)));
        assertThat(types).contains("status-update", "transcript", "transcript[transcriptType=\"final\"]",
                "conversation-update", "speech-update", "user-interrupted", "hang", "transfer-update",
                "end-of-call-report", "tool-calls", "assistant-request", "transfer-destination-request",
                "handoff-destination-request", "knowledge-base-request", "campaign.predial", "phone-call-control",
                "model-output", "chat.created", "call.sentiment.updated");
        assertThat(VapiFixtures.bytes("end-of-call-report.json").length).as("a realistically sized report").isGreaterThan(30_000);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureParsesIntoEventsAboutTheCallItNames(String fixture) {
        ParsedWebhook p = parse(fixture);
        String callId = VapiFixtures.callIdOf(fixture);

        assertThat(p.provider()).isEqualTo("vapi");
        assertThat(p.type()).isEqualTo(VapiFixtures.typeOf(fixture));
        assertThat(p.callId()).isEqualTo(callId);
        assertThat(p.dedupeKey()).matches("[0-9a-f]{40}");
        assertThat(p.reply()).isNotNull();
        if (callId == null) {
            assertThat(p.events()).isEmpty();
        } else {
            assertThat(p.events()).isNotEmpty().allSatisfy(e -> assertThat(e.callId()).isEqualTo(callId));
            assertThat(p.events().get(0)).isInstanceOf(Observed.class);
            JsonNode ts = tree(fixture).path("message").path("timestamp");
            long expectedAt = ts.isNumber() ? ts.asLong() : RECEIVED;
            assertThat(p.events()).allSatisfy(e -> assertThat(e.at()).isEqualTo(expectedAt));
        }
    }

    // ---- status-update ------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "status-update-queued.json, queued",
            "status-update-ringing.json, ringing",
            "status-update-in-progress.json, in-progress",
            "status-update-forwarding.json, forwarding",
            "status-update-ended.json, ended"})
    void aStatusUpdateBecomesTheSnapshotPlusTheProvidersStatusChange(String fixture, String status) {
        ParsedWebhook p = parse(fixture);
        assertThat(p.events()).hasSize(2);
        StatusChanged s = only(p, StatusChanged.class);
        assertThat(s.callId()).isEqualTo(CALL_ID);
        assertThat(s.status()).isEqualTo(status);
        assertThat(s.at()).isEqualTo(timestampOf(fixture));
        assertThat(s.endedReason()).isEqualTo(status.equals("ended") ? "assistant-forwarded-call" : null);
        assertThat(s.destination()).isEqualTo(status.equals("forwarding") ? HUMAN : null);
    }

    @Test
    void theInProgressSnapshotCarriesCallerAssistantTimesAndMonitorUrls() {
        Observed o = only(parse("status-update-in-progress.json"), Observed.class);
        assertThat(o.at()).isEqualTo(IN_PROGRESS_AT);
        assertThat(o.snapshotStatus()).isEqualTo("in-progress");
        assertThat(o.callType()).isEqualTo("inboundPhoneCall");
        assertThat(o.phoneNumber()).isEqualTo(CUSTOMER);
        assertThat(o.ourNumber()).isEqualTo(OUR_NUMBER);
        assertThat(o.assistantId()).isEqualTo(ASSISTANT_ID);
        assertThat(o.assistantName()).isEqualTo(ASSISTANT_NAME);
        assertThat(o.createdAt()).isEqualTo(CREATED);
        assertThat(o.startedAt()).isEqualTo(STARTED);
        assertThat(o.endedAt()).isNull();
        assertThat(o.listenUrl()).isEqualTo(LISTEN_URL);
        assertThat(o.controlUrl()).isEqualTo(CONTROL_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e300", "-5", "\"+1000000000-01-01T00:00:00Z\"", "\"2400-01-01T00:00:00Z\"", "\"yesterday\"", "true"})
    void aCreationTimeThatCannotBeARealCallsIsIgnoredRatherThanTrusted(String createdAt) throws Exception {
        ObjectNode root = tree("status-update-in-progress.json");
        ((ObjectNode) message(root).path("call")).set("createdAt", Json.MAPPER.readTree(createdAt));
        assertThat(only(parse(root), Observed.class).createdAt()).isNull();
    }

    @Test
    void anEndedReasonOutsideTheEnumIsKeptVerbatim() {
        ObjectNode root = tree("status-update-ended.json");
        message(root).put("endedReason", "call.in-progress.error-providerfault-brand-new-2027-reason");
        assertThat(only(parse(root), StatusChanged.class).endedReason())
                .isEqualTo("call.in-progress.error-providerfault-brand-new-2027-reason");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-found", "deletion-failed", "scheduled", "some-future-status"})
    void statusesOutsideTheDocsListAreStillReportedAsTheProviderSaidThem(String status) {
        ObjectNode root = tree("status-update-ringing.json");
        message(root).put("status", status);
        assertThat(only(parse(root), StatusChanged.class).status()).isEqualTo(status);
    }

    @Test
    void aStatusUpdateWithoutAStatusOnlyRefreshesTheSnapshot() {
        ObjectNode root = tree("status-update-ringing.json");
        message(root).remove("status");
        assertThat(parse(root).events()).singleElement().isInstanceOf(Observed.class);
    }

    // ---- transcript ---------------------------------------------------------------------------------------

    @Test
    void aPartialTranscriptIsOnlyPartial() {
        ParsedWebhook p = parse("transcript-partial.json");
        TranscriptPartial t = only(p, TranscriptPartial.class);
        assertThat(t.role()).isEqualTo("user");
        assertThat(t.text()).isEqualTo("Hey Amy. I have an appointment");
        assertThat(t.at()).isEqualTo(timestampOf("transcript-partial.json"));
        assertThat(p.events()).noneMatch(e -> e instanceof TranscriptFinal);
    }

    @Test
    void aFinalTranscriptIsFinal() {
        ParsedWebhook p = parse("transcript-final.json");
        TranscriptFinal t = only(p, TranscriptFinal.class);
        assertThat(t.role()).isEqualTo("user");
        assertThat(t.text()).isEqualTo("Hey Amy. I have an appointment on Thursday and I need to move it.");
        assertThat(t.at()).isEqualTo(timestampOf("transcript-final.json"));
        assertThat(p.events()).noneMatch(e -> e instanceof TranscriptPartial);
    }

    @Test
    void theFinalOnlyTypeSpellingIsAFinalTranscript() {
        ParsedWebhook p = parse("transcript-final-only.json");
        assertThat(p.type()).isEqualTo("transcript[transcriptType=\"final\"]");
        TranscriptFinal t = only(p, TranscriptFinal.class);
        assertThat(t.role()).isEqualTo("assistant");
        assertThat(t.text()).isEqualTo("Of course. Can I have your full name and date of birth, please?");
    }

    @Test
    void theFinalOnlyTypeSpellingIsFinalEvenWithoutATranscriptType() {
        ObjectNode root = tree("transcript-final-only.json");
        message(root).remove("transcriptType");
        assertThat(only(parse(root), TranscriptFinal.class).role()).isEqualTo("assistant");
    }

    @Test
    void thePlainTranscriptTypeWithoutATranscriptTypeIsPartial() {
        ObjectNode root = tree("transcript-final.json");
        message(root).remove("transcriptType");
        assertThat(parse(root).events()).noneMatch(e -> e instanceof TranscriptFinal);
        only(parse(root), TranscriptPartial.class);
    }

    @ParameterizedTest
    @CsvSource({"bot, assistant", "assistant, assistant", "user, user", "customer, user"})
    void theAssistantsRoleIsAssistantWhetherVapiSaysBotOrAssistant(String raw, String normalized) {
        ObjectNode root = tree("transcript-final.json");
        message(root).put("role", raw);
        assertThat(only(parse(root), TranscriptFinal.class).role()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"role\":\"system\"}", "{\"role\":\"tool\"}", "{\"role\":null}", "{\"transcript\":\"\"}",
            "{\"transcript\":[\"a\"]}", "{\"transcript\":null}", "{\"role\":{\"name\":\"user\"}}"})
    void aTranscriptWithoutSpokenTextOrASpeakerAddsNoTranscriptEvent(String patch) throws Exception {
        ObjectNode root = tree("transcript-final.json");
        message(root).setAll((ObjectNode) Json.MAPPER.readTree(patch));
        ParsedWebhook p = parse(root);
        assertThat(p.events()).singleElement().isInstanceOf(Observed.class);
    }

    // ---- conversation-update ------------------------------------------------------------------------------

    @Test
    void aConversationUpdateKeepsOnlySpokenTurnsAtTheirListPositions() {
        ObjectNode root = tree("conversation-update.json");
        ArrayNode messages = (ArrayNode) message(root).get("messages");
        List<Integer> spokenPositions = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String role = messages.get(i).path("role").asText();
            if (role.equals("bot") || role.equals("user")) spokenPositions.add(i);
        }
        assertThat(messages).extracting(m -> m.path("role").asText())
                .contains("system", "bot", "user", "tool_calls", "tool_call_result");

        Conversation c = only(parse(root), Conversation.class);
        List<Utterance> lines = c.lines();
        assertThat(lines).hasSize(12);
        assertThat(lines).extracting(Utterance::idx).containsExactlyElementsOf(spokenPositions);
        assertThat(lines).extracting(Utterance::role).containsOnly("assistant", "user");
        assertThat(lines.get(0).role()).isEqualTo("assistant");
        assertThat(lines.get(0).text()).isEqualTo("VAPI Medical Practice. This is Amy speaking. How can I help you today?");
        assertThat(lines.get(0).at()).isEqualTo(messages.get(spokenPositions.get(0)).path("time").asLong());
        assertThat(lines.get(0).secondsFromStart()).isEqualTo(messages.get(spokenPositions.get(0)).path("secondsFromStart").asDouble());
        assertThat(lines.get(1).role()).isEqualTo("user");
        assertThat(lines).extracting(Utterance::text)
                .noneMatch(t -> t.startsWith("# Role"))
                .noneMatch(t -> t.contains("09:15, 10:45 free"))
                .noneMatch(String::isEmpty);
    }

    @Test
    void aConversationUpdateWithoutMessagesFallsBackToTheLiveArtifact() {
        ObjectNode root = tree("conversation-update.json");
        JsonNode messages = message(root).remove("messages");
        message(root).putObject("artifact").set("messages", messages);
        assertThat(only(parse(root), Conversation.class).lines()).hasSize(12);
    }

    // ---- live-only signals --------------------------------------------------------------------------------

    @Test
    void aSpeechUpdateSaysWhoStartedSpeakingOnWhichTurn() {
        Speech s = only(parse("speech-update.json"), Speech.class);
        assertThat(s.role()).isEqualTo("assistant");
        assertThat(s.status()).isEqualTo("started");
        assertThat(s.turn()).isEqualTo(2);
    }

    @Test
    void userInterruptedIsReportedAsSuch() {
        assertThat(parse("user-interrupted.json").events()).hasSize(2);
        only(parse("user-interrupted.json"), UserInterrupted.class);
    }

    @Test
    void hangIsAnAssistantHangAndNeverAStatusChange() {
        ParsedWebhook p = parse("hang.json");
        only(p, AssistantHang.class);
        assertThat(p.events()).noneMatch(e -> e instanceof StatusChanged || e instanceof Reported);
    }

    @ParameterizedTest
    @ValueSource(strings = {"model-output.json", "tool-calls.json", "assistant-request.json", "future-type.json",
            "knowledge-base-request.json", "transfer-destination-request.json", "handoff-destination-request.json",
            "phone-call-control-forward.json"})
    void typesWithoutCallStateOnlyRefreshTheSnapshot(String fixture) {
        assertThat(parse(fixture).events()).singleElement().isInstanceOf(Observed.class);
    }

    @Test
    void theObservedToolCallsSnapshotIsStaleAndSaysSo() {
        Observed o = only(parse("tool-calls.json"), Observed.class);
        assertThat(o.snapshotStatus()).isEqualTo("ringing");
        assertThat(o.at()).isEqualTo(1_763_784_256_708L);
    }

    // ---- transfer-update ----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "transfer-update-number.json, +14155550199 ext. 42",
            "transfer-update-sip.json, sip:billing@pbx.example.com",
            "transfer-update-assistant.json, assistant Billing Bot"})
    void aTransferUpdateNamesItsDestinationInWords(String fixture, String destination) {
        TransferStarted t = only(parse(fixture), TransferStarted.class);
        assertThat(t.destination()).isEqualTo(destination);
        assertThat(t.at()).isEqualTo(timestampOf(fixture));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"number\",\"number\":\"+14155550199\"}|+14155550199",
            "{\"type\":\"assistant\"}|assistant",
            "{\"sipUri\":\"sip:x@example.com\"}|sip:x@example.com",
            "{\"description\":\"Billing team\"}|Billing team",
            "{\"type\":\"sip\"}|",
            "{}|",
            "\"+14155550199\"|",
            "[]|"})
    void aDestinationInWordsIsWhateverIdentifiesItOrNothing(String json, String words) throws Exception {
        assertThat(VapiParser.destination(Json.MAPPER.readTree(json))).isEqualTo(words);
    }

    // ---- end-of-call-report -------------------------------------------------------------------------------

    @Test
    void theEndOfCallReportCarriesEverythingItSays() {
        ParsedWebhook p = parse("end-of-call-report.json");
        assertThat(p.events()).hasSize(2);
        Reported r = only(p, Reported.class);
        assertThat(r.at()).isEqualTo(timestampOf("end-of-call-report.json"));
        assertThat(r.endedReason()).isEqualTo("assistant-forwarded-call");
        assertThat(r.startedAt()).isEqualTo(STARTED);
        assertThat(r.endedAt()).isEqualTo(ENDED);
        assertThat(r.cost()).isEqualTo(tree("end-of-call-report.json").path("message").path("cost").asDouble()).isPositive();
        assertThat(r.summary()).startsWith("John Smith moved his appointment");
        assertThat(Json.readStored(r.structuredData())).isEqualTo(tree("end-of-call-report.json").path("message").path("analysis").path("structuredData"));
        assertThat(Json.readStored(r.successEvaluation()).isTextual()).isTrue();
        assertThat(Json.readStored(r.successEvaluation()).asText()).isEqualTo("true");
        assertThat(r.recordingUrl()).isEqualTo("https://storage.vapi.ai/" + CALL_ID + "-1763784603000-mono.wav");
        assertThat(r.stereoRecordingUrl()).isEqualTo("https://storage.vapi.ai/" + CALL_ID + "-1763784603000-stereo.wav");
        assertThat(r.destination()).isEqualTo(HUMAN);
    }

    @Test
    void theReportsTranscriptIsTheFortySpokenTurnsWithoutSystemOrToolMessages() {
        Reported r = only(parse("end-of-call-report.json"), Reported.class);
        assertThat(r.lines()).hasSize(40);
        for (int i = 0; i < 40; i++) {
            assertThat(r.lines().get(i).role()).isEqualTo(i % 2 == 0 ? "assistant" : "user");
        }
        assertThat(r.lines()).extracting(Utterance::idx).isSorted().doesNotHaveDuplicates();
        assertThat(r.lines()).extracting(Utterance::at).isSorted().allMatch(at -> at >= STARTED && at <= ENDED);
        assertThat(r.lines().get(39).text()).isEqualTo("You too, bye.");
        assertThat(r.lines()).extracting(Utterance::text).noneMatch(t -> t.startsWith("# Role") || t.contains("free"));
    }

    @Test
    void costsAreKeptAsJsonWithEveryCostType() {
        Reported r = only(parse("end-of-call-report.json"), Reported.class);
        JsonNode costs = Json.readStored(r.costBreakdown());
        assertThat(costs.isArray()).isTrue();
        assertThat(costs).extracting(c -> c.path("type").asText()).containsOnly("transport", "transcriber", "model", "voice",
                "vapi", "voicemail-detection", "analysis", "knowledge-base")
                .contains("transport", "transcriber", "model", "voice", "vapi", "voicemail-detection", "analysis", "knowledge-base");
        assertThat(costs).isEqualTo(tree("end-of-call-report.json").path("message").path("costs"));
    }

    @Test
    void presignedUrlsThatChangePerDeliveryAreNeverKept() {
        Reported r = only(parse("end-of-call-report.json"), Reported.class);
        assertThat(List.of(r.recordingUrl(), r.stereoRecordingUrl())).noneMatch(u -> u.contains("X-Amz"));
    }

    @Test
    void theDocsOwnSampleIsAppliedWithItsNonEnumReasonAndAssistantRole() {
        ParsedWebhook p = parse("end-of-call-report-docs-sample-with-call-id.json");
        Reported r = only(p, Reported.class);
        assertThat(r.callId()).isEqualTo(VapiFixtures.DOCS_CALL_ID);
        assertThat(r.endedReason()).isEqualTo("hangup");
        assertThat(r.at()).as("no timestamp: our receive time").isEqualTo(RECEIVED);
        assertThat(r.lines()).extracting(Utterance::role, Utterance::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("assistant", "How can I help?"),
                org.assertj.core.groups.Tuple.tuple("user", "What's the weather?"));
        assertThat(r.lines()).extracting(Utterance::at).containsOnly(RECEIVED);
        assertThat(r.startedAt()).isNull();
        assertThat(r.endedAt()).isNull();
        assertThat(r.recordingUrl()).isNull();
        assertThat(r.stereoRecordingUrl()).isNull();
        assertThat(r.cost()).isNull();
        assertThat(r.summary()).isNull();
        assertThat(r.successEvaluation()).isNull();
    }

    @Test
    void theDocsSampleWithAnEmptyCallObjectIsAcknowledgedButAboutNoCall() {
        ParsedWebhook p = parse("end-of-call-report-docs-sample.json");
        assertThat(p.callId()).isNull();
        assertThat(p.events()).isEmpty();
        assertThat(Json.MAPPER.valueToTree(p.reply()).toString()).isEqualTo("{\"received\":true}");
    }

    @Test
    void successEvaluationFalseStaysABooleanAndStructuredDataMayBeAnArray() {
        Reported r = only(parse("end-of-call-report-success-false.json"), Reported.class);
        assertThat(r.successEvaluation()).isEqualTo("false");
        assertThat(Json.readStored(r.successEvaluation()).isBoolean()).isTrue();
        assertThat(r.structuredData()).isEqualTo("[\"no-intent\",0]");
        assertThat(r.endedReason()).isEqualTo("silence-timed-out");
        assertThat(r.recordingUrl()).endsWith("-short-mono.wav");
        assertThat(r.lines()).extracting(Utterance::role).containsExactly("assistant", "user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "true", "\"true\"", "\"Pass\"", "8", "0.75", "{\"score\":3,\"passed\":true}", "[1,2]"})
    void successEvaluationAndStructuredDataOfAnyJsonTypeAreKeptAsThatJson(String json) throws Exception {
        ObjectNode root = tree("end-of-call-report.json");
        ObjectNode analysis = (ObjectNode) message(root).get("analysis");
        analysis.set("successEvaluation", Json.MAPPER.readTree(json));
        analysis.set("structuredData", Json.MAPPER.readTree(json));
        Reported r = only(parse(root), Reported.class);
        assertThat(Json.readStored(r.successEvaluation())).isEqualTo(Json.MAPPER.readTree(json));
        assertThat(Json.readStored(r.structuredData())).isEqualTo(Json.MAPPER.readTree(json));
    }

    @Test
    void aMissingOrNullAnalysisLeavesSummaryAndEvaluationEmpty() {
        ObjectNode root = tree("end-of-call-report.json");
        ((ObjectNode) message(root).get("analysis")).putNull("successEvaluation").putNull("structuredData").putNull("summary");
        message(root).remove("summary");
        Reported r = only(parse(root), Reported.class);
        assertThat(r.successEvaluation()).isNull();
        assertThat(r.structuredData()).isNull();
        assertThat(r.summary()).isNull();
    }

    @Test
    void theRecordingUrlPrefersTheArtifactsMonoRecordingThenTheLegacyMirrors() {
        ObjectNode root = tree("end-of-call-report.json");
        ObjectNode m = message(root);
        ObjectNode artifact = (ObjectNode) m.get("artifact");
        ((ObjectNode) m.get("call")).put("recordingUrl", "https://call.example/mono.wav").put("stereoRecordingUrl", "https://call.example/stereo.wav");
        m.put("recordingUrl", "https://message.example/mono.wav").put("stereoRecordingUrl", "https://message.example/stereo.wav");
        artifact.put("recordingUrl", "https://artifact.example/mono.wav").put("stereoRecordingUrl", "https://artifact.example/stereo.wav");

        assertThat(recordings(root)).containsExactly(
                "https://storage.vapi.ai/" + CALL_ID + "-1763784603000-mono.wav",
                "https://storage.vapi.ai/" + CALL_ID + "-1763784603000-stereo.wav");
        artifact.remove("recording");
        assertThat(recordings(root)).containsExactly("https://artifact.example/mono.wav", "https://artifact.example/stereo.wav");
        artifact.remove(List.of("recordingUrl", "stereoRecordingUrl"));
        assertThat(recordings(root)).containsExactly("https://message.example/mono.wav", "https://message.example/stereo.wav");
        m.remove(List.of("recordingUrl", "stereoRecordingUrl"));
        assertThat(recordings(root)).containsExactly("https://call.example/mono.wav", "https://call.example/stereo.wav");
        ((ObjectNode) m.get("call")).remove(List.of("recordingUrl", "stereoRecordingUrl"));
        assertThat(recordings(root)).containsExactly(null, null);
    }

    private static List<String> recordings(JsonNode root) {
        Reported r = only(parse(root), Reported.class);
        return java.util.Arrays.asList(r.recordingUrl(), r.stereoRecordingUrl());
    }

    @Test
    void withoutCostsTheCostBreakdownIsKept() {
        ObjectNode root = tree("end-of-call-report.json");
        message(root).remove("costs");
        Reported r = only(parse(root), Reported.class);
        assertThat(Json.readStored(r.costBreakdown()).path("vapi").asDouble()).isEqualTo(0.3125);
    }

    @Test
    void whatTheReportLacksIsReadFromItsCallObject() {
        ObjectNode root = tree("end-of-call-report.json");
        ObjectNode m = message(root);
        JsonNode analysis = m.remove("analysis");
        m.remove(List.of("endedReason", "startedAt", "endedAt", "cost", "costs", "destination", "summary"));
        ((ObjectNode) m.get("call")).set("analysis", analysis);
        Reported r = only(parse(root), Reported.class);
        assertThat(r.endedReason()).isEqualTo("assistant-forwarded-call");
        assertThat(r.startedAt()).isEqualTo(STARTED);
        assertThat(r.endedAt()).isEqualTo(ENDED);
        assertThat(r.cost()).isEqualTo(m.path("call").path("cost").asDouble());
        assertThat(r.destination()).isEqualTo("+14155550199 ext. 42");
        assertThat(r.summary()).startsWith("John Smith moved");
        assertThat(Json.readStored(r.costBreakdown()).path("total").isNumber()).isTrue();
    }

    // ---- timestamps ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1763784256708|1763784256708",
            "1763784256|1763784256000",
            "1763784256.708|1763784256708",
            "\"2025-11-22T04:04:16.708Z\"|1763784256708",
            "\"2025-11-22T05:04:16.708+01:00\"|1763784256708"})
    void timestampsInMillisecondsSecondsOrIsoAllBecomeEpochMillis(String raw, long expected) throws Exception {
        ObjectNode root = tree("transcript-final.json");
        message(root).set("timestamp", Json.MAPPER.readTree(raw));
        ParsedWebhook p = parse(root);
        assertThat(p.events()).allSatisfy(e -> assertThat(e.at()).isEqualTo(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"yesterday\"", "\"2025-11-22 04:04:16\"", "true", "{\"ms\":1}", "[1763784256708]"})
    void aMissingOrUnreadableTimestampFallsBackToTheReceiveTime(String raw) throws Exception {
        ObjectNode root = tree("transcript-final.json");
        message(root).set("timestamp", Json.MAPPER.readTree(raw));
        assertThat(parse(root).events()).allSatisfy(e -> assertThat(e.at()).isEqualTo(RECEIVED));
        message(root).remove("timestamp");
        assertThat(parse(root).events()).allSatisfy(e -> assertThat(e.at()).isEqualTo(RECEIVED));
    }

    @Test
    void callTimesInTheSnapshotMayBeIsoStringsOrNumbers() {
        ObjectNode root = tree("status-update-ended.json");
        ObjectNode call = (ObjectNode) message(root).get("call");
        call.put("createdAt", CREATED).put("startedAt", STARTED / 1000.0).put("endedAt", "2025-11-22T04:06:47.174Z");
        Observed o = only(parse(root), Observed.class);
        assertThat(o.createdAt()).isEqualTo(CREATED);
        assertThat(o.startedAt()).isEqualTo(STARTED);
        assertThat(o.endedAt()).isEqualTo(ENDED);
    }

    // ---- snapshot fallbacks -------------------------------------------------------------------------------

    @Test
    void theCallersNumberAndAssistantFallBackToTheMessagesOwnFields() {
        ObjectNode root = tree("status-update-ringing.json");
        ObjectNode call = (ObjectNode) message(root).get("call");
        call.remove(List.of("customer", "assistantId"));
        Observed o = only(parse(root), Observed.class);
        assertThat(o.phoneNumber()).isEqualTo(CUSTOMER);
        assertThat(o.assistantId()).isEqualTo(ASSISTANT_ID);
        assertThat(o.assistantName()).isEqualTo(ASSISTANT_NAME);
    }
}
