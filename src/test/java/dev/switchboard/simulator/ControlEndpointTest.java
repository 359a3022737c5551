package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.testing.DemoSimulatorFixture;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulated call's controlUrl over real HTTP, inside the real app in demo mode: each accepted body is
 * answered 200 and its effect reaches Switchboard through the call's webhooks; malformed bodies are
 * answered 400 in Vapi's words and change nothing.
 */
class ControlEndpointTest extends DemoSimulatorFixture {
    static final double PACE = 8;
    static final String TYPE_ERROR = "type must be one of the following values: say, add-message, control, end-call, transfer";

    EndpointServer endpoints;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startEndpoints() {
        endpoints = new EndpointServer(sim);
    }

    @AfterAll
    void stopEndpoints() {
        if (endpoints != null) endpoints.close();
    }

    /** A long-running call, already talking. */
    SimulatedCall talkingCall(String tenant) throws InterruptedException {
        return talkingCall(tenant, null);
    }

    SimulatedCall talkingCall(String tenant, AudioLayout layout) throws InterruptedException {
        SimulatedCall call = start(tenant, Scenario.APPOINTMENT_BOOKING,
                SimulatorCallOptions.defaults().withLayout(layout).longRunning(true).withPace(PACE).withPerfectDelivery());
        assertThat(call.awaitSpeaking("assistant", Duration.ZERO, Duration.ofSeconds(10))).isPresent();
        assertThat(awaitDetail(call, d -> d.path("transcript").size() >= 1, Duration.ofSeconds(10)))
                .as("Switchboard has the call in progress").isNotNull();
        return call;
    }

    @Test
    void transferToANumberIsAcceptedAndSwitchboardSeesForwardingThenEndedAsForwardedWithTheMessageSpokenFirst() throws InterruptedException {
        SimulatedCall call = talkingCall("t1");
        String body = "{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"+14155550100\"},\"content\":\"Transferring you to our billing team now.\"}";
        HttpResponse<String> r = post(call.id(), body, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");

        JsonNode d = awaitDetail(call, ended(), Duration.ofSeconds(15));
        assertThat(d).isNotNull();
        assertThat(d.path("call").path("endedReason").asText()).isEqualTo("assistant-forwarded-call");
        assertThat(d.path("call").path("transferDestination").asText()).isEqualTo("+14155550100");
        assertThat(statuses(d)).containsSubsequence("in-progress", "forwarding", "ended");
        assertThat(lastLine(d, "assistant")).isEqualTo("Transferring you to our billing team now.");
        assertThat(call.controlLog()).singleElement().satisfies(c -> {
            assertThat(c.body()).isEqualTo(body);
            assertThat(c.status()).isEqualTo(200);
        });
        assertThat(post(call.id(), "{\"type\":\"end-call\"}", null).statusCode()).as("no second ending").isEqualTo(404);
    }

    @Test
    void transferToASipUriEndsForwardedToThatUri() throws InterruptedException {
        SimulatedCall call = talkingCall("t1");
        HttpResponse<String> r = post(call.id(), "{\"type\":\"transfer\",\"destination\":{\"type\":\"sip\",\"sipUri\":\"sip:frontdesk@pbx.example.com\"}}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode d = awaitDetail(call, ended(), Duration.ofSeconds(15));
        assertThat(d.path("call").path("endedReason").asText()).isEqualTo("assistant-forwarded-call");
        assertThat(d.path("call").path("transferDestination").asText()).isEqualTo("sip:frontdesk@pbx.example.com");
    }

    @Test
    void endCallEndsTheCallAsManuallyCanceledAndLaterActionsGet404() throws InterruptedException {
        SimulatedCall call = talkingCall("t1");
        assertThat(post(call.id(), "{\"type\":\"end-call\"}", null).statusCode()).isEqualTo(200);
        JsonNode d = awaitDetail(call, ended(), Duration.ofSeconds(10));
        assertThat(d.path("call").path("endedReason").asText()).isEqualTo("manually-canceled");
        HttpResponse<String> again = post(call.id(), "{\"type\":\"say\",\"content\":\"Hello?\"}", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).isEqualTo("{\"message\":\"Call not found\",\"statusCode\":404}");
        assertThat(call.awaitFinished(Duration.ofSeconds(10))).isTrue();
        JsonNode after = app.getJson("/api/t1/calls/" + call.id());
        assertThat(statuses(after).stream().filter("ended"::equals).count()).isEqualTo(1);
        assertThat(after.path("transcript").size()).as("nothing said after the end").isEqualTo(d.path("transcript").size());
    }

    @Test
    void sayMakesTheAssistantSayExactlyThatTextNextAndTheCallCarriesOn() throws InterruptedException {
        SimulatedCall call = talkingCall("t1");
        String text = "A quick note from our team: parking is free on weekends.";
        assertThat(post(call.id(), "{\"type\":\"say\",\"content\":\"" + text + "\",\"endCallAfterSpoken\":false}", null).statusCode()).isEqualTo(200);
        JsonNode d = awaitDetail(call, x -> lines(x, "assistant").contains(text), Duration.ofSeconds(15));
        assertThat(d).as("the assistant's line reaches Switchboard").isNotNull();
        assertThat(call.isLive()).isTrue();
        assertThat(d.path("call").path("status").asText()).isEqualTo("in-progress");
        call.hangUp();
    }

    @Test
    void aWhisperShowsInTheAssistantsNextTurn() throws InterruptedException {
        SimulatedCall call = talkingCall("t1");
        String body = "{\"type\":\"add-message\",\"message\":{\"role\":\"system\",\"content\":\"Offer the caller a 10% discount on their first visit.\"},\"triggerResponseEnabled\":false}";
        int before = lines(app.getJson("/api/t1/calls/" + call.id()), "assistant").size();
        assertThat(post(call.id(), body, null).statusCode()).isEqualTo(200);
        JsonNode d = awaitDetail(call, x -> lines(x, "assistant").stream().anyMatch(l -> l.contains("offer you a 10% discount on your first visit")),
                Duration.ofSeconds(20));
        assertThat(d).isNotNull();
        List<String> assistant = lines(d, "assistant");
        int at = assistant.size() - 1;
        while (!assistant.get(at).contains("10% discount")) at--;
        assertThat(at).as("one of the next two assistant lines (the one being spoken may finish first)").isBetween(before - 1, before + 1);
        call.hangUp();
    }

    @Test
    void muteCutsTheAssistantOffMidSentenceAndSilencesItInTurnsAndAudioUntilUnmute() throws InterruptedException {
        SimulatedCall call = talkingCall("t1", AudioLayout.STEREO);
        try (AudioSocket socket = AudioSocket.connect(endpoints.listen(call.id()), null)) {
            assertThat(call.awaitSpeaking("assistant", Duration.ofMillis(400), Duration.ofSeconds(15))).isPresent();
            assertThat(post(call.id(), "{\"type\":\"control\",\"control\":\"mute-assistant\"}", null).statusCode()).isEqualTo(200);
            long mutedAt = System.currentTimeMillis();
            Thread.sleep(1500); // twelve seconds of the call
            long unmutedAt = System.currentTimeMillis();
            assertThat(call.speech()).as("the assistant's turn stops at the mute")
                    .anyMatch(s -> s.role().equals("assistant") && Math.abs(s.endMillis() - mutedAt) < 100);
            assertThat(call.speech()).as("no assistant turn starts while muted")
                    .noneMatch(s -> s.role().equals("assistant") && s.startMillis() > mutedAt);
            List<AudioSocket.Message> mutedFrames = socket.binary().stream()
                    .filter(m -> m.atMillis() > mutedAt + 100 && m.atMillis() < unmutedAt).toList();
            assertThat(mutedFrames).hasSizeGreaterThan(50);
            double assistantRms = Math.sqrt(mutedFrames.stream().mapToDouble(m -> Math.pow(m.rms(1, 2), 2)).average().orElse(0));
            assertThat(assistantRms).as("assistant channel while muted").isLessThan(100);
            int assistantLines = lines(app.getJson("/api/t1/calls/" + call.id()), "assistant").size();

            assertThat(post(call.id(), "{\"type\":\"control\",\"control\":\"unmute-assistant\"}", null).statusCode()).isEqualTo(200);
            JsonNode d = awaitDetail(call, x -> lines(x, "assistant").size() > assistantLines, Duration.ofSeconds(15));
            assertThat(d).as("the assistant speaks again after unmute").isNotNull();
            assertThat(call.speech()).anyMatch(s -> s.role().equals("assistant") && s.startMillis() > unmutedAt);
            assertThat(call.isLive()).isTrue();
        } finally {
            call.hangUp();
        }
    }

    @Test
    void malformedBodiesGet400InTheValidatorsWordsAndChangeNothing() throws InterruptedException {
        SimulatedCall call = talkingCall("t1");
        Map<String, List<String>> cases = Map.of(
                "{\"action\":\"transfer\",\"phoneNumber\":\"+14155550100\"}",
                List.of("property action should not exist", "property phoneNumber should not exist", TYPE_ERROR),
                "{\"type\":\"transfer\",\"number\":\"+14155550100\"}",
                List.of("property number should not exist", "destination should not be empty"),
                "{\"type\":\"transfer\",\"destinations\":[{\"type\":\"number\",\"number\":\"+14155550100\"}]}",
                List.of("property destinations should not exist", "destination should not be empty"),
                "{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"(415) 555-0100\"}}",
                List.of("destination.number must be a valid phone number in E.164 format (e.g. +14155550100)"),
                "{\"type\":\"hangup\"}", List.of(TYPE_ERROR));
        List<SimulatedCall.Speech> before = call.speech();
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = post(call.id(), c.getKey(), null);
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            JsonNode answer = TestApp.json(r.body());
            assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
            assertThat(answer.path("error").asText()).isEqualTo("Bad Request");
            List<String> messages = new ArrayList<>();
            answer.path("message").forEach(m -> messages.add(m.asText()));
            assertThat(messages).as(c.getKey()).containsExactlyElementsOf(c.getValue());
        }
        assertThat(call.controlLog()).hasSize(cases.size()).allMatch(rec -> rec.status() == 400);
        assertThat(call.speech()).as("the call's course is unchanged").startsWith(before.toArray(new SimulatedCall.Speech[0]));
        assertThat(call.isLive()).isTrue();
        JsonNode d = app.getJson("/api/t1/calls/" + call.id());
        assertThat(d.path("call").path("status").asText()).isEqualTo("in-progress");
        assertThat(statuses(d)).doesNotContain("forwarding", "ended");
        call.hangUp();
    }

    @Test
    void anUnknownCallGets404() {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> r = post(id, "{\"type\":\"end-call\"}", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"message\":\"Call not found\",\"statusCode\":404}");
        assertThat(sim.controlLog(id)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(404));
    }

    @Test
    void withAControlKeyForTheTenantTheBearerKeyIsRequiredElse401() throws InterruptedException {
        sim.setControlKey("t2", "pk_live_456");
        try {
            SimulatedCall call = talkingCall("t2");
            HttpResponse<String> without = post(call.id(), "{\"type\":\"end-call\"}", null);
            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(without.body()).isEqualTo("{\"message\":\"Unauthorized\",\"statusCode\":401}");
            assertThat(post(call.id(), "{\"type\":\"end-call\"}", "Bearer nope").statusCode()).isEqualTo(401);
            assertThat(call.isLive()).isTrue();
            assertThat(post(call.id(), "{\"type\":\"end-call\"}", "Bearer pk_live_456").statusCode()).isEqualTo(200);
            assertThat(call.awaitEnded(Duration.ofSeconds(5))).isTrue();
        } finally {
            sim.setControlKey("t2", null);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private HttpResponse<String> post(String callId, String body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoints.control(callId)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) b.header("Authorization", authorization);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The call's detail from Switchboard once {@code until} holds, or null after the timeout. */
    private JsonNode awaitDetail(SimulatedCall call, Predicate<JsonNode> until, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String path = "/api/" + call.tenant() + "/calls/" + call.id();
        while (System.nanoTime() < deadline) {
            if (app.get(path).statusCode() == 200) {
                JsonNode d = app.getJson(path);
                if (until.test(d)) return d;
            }
            Thread.sleep(50);
        }
        return null;
    }

    private static Predicate<JsonNode> ended() {
        return d -> d.path("call").path("status").asText().equals("ended") && !d.path("call").path("endedReason").asText().isEmpty();
    }

    private static List<String> statuses(JsonNode detail) {
        List<String> out = new ArrayList<>();
        detail.path("timeline").forEach(e -> out.add(e.path("status").asText()));
        return out;
    }

    private static List<String> lines(JsonNode detail, String role) {
        List<String> out = new ArrayList<>();
        detail.path("transcript").forEach(l -> {
            if (l.path("role").asText().equals(role)) out.add(l.path("text").asText());
        });
        return out;
    }

    private static String lastLine(JsonNode detail, String role) {
        List<String> l = lines(detail, role);
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }
}
