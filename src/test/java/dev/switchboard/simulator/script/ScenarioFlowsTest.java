package dev.switchboard.simulator.script;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.switchboard.simulator.script.ScriptFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** What Vapi sends, in what order and with what content, for each kind of call. */
class ScenarioFlowsTest {

    @Test
    void anAngryCallerIsForwardedToAHumanWithForwardingThenTransferUpdateThenEnded() {
        TenantProfile acme = TenantProfile.of("acme-agency");
        CallScript s = script("acme-agency", Scenario.ANGRY_TRANSFER, 7);
        assertThat(statuses(s)).containsExactly("ringing", "in-progress", "forwarding", "ended");
        List<String> order = s.steps().stream().map(Step::type).filter(t -> t.matches("status-update|transfer-update")).toList();
        assertThat(order).containsSubsequence("status-update", "status-update", "transfer-update", "status-update");
        JsonNode forwarding = messages(s, "status-update").get(2);
        assertThat(forwarding.path("destination").path("number").asText()).isEqualTo(acme.humanNumber());
        assertThat(messages(s, "transfer-update").get(0).path("destination").path("number").asText()).isEqualTo(acme.humanNumber());
        assertThat(s.endedReason()).isEqualTo("assistant-forwarded-call");
        JsonNode report = report(s);
        assertThat(report.path("destination").path("number").asText()).isEqualTo(acme.humanNumber());
        assertThat(report.path("artifact").path("transcript").asText()).containsIgnoringCase("transferring you");
        assertThat(report.path("artifact").path("transfers").get(0).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void anUnansweredOutboundCallRingsOutWithNoTranscriptRecordingOrCost() {
        CallScript s = script("demo-client", Scenario.NO_ANSWER, 3);
        assertThat(s.call().type()).isEqualTo("outboundPhoneCall");
        assertThat(statuses(s)).containsExactly("queued", "ringing", "ended");
        assertThat(s.endedReason()).isEqualTo("customer-did-not-answer");
        assertThat(s.steps()).noneMatch(st -> st.type().matches("transcript|speech-update|conversation-update"));
        JsonNode report = report(s);
        assertThat(report.path("artifact").path("transcript").asText()).isEmpty();
        assertThat(report.path("artifact").has("recordingUrl")).isFalse();
        assertThat(report.path("cost").asDouble()).isZero();
        assertThat(report.has("startedAt")).isFalse();
    }

    @Test
    void aBusyLineEndsQuicklyAsCustomerBusy() {
        CallScript s = script("senior-life", Scenario.BUSY, 11);
        assertThat(statuses(s)).containsExactly("queued", "ringing", "ended");
        assertThat(s.endedReason()).isEqualTo("customer-busy");
        assertThat(s.endedAt() - s.call().createdAt()).isLessThan(5_000);
    }

    @Test
    void voicemailIsAShortOutboundCallThatLeavesAMessage() {
        CallScript s = script("acme-agency", Scenario.VOICEMAIL, 9);
        assertThat(s.call().type()).isEqualTo("outboundPhoneCall");
        assertThat(statuses(s)).containsExactly("queued", "ringing", "in-progress", "ended");
        assertThat(s.endedReason()).isEqualTo("voicemail");
        assertThat(s.endedAt() - s.startedAt()).isBetween(5_000L, 60_000L);
        assertThat(report(s).path("analysis").path("structuredData").path("voicemail").asBoolean()).isTrue();
    }

    @Test
    void aFailedCallEndsWithAProviderErrorEitherMidCallOrBeforeConnecting() {
        Set<String> reasons = new HashSet<>();
        boolean midCall = false;
        boolean neverConnected = false;
        for (long seed = 0; seed < 40; seed++) {
            CallScript s = script("demo-client", Scenario.FAILED_CALL, seed);
            reasons.add(s.endedReason());
            assertThat(s.endedReason()).matches("twilio-failed-to-connect-call|.*(vapifault|providerfault|pipeline-error).*");
            if (s.connected()) {
                midCall = true;
                assertThat(s.steps()).anyMatch(st -> st.type().equals("hang"));
                assertThat(report(s).path("analysis").path("successEvaluation").asText()).isIn("false", "1", "2", "3", "4");
            } else {
                neverConnected = true;
                assertThat(statuses(s)).containsExactly("queued", "ended");
            }
        }
        assertThat(midCall).isTrue();
        assertThat(neverConnected).isTrue();
        assertThat(reasons).hasSizeGreaterThan(2);
    }

    @Test
    void silenceEndsTheCallAfterTheAssistantAsksIfAnyoneIsThere() {
        CallScript s = script("demo-client", Scenario.SILENCE_TIMEOUT, 2);
        assertThat(s.endedReason()).isEqualTo("silence-timed-out");
        assertThat(report(s).path("artifact").path("transcript").asText()).contains("Are you still there?");
    }

    @Test
    void aBookingSucceedsWithItsDateInStructuredDataAnNpsScoreAndACostThatMatchesItsLength() {
        TenantProfile dental = TenantProfile.of("demo-client");
        CallScript s = script("demo-client", Scenario.APPOINTMENT_BOOKING, 21);
        JsonNode report = report(s);
        JsonNode data = report.path("analysis").path("structuredData");
        assertThat(data.path("booked").asBoolean()).isTrue();
        LocalDate date = LocalDate.parse(data.path("appointment_date").asText());
        assertThat(date).isAfter(LocalDate.of(2025, 11, 22));
        String day = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
        assertThat(report.path("artifact").path("transcript").asText()).contains(day);
        assertThat(data.path("nps_score").asInt()).isBetween(6, 10);
        assertThat(report.path("analysis").path("summary").asText()).contains("booked");
        assertThat(s.endedReason()).isIn("customer-ended-call", "assistant-ended-call", "assistant-said-end-call-phrase");

        double minutes = (s.endedAt() - s.startedAt()) / 60000.0;
        assertThat(minutes).isBetween(0.5, 4.0);
        assertThat(report.path("cost").asDouble()).isCloseTo(minutes * dental.costPerMinute() + 0.004, offset(0.0002));
        assertThat(report.path("artifact").path("recordingUrl").asText())
                .isEqualTo("http://127.0.0.1:8000/simulator/recordings/" + s.call().id() + ".wav");
        assertThat(report.path("artifact").path("stereoRecordingUrl").asText()).endsWith(s.call().id() + "-stereo.wav");
    }

    @Test
    void eachTurnIsStartedThenGrowingPartialsThenFinalThenStoppedThenTheConversationSoFar() {
        CallScript s = script("acme-agency", Scenario.SUPPORT_QUESTION, 4);
        List<Step> turnSteps = s.steps().stream()
                .filter(st -> st.type().matches("speech-update|transcript|conversation-update")).toList();
        int turns = 0;
        int i = 0;
        while (i < turnSteps.size()) {
            assertThat(turnSteps.get(i).detail()).endsWith("started");
            String role = turnSteps.get(i).detail().split(" ")[0];
            i++;
            List<String> partials = new ArrayList<>();
            while (turnSteps.get(i).detail().equals(role + " partial")) partials.add(message(turnSteps.get(i++)).path("transcript").asText());
            assertThat(partials).hasSizeBetween(1, 4);
            for (int p = 1; p < partials.size(); p++) assertThat(partials.get(p)).startsWith(partials.get(p - 1));
            JsonNode fin = message(turnSteps.get(i++));
            assertThat(fin.path("transcriptType").asText()).isEqualTo("final");
            assertThat(fin.path("transcript").asText()).startsWith(partials.get(partials.size() - 1));
            assertThat(turnSteps.get(i++).detail()).isEqualTo(role + " stopped");
            JsonNode conv = message(turnSteps.get(i++));
            turns++;
            assertThat(conv.path("messages")).hasSize(turns + 1); // the system prompt first
            assertThat(conv.path("messages").get(turns).path("message").asText()).isEqualTo(fin.path("transcript").asText());
        }
        assertThat(turns).isGreaterThanOrEqualTo(6);
        List<String> roles = report(s).path("artifact").path("messages").findValuesAsText("role");
        assertThat(roles.subList(1, roles.size())).containsSequence("bot", "user", "bot", "user");
    }

    @Test
    void speechTakesTimeInProportionToItsWords() {
        CallScript s = script("senior-life", Scenario.MEDICARE_QUESTION, 8);
        for (JsonNode m : report(s).path("artifact").path("messages")) {
            if (m.path("role").asText().equals("system")) continue;
            int words = m.path("message").asText().split("\\s+").length;
            double msPerWord = (m.path("endTime").asLong() - m.path("time").asLong()) / (double) words;
            assertThat(msPerWord).as(m.toString()).isBetween(300.0, 800.0);
        }
    }

    @Test
    void paceScalesEverythingInsideTheCall() {
        TenantProfile p = TenantProfile.of("demo-client");
        CallScript real = ScriptWriter.write(p, Scenario.APPOINTMENT_BOOKING, id(1), 1, T0, 1, URLS);
        CallScript fast = ScriptWriter.write(p, Scenario.APPOINTMENT_BOOKING, id(1), 1, T0, 20, URLS);
        double ratio = (double) (real.endedAt() - real.call().createdAt()) / (fast.endedAt() - fast.call().createdAt());
        assertThat(ratio).isBetween(19.0, 21.0);
        assertThat(fast.steps()).extracting(Step::type).isEqualTo(real.steps().stream().map(Step::type).toList());
    }

    @Test
    void sometimesTheAssistantHangsAndTheCallCarriesOn() {
        int hangs = 0;
        int interruptions = 0;
        for (long seed = 0; seed < 300; seed++) {
            CallScript s = script("acme-agency", Scenario.APPOINTMENT_BOOKING, seed);
            for (int i = 0; i < s.steps().size(); i++) {
                if (s.steps().get(i).type().equals("hang")) {
                    hangs++;
                    assertThat(s.steps().subList(i, s.steps().size())).anyMatch(st -> "assistant started".equals(st.detail()));
                }
                if (s.steps().get(i).type().equals("user-interrupted")) interruptions++;
            }
        }
        assertThat(hangs).isBetween(5, 150);
        assertThat(interruptions).isBetween(20, 300);
    }

}
