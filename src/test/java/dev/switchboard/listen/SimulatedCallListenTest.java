package dev.switchboard.listen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.simulator.AudioLayout;
import dev.switchboard.simulator.SimulatedCall;
import dev.switchboard.simulator.SimulatorCallOptions;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.tenant.ListenFormat;
import dev.switchboard.tenant.TenantSettingsRepository.SettingsChange;
import dev.switchboard.testing.DemoSimulatorFixture;
import dev.switchboard.testing.Handshake;
import dev.switchboard.testing.ListenClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.testing.Eventually.await;
import static dev.switchboard.listen.ListenRelayTest.metric;
import static dev.switchboard.listen.ListenRelayTest.sleep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listen relay end to end with the built-in simulator in demo mode: its calls post their webhooks to
 * Switchboard and serve their audio at their {@code listenUrl}, as Vapi's do.
 */
class SimulatedCallListenTest extends DemoSimulatorFixture {

    @AfterEach
    void resetTenants() {
        for (String t : List.of("t1", "t2")) {
            app.app.tenants().updateSettings(t, new SettingsChange(Optional.of(""), Optional.of(ListenFormat.AUTO)));
            sim.setListenKey(t, null);
        }
    }

    /** A long-running talking call, live on the board with its listen URL, on tenant t1. */
    SimulatedCall liveCall(AudioLayout layout) {
        SimulatedCall call = start("t1", Scenario.APPOINTMENT_BOOKING,
                SimulatorCallOptions.defaults().withLayout(layout).longRunning(true).withPerfectDelivery());
        await(() -> {
            var r = app.get("/api/t1/calls/" + call.id());
            return r.statusCode() == 200 && !TestApp.json(r.body()).path("call").path("listenUrl").isNull()
                    && TestApp.json(r.body()).path("call").path("status").asText().equals("in-progress");
        }, Duration.ofSeconds(10), "the call is live on the board");
        return call;
    }

    ListenClient listen(SimulatedCall call, String name) {
        // The relay path as the board advertises it.
        String path = app.getJson("/api/t1/calls/" + call.id()).path("call").path("listenUrl").asText();
        return ListenClient.connect(app.ws(path + "&name=" + name));
    }

    @Test
    void twoListenersOfASimulatedCallReceiveByteIdenticalFramesInOrderFromOneUpstream() {
        double connectsBefore = metric(app, "switchboard_listen_upstream_connects_total");
        SimulatedCall call = liveCall(AudioLayout.STEREO);
        try (ListenClient ann = listen(call, "Ann"); ListenClient bob = listen(call, "Bob")) {
            assertThat(ann.nextText(Duration.ofSeconds(5)).path("channels").asInt()).isEqualTo(2);
            assertThat(bob.nextText(Duration.ofSeconds(5)).path("channels").asInt()).isEqualTo(2);
            List<ListenClient.Message> a = ann.frames(100, Duration.ofSeconds(10));
            List<ListenClient.Message> b = bob.frames(60, Duration.ofSeconds(10));
            assertThat(a).allMatch(m -> m.bytes().length == 1280);
            // Bob may have joined a few frames later: his frames are a run of Ann's, byte for byte.
            int offset = -1;
            for (int i = 0; i < a.size() && offset < 0; i++) if (Arrays.equals(a.get(i).bytes(), b.get(0).bytes())) offset = i;
            assertThat(offset).as("Bob's first frame is among Ann's").isNotNegative();
            int compared = 0;
            for (int i = 0; i + offset < a.size() && i < b.size(); i++, compared++) {
                assertThat(b.get(i).bytes()).as("frame %d", i).isEqualTo(a.get(i + offset).bytes());
            }
            assertThat(compared).isGreaterThanOrEqualTo(40);
            assertThat(metric(app, "switchboard_listen_upstream_connects_total") - connectsBefore).isEqualTo(1.0);
        }
        // Both left: the upstream closes after the grace period.
        await(() -> metric(app, "switchboard_listen_upstreams") == 0.0, Duration.ofSeconds(6), "the upstream is closed");
    }

    private JsonNode formatOf(AudioLayout layout) {
        SimulatedCall call = liveCall(layout);
        try (ListenClient ann = listen(call, "Ann")) {
            ListenClient.Message first = ann.next(Duration.ofSeconds(5));
            assertThat(first.isText()).isTrue();
            assertThat(ann.frames(20, Duration.ofSeconds(5))).allMatch(m -> m.bytes().length == 640 * layout.channels());
            return first.json();
        }
    }

    @Test
    void stereoAndMonoSimulatedCallsAreDetectedFromTheByteRate() {
        JsonNode stereo = formatOf(AudioLayout.STEREO);
        assertThat(stereo.path("channels").asInt()).isEqualTo(2);
        assertThat(stereo.path("channelRoles").toString()).isEqualTo("[\"customer\",\"assistant\"]");
        assertThat(stereo.path("source").asText()).isEqualTo("detected");
        JsonNode mono = formatOf(AudioLayout.MONO);
        assertThat(mono.path("channels").asInt()).isEqualTo(1);
        assertThat(mono.path("channelRoles").toString()).isEqualTo("[\"mixed\"]");
        assertThat(mono.path("source").asText()).isEqualTo("detected");
    }

    @Test
    void announcedFormatsOfSimulatedCallsAreRelayedAsAnnounced() {
        JsonNode stereo = formatOf(AudioLayout.ANNOUNCED_STEREO);
        assertThat(stereo.toString()).isEqualTo("{\"type\":\"format\",\"encoding\":\"pcm_s16le\",\"sampleRate\":16000,\"channels\":2,"
                + "\"channelRoles\":[\"customer\",\"assistant\"],\"source\":\"announced\"}");
        JsonNode mono = formatOf(AudioLayout.ANNOUNCED_MONO);
        assertThat(mono.path("channels").asInt()).isEqualTo(1);
        assertThat(mono.path("source").asText()).isEqualTo("announced");
    }

    @Test
    void theTenantOverrideIsUsedForASimulatedCall() {
        app.app.tenants().updateSettings("t1", new SettingsChange(Optional.empty(), Optional.of(ListenFormat.MONO)));
        JsonNode f = formatOf(AudioLayout.MONO);
        assertThat(f.path("channels").asInt()).isEqualTo(1);
        assertThat(f.path("source").asText()).isEqualTo("configured");
    }

    @Test
    void whenTheSimulatedCallEndsListenersGetTheEndedMessageAndCode4000() {
        SimulatedCall call = liveCall(AudioLayout.STEREO);
        try (ListenClient ann = listen(call, "Ann"); ListenClient bob = listen(call, "Bob")) {
            ann.nextText(Duration.ofSeconds(5));
            bob.nextText(Duration.ofSeconds(5));
            ann.frames(10, Duration.ofSeconds(5));
            assertThat(call.hangUp()).isTrue();
            for (ListenClient c : List.of(ann, bob)) {
                JsonNode ended = c.nextText(Duration.ofSeconds(8));
                assertThat(ended.path("type").asText()).isEqualTo("ended");
                assertThat(ended.path("reason").asText()).isEqualTo("call-ended");
                assertThat(c.closed().orTimeout(3, TimeUnit.SECONDS).join().code()).isEqualTo(4000);
            }
        }
        await(() -> metric(app, "switchboard_listen_upstreams") == 0.0, Duration.ofSeconds(5), "the upstream is closed");
    }

    @Test
    void theTenantsPublicKeyOpensAnAuthenticatedListenUrlAndItsAbsenceIsReported() {
        sim.setListenKey("t1", "pk-sim-123");
        SimulatedCall call = liveCall(AudioLayout.STEREO);
        try (ListenClient ann = listen(call, "Ann")) {
            JsonNode ended = ann.nextText(Duration.ofSeconds(5));
            assertThat(ended.path("reason").asText()).isEqualTo("upstream-error");
            assertThat(ended.path("message").asText()).contains("401").contains("public key");
            assertThat(ann.closed().orTimeout(3, TimeUnit.SECONDS).join().code()).isEqualTo(1011);
        }
        app.app.tenants().updateSettings("t1", new SettingsChange(Optional.of("pk-sim-123"), Optional.empty()));
        try (ListenClient ann = listen(call, "Ann")) {
            assertThat(ann.nextText(Duration.ofSeconds(5)).path("type").asText()).isEqualTo("format");
            assertThat(ann.frames(10, Duration.ofSeconds(5))).hasSize(10);
        }
    }

    @Test
    void tenantBCannotListenToTenantAsSimulatedCall() {
        SimulatedCall call = liveCall(AudioLayout.STEREO);
        Handshake.Answer a = Handshake.attempt(app.ws("/ws/listen/" + call.id() + "?client_id=t2"));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().path("error").path("code").asText()).isEqualTo("call_not_found");
        assertThat(app.get("/api/t2/calls/" + call.id()).statusCode()).isEqualTo(404);
        sleep(100);
        assertThat(metric(app, "switchboard_listen_upstreams")).isEqualTo(0.0);
    }
}
