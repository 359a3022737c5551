package dev.switchboard.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.simulator.ControlRecord;
import dev.switchboard.simulator.SimulatedCall;
import dev.switchboard.simulator.SimulatorCallOptions;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.tenant.TenantSettingsRepository.SettingsChange;
import dev.switchboard.testing.DemoSimulatorFixture;
import dev.switchboard.testing.LiveClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.control.CallControlTest.act;
import static dev.switchboard.testing.Eventually.await;
import static dev.switchboard.control.CallControlTest.error;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control actions on the simulator's calls in demo mode: its control endpoint validates bodies the way
 * Vapi's does (anything else is a 400 in its log), and the call's webhooks show the effect on the board.
 */
class SimulatedCallControlTest extends DemoSimulatorFixture {

    @AfterEach
    void resetTenant() {
        sim.setControlKey("t1", null);
        app.app.tenants().updateSettings("t1", new SettingsChange(Optional.of(""), Optional.empty()));
    }

    SimulatedCall liveCall() {
        SimulatedCall call = start("t1", Scenario.APPOINTMENT_BOOKING, SimulatorCallOptions.defaults().longRunning(true).withPerfectDelivery());
        await(() -> status(call).equals("in-progress") && app.getJson("/api/t1/calls/" + call.id()).path("call").path("controllable").asBoolean(),
                Duration.ofSeconds(10), "the call is live and controllable");
        return call;
    }

    String status(SimulatedCall call) {
        HttpResponse<String> r = app.get("/api/t1/calls/" + call.id());
        return r.statusCode() == 200 ? TestApp.json(r.body()).path("call").path("status").asText() : "";
    }

    @Test
    void sayWhisperMuteAndUnmuteSendBodiesTheSimulatorsValidatorAccepts() {
        SimulatedCall call = liveCall();
        List<String[]> cases = List.of(
                new String[] {"say", "{\"text\":\"Let me check that for you.\",\"actor\":\"Sam\"}",
                        "{\"type\":\"say\",\"content\":\"Let me check that for you.\",\"endCallAfterSpoken\":false}"},
                new String[] {"whisper", "{\"text\":\"Offer the Friday 3 pm slot.\"}",
                        "{\"type\":\"add-message\",\"message\":{\"role\":\"system\",\"content\":\"Offer the Friday 3 pm slot.\"},\"triggerResponseEnabled\":false}"},
                new String[] {"mute", "{}", "{\"type\":\"control\",\"control\":\"mute-assistant\"}"},
                new String[] {"unmute", "{}", "{\"type\":\"control\",\"control\":\"unmute-assistant\"}"});
        for (String[] c : cases) {
            HttpResponse<String> r = act(app, "t1", call.id(), c[0], c[1]);
            assertThat(r.statusCode()).as(c[0] + ": " + r.body()).isEqualTo(200);
        }
        List<ControlRecord> log = call.controlLog();
        assertThat(log).hasSize(cases.size()).allMatch(rec -> rec.status() == 200);
        for (int i = 0; i < cases.size(); i++) assertThat(log.get(i).body()).isEqualTo(cases.get(i)[2]);

        // The assistant speaks the supervisor's words: its transcript line arrives through the webhooks.
        await(() -> app.getJson("/api/t1/calls/" + call.id()).path("transcript").findValuesAsText("text")
                .contains("Let me check that for you."), Duration.ofSeconds(20), "the assistant says the text");
        assertThat(app.getJson("/api/t1/calls/" + call.id()).path("actions")).extracting(a -> a.path("action").asText())
                .containsExactly("say", "whisper", "mute", "unmute");
    }

    @Test
    void aTransferReachesTheBoardAsForwardingThenEndedAssistantForwardedCall() {
        try (LiveClient board = app.dashboard("t1")) {
            board.next("snapshot");
            SimulatedCall call = liveCall();
            HttpResponse<String> r = act(app, "t1", call.id(), "transfer",
                    "{\"number\":\"+14155550100\",\"message\":\"Transferring you to our front desk now.\",\"actor\":\"Sam\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(call.controlLog()).singleElement().satisfies(rec -> {
                assertThat(rec.status()).isEqualTo(200);
                assertThat(rec.body()).isEqualTo("{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"+14155550100\"},"
                        + "\"content\":\"Transferring you to our front desk now.\"}");
            });
            JsonNode forwarding = board.next(m -> m.path("type").asText().equals("call-upsert")
                    && m.path("call").path("id").asText().equals(call.id())
                    && m.path("call").path("status").asText().equals("forwarding"), Duration.ofSeconds(30), "forwarding");
            assertThat(forwarding.path("call").path("transferDestination").asText()).contains("+14155550100");
            JsonNode ended = board.next(m -> m.path("type").asText().equals("call-upsert")
                    && m.path("call").path("id").asText().equals(call.id())
                    && m.path("call").path("status").asText().equals("ended"), Duration.ofSeconds(30), "ended");
            assertThat(ended.path("call").path("endedReason").asText()).isEqualTo("assistant-forwarded-call");
            assertThat(ended.path("call").path("controllable").asBoolean()).isFalse();
            // Once ended, the call is not live any more.
            HttpResponse<String> again = act(app, "t1", call.id(), "end", "{}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(error(again).path("code").asText()).isEqualTo("call_not_live");
        }
    }

    @Test
    void endingACallSendsEndCallAndTheBoardShowsItEnded() {
        SimulatedCall call = liveCall();
        assertThat(act(app, "t1", call.id(), "end", "{}").statusCode()).isEqualTo(200);
        assertThat(call.controlLog()).singleElement().satisfies(rec -> {
            assertThat(rec.body()).isEqualTo("{\"type\":\"end-call\"}");
            assertThat(rec.status()).isEqualTo(200);
        });
        await(() -> status(call).equals("ended"), Duration.ofSeconds(20), "the call ends");
        assertThat(app.getJson("/api/t1/calls/" + call.id()).path("call").path("endedReason").asText()).isEqualTo("manually-canceled");
    }

    @Test
    void aSimulatedControlUrlWithAuthenticationNeedsTheTenantsPublicKey() {
        sim.setControlKey("t1", "pk-sim-ctl");
        SimulatedCall call = liveCall();
        HttpResponse<String> refused = act(app, "t1", call.id(), "mute", "{}");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(error(refused).path("code").asText()).isEqualTo("provider_rejected");
        assertThat(error(refused).path("message").asText()).contains("HTTP 401").contains("Unauthorized");

        app.app.tenants().updateSettings("t1", new SettingsChange(Optional.of("pk-sim-ctl"), Optional.empty()));
        assertThat(act(app, "t1", call.id(), "mute", "{}").statusCode()).isEqualTo(200);
        assertThat(call.controlLog()).extracting(ControlRecord::status).containsExactly(401, 200);
    }

    @Test
    void tenantBCannotActOnTenantAsSimulatedCall() {
        SimulatedCall call = liveCall();
        HttpResponse<String> r = act(app, "t2", call.id(), "end", "{}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(error(r).path("code").asText()).isEqualTo("call_not_found");
        assertThat(call.controlLog()).isEmpty();
        assertThat(status(call)).isEqualTo("in-progress");
    }
}
