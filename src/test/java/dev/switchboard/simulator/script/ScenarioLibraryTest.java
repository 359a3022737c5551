package dev.switchboard.simulator.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.CallEvent;
import dev.switchboard.webhook.ParsedWebhook;
import dev.switchboard.webhook.vapi.VapiParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.switchboard.simulator.script.ScriptFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The scenario library as a whole, without HTTP: Switchboard can read all of it, it covers every outcome, it is repeatable. */
class ScenarioLibraryTest {

    @Test
    void everyMessageTheGeneratorCanProduceParsesAndYieldsEventsForItsCall() {
        long now = System.currentTimeMillis();
        int parsed = 0;
        for (String tenant : TENANTS) {
            for (long seed = 0; seed < 40; seed++) {
                CallScript s = script(tenant, seed);
                for (Step step : s.steps()) {
                    ParsedWebhook p = VapiParser.parse(step.render().getBytes(StandardCharsets.UTF_8), now);
                    assertThat(p.type()).isEqualTo(step.type());
                    assertThat(p.callId()).isEqualTo(s.call().id());
                    assertThat(p.events()).as("events of %s", step).isNotEmpty()
                            .allSatisfy(e -> assertThat(e.callId()).isEqualTo(s.call().id()));
                    assertThat(p.events()).as("a specific event for %s", step).hasSizeGreaterThan(1);
                    parsed++;
                }
                CallEvent.Reported r = (CallEvent.Reported) VapiParser.parse(
                        s.steps().get(s.steps().size() - 1).render().getBytes(StandardCharsets.UTF_8), now).events().get(1);
                assertThat(r.endedReason()).isEqualTo(s.endedReason());
                assertThat(r.cost()).isNotNull();
            }
        }
        assertThat(parsed).isGreaterThan(4_000);
    }

    @Test
    void theLibraryCoversEveryListedOutcomeAndEveryCallType() {
        Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
        Set<String> reasons = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (String tenant : TENANTS) {
            for (long seed = 0; seed < 300; seed++) {
                CallScript s = script(tenant, seed);
                scenarios.add(s.scenario());
                reasons.add(s.endedReason());
                types.add(s.call().type());
            }
        }
        assertThat(scenarios).containsExactlyInAnyOrder(Scenario.values());
        assertThat(reasons).contains("assistant-forwarded-call", "voicemail", "customer-did-not-answer", "customer-busy",
                "silence-timed-out", "customer-ended-call", "assistant-ended-call", "twilio-failed-to-connect-call",
                "call.in-progress.error-vapifault-openai-llm-failed");
        assertThat(types).containsExactlyInAnyOrder("inboundPhoneCall", "outboundPhoneCall", "webCall");
    }

    @Test
    void medicareQuestionsAreSeniorLifesAndNobodyElses() {
        Set<Scenario> seniorLife = EnumSet.noneOf(Scenario.class);
        for (long seed = 0; seed < 200; seed++) {
            seniorLife.add(script("senior-life", seed).scenario());
            assertThat(script("demo-client", seed).scenario()).isNotEqualTo(Scenario.MEDICARE_QUESTION);
            assertThat(script("acme-agency", seed).scenario()).isNotEqualTo(Scenario.MEDICARE_QUESTION);
        }
        assertThat(seniorLife).contains(Scenario.MEDICARE_QUESTION);
        JsonNode report = report(script("senior-life", Scenario.MEDICARE_QUESTION, 5));
        assertThat(report.path("artifact").path("transcript").asText()).containsIgnoringCase("Medicare");
        assertThat(report.path("analysis").path("structuredData").has("qualified")).isTrue();
    }

    @Test
    void scriptsAreTheSameForTheSameSeedAndDifferForAnother() {
        for (String tenant : TENANTS) {
            assertThat(fingerprint(script(tenant, 42))).isEqualTo(fingerprint(script(tenant, 42)));
            assertThat(fingerprint(script(tenant, 42))).isNotEqualTo(fingerprint(script(tenant, 43)));
        }
    }

    @Test
    void stepsAreInTimeOrderAndTheReportComesAfterTheEndedStatus() {
        for (long seed = 0; seed < 100; seed++) {
            CallScript s = script("t1", seed);
            for (int i = 1; i < s.steps().size(); i++) assertThat(s.steps().get(i).at()).isGreaterThanOrEqualTo(s.steps().get(i - 1).at());
            List<Step> steps = s.steps();
            assertThat(steps.get(steps.size() - 1).type()).isEqualTo("end-of-call-report");
            assertThat(steps.get(steps.size() - 2).detail()).isEqualTo("ended");
            assertThat(steps.get(steps.size() - 1).at() - steps.get(steps.size() - 2).at()).isBetween(2000L, 6000L);
        }
    }

    @Test
    void tenantsHaveTheirOwnNumbersAndCustomersHavePlausibleUsNumbers() {
        for (String tenant : TENANTS) {
            TenantProfile p = TenantProfile.of(tenant);
            for (long seed = 0; seed < 40; seed++) {
                CallScript s = script(tenant, seed);
                if (s.call().type().equals("webCall")) {
                    assertThat(s.call().customerNumber()).isNull();
                    continue;
                }
                assertThat(p.ourNumbers()).contains(s.call().ourNumber());
                assertThat(s.call().customerNumber()).matches("\\+1[2-9]\\d{2}[2-9]\\d{6}");
                assertThat(p.areaCodes()).contains(s.call().customerNumber().substring(2, 5));
                assertThat(s.call().assistantName()).isIn(p.inbound().name(), p.outbound().name());
            }
        }
        assertThat(TenantProfile.of("demo-client").ourNumbers()).doesNotContainAnyElementsOf(TenantProfile.of("senior-life").ourNumbers());
        assertThat(TenantProfile.of("t1")).isEqualTo(TenantProfile.of("t1"));
    }

    @Test
    void successEvaluationComesAsStringsBooleansAndScores() {
        Set<String> kinds = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            JsonNode e = report(script("demo-client", seed)).path("analysis").path("successEvaluation");
            kinds.add(e.getNodeType().name());
        }
        assertThat(kinds).contains("STRING", "BOOLEAN", "NUMBER");
    }

    /** Every step's time, type and body, minus the presigned URL Vapi regenerates on each delivery. */
    private static List<String> fingerprint(CallScript s) {
        return s.steps().stream().map(st -> st.at() + " " + st.type() + " "
                + st.render().replaceAll("X-Amz-Signature=[0-9a-f]+", "")).toList();
    }

}
