package dev.switchboard.listen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.tenant.ListenFormat;
import dev.switchboard.tenant.TenantSettingsRepository.SettingsChange;
import dev.switchboard.testing.FakeVapi;
import dev.switchboard.testing.Handshake;
import dev.switchboard.testing.ListenClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listen relay against a stand-in provider stream ({@link FakeVapi}), for what the simulator cannot
 * produce on demand: exact frame numbering, abrupt drops, streams far faster than real time.
 */
class ListenRelayTest {

    static void liveCall(TestApp app, String tenant, String callId, String listenUrl, String controlUrl) {
        long now = System.currentTimeMillis();
        app.webhook(tenant, VapiMessages.statusUpdate(info(callId, listenUrl, controlUrl, now), "in-progress", now, null, null));
    }

    static void endCall(TestApp app, String tenant, String callId, String listenUrl) {
        long now = System.currentTimeMillis();
        app.webhook(tenant, VapiMessages.statusUpdate(info(callId, listenUrl, null, now - 60_000), "ended", now, "customer-ended-call", null));
    }

    static VapiMessages.CallInfo info(String callId, String listenUrl, String controlUrl, long createdAt) {
        return new VapiMessages.CallInfo(callId, "inboundPhoneCall", "+14155550123", "+14155550100", "asst-1", "Riley",
                createdAt, listenUrl, controlUrl);
    }

    static ListenClient listen(TestApp app, String tenant, String callId, String name) {
        return ListenClient.connect(app.ws("/ws/listen/" + callId + "?client_id=" + tenant + "&name=" + name));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double metric(TestApp app, String name) {
        for (String line : app.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) return Double.parseDouble(line.substring(name.length() + 1).trim());
        }
        throw new AssertionError("no metric " + name);
    }

    private static void assertConsecutive(List<ListenClient.Message> frames) {
        for (int i = 1; i < frames.size(); i++) {
            assertThat(FakeVapi.seq(frames.get(i).bytes())).as("frame %d follows frame %d", i, i - 1)
                    .isEqualTo(FakeVapi.seq(frames.get(i - 1).bytes()) + 1);
        }
    }

    @Test
    void twoListenersReceiveEveryFrameByteIdenticalInUpstreamOrder() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann"); ListenClient bob = listen(app, "acme", "c1", "Bob")) {
                assertThat(ann.nextText(Duration.ofSeconds(5)).path("type").asText()).isEqualTo("format");
                assertThat(bob.nextText(Duration.ofSeconds(5)).path("type").asText()).isEqualTo("format");
                List<ListenClient.Message> a = ann.frames(80, Duration.ofSeconds(10));
                List<ListenClient.Message> b = bob.frames(80, Duration.ofSeconds(10));
                assertConsecutive(a);
                assertConsecutive(b);
                int common = 0;
                for (ListenClient.Message fa : a) {
                    for (ListenClient.Message fb : b) {
                        if (FakeVapi.seq(fa.bytes()) == FakeVapi.seq(fb.bytes())) {
                            assertThat(fb.bytes()).isEqualTo(fa.bytes());
                            common++;
                        }
                    }
                    assertThat(fa.bytes()).isEqualTo(FakeVapi.frame(FakeVapi.seq(fa.bytes()), 1280));
                }
                assertThat(common).isGreaterThan(50);
            }
        }
    }

    @Test
    void theUpstreamIsOpenedOnceForTwoListenersAndClosedShortlyAfterTheLastLeaves() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            ListenClient ann = listen(app, "acme", "c1", "Ann");
            ListenClient bob = listen(app, "acme", "c1", "Bob");
            ann.nextText(Duration.ofSeconds(5));
            bob.nextText(Duration.ofSeconds(5));
            bob.frames(20, Duration.ofSeconds(5));
            assertThat(vapi.connects("c1")).isEqualTo(1);
            assertThat(metric(app, "switchboard_listen_upstreams")).isEqualTo(1.0);

            ann.close();
            bob.drain();
            assertConsecutive(bob.frames(25, Duration.ofSeconds(5))); // the other listener carries on
            assertThat(vapi.openSockets("c1")).isEqualTo(1);

            bob.close();
            long left = System.nanoTime();
            sleep(1_000);
            assertThat(vapi.openSockets("c1")).as("kept open during the grace period").isEqualTo(1);
            await(() -> vapi.openSockets("c1") == 0, Duration.ofSeconds(5), "the upstream is closed");
            assertThat(Duration.ofNanos(System.nanoTime() - left)).isBetween(Duration.ofMillis(1_500), Duration.ofMillis(4_000));
            assertThat(vapi.connects("c1")).isEqualTo(1);
            assertThat(metric(app, "switchboard_listen_upstream_connects_total")).isEqualTo(1.0);
            await(() -> metric(app, "switchboard_listen_upstreams") == 0.0, Duration.ofSeconds(2), "the gauge drops");
            assertThat(metric(app, "switchboard_listen_sessions")).isEqualTo(0.0);

            // A new listener after that opens a new upstream.
            try (ListenClient carol = listen(app, "acme", "c1", "Carol")) {
                carol.nextText(Duration.ofSeconds(5));
                carol.frames(5, Duration.ofSeconds(5));
                assertThat(vapi.connects("c1")).isEqualTo(2);
            }
        }
    }

    private static JsonNode formatFor(FakeVapi.Stream stream, ListenFormat override) {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            vapi.stream("c1", stream);
            if (override != null) app.app.tenants().updateSettings("acme", new SettingsChange(Optional.empty(), Optional.of(override)));
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann")) {
                ListenClient.Message first = ann.next(Duration.ofSeconds(5));
                assertThat(first.isText()).as("the format comes first").isTrue();
                // Frames held while the format was worked out follow it, from the stream's start, in order.
                List<ListenClient.Message> frames = ann.frames(30, Duration.ofSeconds(5));
                assertConsecutive(frames);
                if (override == null) assertThat(FakeVapi.seq(frames.get(0).bytes())).isEqualTo(0);
                return first.json();
            }
        }
    }

    @Test
    void framesHeldWhileTheFormatIsDetectedFollowItFromTheStreamsFirstFrame() {
        JsonNode stereo = formatFor(FakeVapi.Stream.stereo(), null);
        assertThat(stereo.toString()).isEqualTo("{\"type\":\"format\",\"encoding\":\"pcm_s16le\",\"sampleRate\":16000,\"channels\":2,"
                + "\"channelRoles\":[\"customer\",\"assistant\"],\"source\":\"detected\"}");
        JsonNode mono = formatFor(FakeVapi.Stream.mono(), null);
        assertThat(mono.path("channels").asInt()).isEqualTo(1);
        assertThat(mono.path("source").asText()).isEqualTo("detected");
    }

    @Test
    void theCallEndingClosesListenersWithTheEndedMessageAndCode4000() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann"); ListenClient bob = listen(app, "acme", "c1", "Bob")) {
                ann.nextText(Duration.ofSeconds(5));
                bob.nextText(Duration.ofSeconds(5));
                ann.frames(5, Duration.ofSeconds(5));
                long t = System.nanoTime();
                endCall(app, "acme", "c1", vapi.listenUrl("c1"));
                for (ListenClient c : List.of(ann, bob)) {
                    JsonNode ended = c.nextText(Duration.ofSeconds(3));
                    assertThat(ended.path("type").asText()).isEqualTo("ended");
                    assertThat(ended.path("reason").asText()).isEqualTo("call-ended");
                    assertThat(ended.path("message").asText()).isNotBlank();
                    assertThat(c.closed().orTimeout(3, TimeUnit.SECONDS).join().code()).isEqualTo(4000);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(2));
                await(() -> vapi.openSockets("c1") == 0, Duration.ofSeconds(5), "the upstream is closed");
            }
        }
    }

    @Test
    void aProviderThatClosesItsStreamAsTheCallEndsGivesCallEnded() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann")) {
                ann.nextText(Duration.ofSeconds(5));
                vapi.closeListen("c1", 1000);
                sleep(500); // the ended webhook follows the stream's close a little later
                endCall(app, "acme", "c1", vapi.listenUrl("c1"));
                assertThat(ann.nextText(Duration.ofSeconds(5)).path("reason").asText()).isEqualTo("call-ended");
                assertThat(ann.closed().orTimeout(3, TimeUnit.SECONDS).join().code()).isEqualTo(4000);
            }
        }
    }

    @Test
    void anUpstreamDropClosesListenersWithUpstreamErrorAndCode1011() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann")) {
                ann.nextText(Duration.ofSeconds(5));
                ann.frames(5, Duration.ofSeconds(5));
                vapi.dropListen("c1");
                // At once when the JDK reports the drop; within about 5 s by the relay's silence watchdog when it does not.
                JsonNode ended = ann.nextText(Duration.ofSeconds(8));
                assertThat(ended.path("type").asText()).isEqualTo("ended");
                assertThat(ended.path("reason").asText()).isEqualTo("upstream-error");
                assertThat(ann.closed().orTimeout(3, TimeUnit.SECONDS).join().code()).isEqualTo(1011);
            }
            await(() -> !app.getJson("/api/acme/calls/c1").path("actions").get(0).path("endedAt").isNull(),
                    Duration.ofSeconds(5), "the session is recorded as ended");
            JsonNode listen = app.getJson("/api/acme/calls/c1").path("actions").get(0);
            assertThat(listen.path("outcome").asText()).isEqualTo("failed");
            assertThat(listen.path("detail").asText()).startsWith("upstream-error");
        }
    }

    @Test
    void anUpstreamThatClosesWhileTheCallGoesOnGivesUpstreamClosedAndCode1011() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann")) {
                ann.nextText(Duration.ofSeconds(5));
                vapi.closeListen("c1", 1000);
                JsonNode ended = ann.nextText(Duration.ofSeconds(6));
                assertThat(ended.path("reason").asText()).isEqualTo("upstream-closed");
                assertThat(ann.closed().orTimeout(3, TimeUnit.SECONDS).join().code()).isEqualTo(1011);
            }
        }
    }

    @Test
    void aProviderThatStaysConnectedButSendsNoAudioEndsTheListenerInsteadOfLeavingItWaiting() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            vapi.stream("c1", new FakeVapi.Stream(null, 1280, Duration.ofMillis(20), 0)); // connects, answers pings, no frames
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann")) {
                JsonNode ended = ann.nextText(Duration.ofSeconds(14));
                assertThat(ended.path("type").asText()).isEqualTo("ended");
                assertThat(ended.path("reason").asText()).isEqualTo("upstream-error");
                assertThat(ended.path("message").asText()).contains("No audio");
                assertThat(ann.closed().orTimeout(3, TimeUnit.SECONDS).join().code()).isEqualTo(1011);
            }
        }
    }

    @Test
    void anUnreachableProviderStreamEndsTheListenerWithUpstreamError() {
        try (TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", "ws://127.0.0.1:1/calls/c1/listen", null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann")) {
                JsonNode ended = ann.nextText(Duration.ofSeconds(8));
                assertThat(ended.path("reason").asText()).isEqualTo("upstream-error");
                assertThat(ended.path("message").asText()).doesNotContain("127.0.0.1:1");
                assertThat(ann.closed().orTimeout(3, TimeUnit.SECONDS).join().code()).isEqualTo(1011);
            }
        }
    }

    @Test
    void aSlowListenerDoesNotDelayAFastOneAndItsDropsAreCounted() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            // Far faster than real time (3.2 MB/s), so a listener that stops reading falls behind within a second or two.
            vapi.stream("c1", FakeVapi.Stream.stereo().fast(16 * 1024, Duration.ofMillis(5)));
            app.app.tenants().updateSettings("acme", new SettingsChange(Optional.empty(), Optional.of(ListenFormat.STEREO)));
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient slow = ListenClient.connectAndStall(app.ws("/ws/listen/c1?client_id=acme&name=Slow"));
                 ListenClient fast = listen(app, "acme", "c1", "Fast")) {
                slow.next(Duration.ofSeconds(5));
                fast.nextText(Duration.ofSeconds(5));
                fast.frames(100, Duration.ofSeconds(5)); // warm up
                List<ListenClient.Message> frames = fast.frames(1_200, Duration.ofSeconds(30)); // ~6 s of stream
                assertConsecutive(frames);
                long worstGap = 0;
                for (int i = 1; i < frames.size(); i++) worstGap = Math.max(worstGap, frames.get(i).nanos() - frames.get(i - 1).nanos());
                assertThat(Duration.ofNanos(worstGap)).as("largest gap between the fast listener's frames").isLessThan(Duration.ofMillis(250));
                assertThat(metric(app, "switchboard_listen_frames_dropped_total")).isGreaterThan(100);
            }
            await(() -> app.getJson("/api/acme/calls/c1").path("actions").findValues("endedAt").stream().noneMatch(JsonNode::isNull),
                    Duration.ofSeconds(5), "both listen sessions are recorded as ended");
            JsonNode actions = app.getJson("/api/acme/calls/c1").path("actions");
            for (JsonNode a : actions) {
                if (a.path("actor").asText().equals("Slow")) assertThat(a.path("framesDropped").asLong()).isGreaterThan(100);
                if (a.path("actor").asText().equals("Fast")) assertThat(a.path("framesDropped").asLong()).isZero();
            }
        }
    }

    @Test
    void listeningIsRefusedBeforeTheUpgradeForOtherTenantsUnknownEndedAndSilentCalls() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme", "bravo")) {
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            liveCall(app, "acme", "silent", null, null);
            liveCall(app, "acme", "over", vapi.listenUrl("over"), null);
            endCall(app, "acme", "over", vapi.listenUrl("over"));
            liveCall(app, "acme", "silent-over", null, null);
            endCall(app, "acme", "silent-over", null);

            assertRefused(app, "/ws/listen/c1?client_id=bravo", 404, "call_not_found");
            assertRefused(app, "/ws/listen/c1?client_id=nobody", 404, "unknown_tenant");
            assertRefused(app, "/ws/listen/c1", 400, "invalid_request");
            assertRefused(app, "/ws/listen/nope?client_id=acme", 404, "call_not_found");
            assertRefused(app, "/ws/listen/over?client_id=acme", 409, "call_not_live");
            assertRefused(app, "/ws/listen/silent?client_id=acme", 409, "no_audio");
            assertRefused(app, "/ws/listen/silent-over?client_id=acme", 409, "call_not_live"); // ended wins over "no audio"
            assertThat(vapi.connects("c1")).isZero();
            assertThat(Handshake.attempt(app.ws("/ws/listen/c1?client_id=acme")).status()).isEqualTo(101);
        }
    }

    private static void assertRefused(TestApp app, String path, int status, String code) {
        Handshake.Answer a = Handshake.attempt(app.ws(path));
        assertThat(a.status()).as(path).isEqualTo(status);
        assertThat(a.body().path("error").path("code").asText()).as(path).isEqualTo(code);
    }

    @Test
    void theTenantsPublicKeyIsSentAsBearerToTheListenUrl() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            app.app.tenants().updateSettings("acme", new SettingsChange(Optional.of("pk-test-4242"), Optional.empty()));
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann")) {
                ann.nextText(Duration.ofSeconds(5));
                assertThat(vapi.authorizations).containsExactly("Bearer pk-test-4242");
            }
        }
    }

    @Test
    void eachListenSessionIsAuditedWithActorAddressDurationAndDrops() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.listenUrl("c1"), null);
            try (ListenClient ann = listen(app, "acme", "c1", "Ann%20Lee")) {
                ann.nextText(Duration.ofSeconds(5));
                ann.frames(25, Duration.ofSeconds(5));
                JsonNode open = app.getJson("/api/acme/calls/c1").path("actions").get(0);
                assertThat(open.path("action").asText()).isEqualTo("listen");
                assertThat(open.path("endedAt").isNull()).isTrue();
            }
            await(() -> !app.getJson("/api/acme/calls/c1").path("actions").get(0).path("endedAt").isNull(),
                    Duration.ofSeconds(5), "the session is recorded as ended");
            JsonNode a = app.getJson("/api/acme/calls/c1").path("actions").get(0);
            assertThat(a.path("actor").asText()).isEqualTo(TestApp.ADMIN_EMAIL); // the signed-in user, not the name the client sent
            assertThat(a.path("clientAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(a.path("outcome").asText()).isEqualTo("ok");
            assertThat(a.path("detail").asText()).isEqualTo("listener-left");
            assertThat(a.path("durationMs").asLong()).isGreaterThanOrEqualTo(400);
            assertThat(a.path("framesDropped").asLong()).isZero();
            assertThat(a.path("latencyMs").isNumber()).isTrue();
            assertThat(a.path("parameters").path("format").asText()).isEqualTo("stereo 16000 Hz pcm_s16le");
            assertThat(a.path("parameters").path("framesRelayed").asLong()).isGreaterThanOrEqualTo(25);
        }
    }
}
