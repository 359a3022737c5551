package dev.switchboard.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.AppConfig;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.testing.LiveClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardSocketTest {

    /** The app's config with its live-socket settings changed. */
    static UnaryOperator<AppConfig> withLive(UnaryOperator<AppConfig.LiveSettings> change) {
        return c -> new AppConfig(c.port(), c.host(), c.dataDir(), c.database(), c.demo(), c.debugApi(), c.maxWebhookBytes(),
                c.tenants(), change.apply(c.live()), c.simulator());
    }

    static UnaryOperator<AppConfig> live(int queueLimit, Duration ping) {
        return withLive(l -> new AppConfig.LiveSettings(queueLimit, ping, l.recentInSnapshot(), l.flushInterval()));
    }

    static UnaryOperator<AppConfig> flushEvery(Duration interval) {
        return withLive(l -> new AppConfig.LiveSettings(l.queueLimit(), l.pingInterval(), l.recentInSnapshot(), interval));
    }

    static VapiMessages.CallInfo call(String id) {
        return new VapiMessages.CallInfo(id, "inboundPhoneCall", "+14155550123", "+14155550100", "a", "Riley", 1_763_784_211_000L, null, null);
    }

    @Test
    void anUnknownOrMissingTenantIsRefusedBeforeTheUpgrade() {
        try (TestApp app = TestApp.sqlite("acme")) {
            for (String query : List.of("?client_id=nobody", "")) {
                var attempt = HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(app.ws("/ws/dashboard" + query), new WebSocket.Listener() {});
                assertThatThrownBy(attempt::join).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(WebSocketHandshakeException.class)
                        .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isIn(400, 404));
            }
        }
    }

    @Test
    void concurrentWebhooksReachTheSocketInOneGapFreeSequence() throws Exception {
        try (TestApp app = TestApp.sqlite("acme"); LiveClient live = app.dashboard("acme")) {
            long start = live.next("snapshot").path("seq").asLong();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                sent.add(pool.submit(() -> app.webhook("acme",
                        VapiMessages.transcript(call("c-" + (n % 10)), "user", true, "line " + n, 1_763_784_212_000L + n))));
            }
            for (Future<?> f : sent) f.get();
            pool.shutdown();

            long expected = start + 1;
            int lines = 0;
            while (lines < 200) {
                JsonNode m = live.next(x -> !x.path("type").asText().equals("ping"), Duration.ofSeconds(5), "the next live message");
                assertThat(m.path("seq").asLong()).isEqualTo(expected++);
                if (m.path("type").asText().equals("transcript")) lines++;
            }
        }
    }

    @Test
    void everySocketOfATenantReceivesEveryMessageWholeThoughTheyShareOneEncodedCopy() {
        try (TestApp app = TestApp.sqlite("acme"); LiveClient first = app.dashboard("acme"); LiveClient second = app.dashboard("acme");
             LiveClient third = app.dashboard("acme")) {
            List<LiveClient> sockets = List.of(first, second, third);
            for (LiveClient s : sockets) s.next("snapshot");
            for (int i = 0; i < 30; i++) {
                app.webhook("acme", VapiMessages.transcript(call("c-" + (i % 3)), "user", true, "line " + i + " ✓", 1_763_784_212_000L + i));
            }

            List<List<String>> seen = new ArrayList<>();
            for (LiveClient s : sockets) {
                List<String> lines = new ArrayList<>();
                while (lines.size() < 30) {
                    JsonNode m = s.next(x -> x.path("type").asText().equals("transcript"), Duration.ofSeconds(5), "the next transcript line");
                    lines.add(m.path("seq").asLong() + " " + m.path("line").path("text").asText());
                }
                seen.add(lines);
            }
            assertThat(seen.get(0)).extracting(l -> l.substring(l.indexOf(' ') + 1))
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "line " + i + " ✓").toList());
            assertThat(seen.get(1)).isEqualTo(seen.get(0));
            assertThat(seen.get(2)).isEqualTo(seen.get(0));
        }
    }

    @Test
    void anUpdateOfSeveralKilobytesInAStreamWaitsForTheSocketsNextPacedWriteLikeASmallOne() {
        // Jetty writes a frame it will not hold for the next flush at once; at its default buffer that was any frame
        // over 1 KiB, which most call updates are, so they went out one system call each instead of once per interval.
        try (TestApp app = TestApp.start(null, flushEvery(Duration.ofSeconds(2)), "acme"); LiveClient live = app.dashboard("acme")) {
            live.next("snapshot");
            app.webhook("acme", VapiMessages.transcript(call("c-1"), "user", true, "hello", 1_763_784_212_000L));
            live.next("transcript"); // after a quiet spell: at once
            long firstSeen = System.nanoTime();
            app.webhook("acme", VapiMessages.transcript(call("c-1"), "assistant", true, "word".repeat(900), 1_763_784_213_000L));
            JsonNode second = live.next(m -> m.path("type").asText().equals("transcript"), Duration.ofSeconds(5), "the long line");
            assertThat(second.path("line").path("text").asText()).hasSize(3_600);
            assertThat(Duration.ofNanos(System.nanoTime() - firstSeen)).isGreaterThan(Duration.ofMillis(1_000));
        }
    }

    @Test
    void aStalledBrowserIsDisconnectedWithoutDelayingWebhooksOrOtherSockets() throws Exception {
        try (TestApp app = TestApp.start(null, live(32, Duration.ofSeconds(15)), "acme");
             LiveClient stalled = LiveClient.connectAndStall(app.ws("/ws/dashboard?client_id=acme"));
             LiveClient healthy = app.dashboard("acme")) {
            stalled.next("snapshot");
            long seq = healthy.next("snapshot").path("seq").asLong();
            String bulk = "x".repeat(16_000);
            long slowest = 0;
            for (int i = 0; i < 1500; i++) {
                long t = System.nanoTime();
                app.webhook("acme", VapiMessages.transcript(call("c-1"), "user", true, bulk + i, 1_763_784_212_000L + i));
                slowest = Math.max(slowest, System.nanoTime() - t);
                JsonNode m = healthy.next("transcript");
                assertThat(m.path("seq").asLong()).isGreaterThan(seq);
                seq = m.path("seq").asLong();
            }
            assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(1));
            String metrics = app.get("/metrics").body();
            assertThat(metrics).containsPattern("switchboard_live_sockets_dropped_total\\{reason=\"slow-consumer\"} [1-9]");
            assertThat(metrics).contains("switchboard_live_sockets 1.0");
        }
    }

    @Test
    void socketsArePingedAndThePingCarriesNoSequenceNumber() {
        try (TestApp app = TestApp.start(null, live(1024, Duration.ofMillis(300)), "acme"); LiveClient live = app.dashboard("acme")) {
            live.next("snapshot");
            JsonNode ping = live.next("ping", Duration.ofSeconds(3));
            assertThat(ping.has("seq")).isFalse();
            assertThat(ping.path("serverTime").asText()).isNotBlank();
        }
    }

    @Test
    void aClientThatAnswersPingsAndThenGoesSilentIsDropped() {
        try (TestApp app = TestApp.start(null, live(1024, Duration.ofMillis(200)), "acme"); LiveClient live = app.dashboard("acme")) {
            live.next("snapshot");
            live.next("ping", Duration.ofSeconds(3));
            live.send("{\"type\":\"pong\"}");
            // no more pongs: after three ping intervals the server gives up on us
            assertThat(live.closed().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(4002);
        }
    }

    @Test
    void theSnapshotHoldsLiveCallsAndRecentEndedOnesNewestFirstWithTheLiveCallsLatestLines() {
        try (TestApp app = TestApp.sqlite("acme")) {
            app.webhook("acme", VapiMessages.statusUpdate(new VapiMessages.CallInfo("old", "inboundPhoneCall", "+1", "+2", "a", "A",
                    1_000_000L, null, null), "ended", 1_000_500L, "customer-ended-call", null));
            app.webhook("acme", VapiMessages.statusUpdate(new VapiMessages.CallInfo("new", "inboundPhoneCall", "+1", "+2", "a", "A",
                    2_000_000L, null, null), "in-progress", 2_000_500L, null, null));
            app.webhook("acme", VapiMessages.transcript(new VapiMessages.CallInfo("new", "inboundPhoneCall", "+1", "+2", "a", "A",
                    2_000_000L, null, null), "user", true, "Can I move it to Friday?", 2_001_000L));
            try (LiveClient live = app.dashboard("acme")) {
                JsonNode snapshot = live.next("snapshot");
                JsonNode calls = snapshot.path("calls");
                assertThat(calls).extracting(c -> c.path("id").asText()).containsExactly("new", "old");
                assertThat(calls.get(1).path("status").asText()).isEqualTo("ended");
                assertThat(snapshot.path("lastLines").path("new").path("text").asText()).isEqualTo("Can I move it to Friday?");
                assertThat(snapshot.path("lastLines").has("old")).isFalse();
            }
        }
    }
}
