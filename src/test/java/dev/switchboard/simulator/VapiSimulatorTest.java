package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.CallStatus;
import dev.switchboard.testing.LiveClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against the real app over real HTTP: a few seconds of heavy, fast traffic for two tenants,
 * watched through the call API and a live dashboard socket. One run, several observations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VapiSimulatorTest {
    TestApp app;
    SimulatorStats stats;
    final List<JsonNode> live = new ArrayList<>();
    boolean drained;

    @BeforeAll
    void runTheSimulatorForAFewSeconds() throws InterruptedException {
        app = TestApp.sqlite("t1", "t2");
        try (LiveClient socket = app.dashboard("t1");
             VapiSimulator sim = new VapiSimulator(app.base(), List.of("t1", "t2"), 120, 40, 42)) {
            socket.next("snapshot");
            sim.start();
            Thread.sleep(3000);
            sim.stopNewCalls();
            drained = await(Duration.ofSeconds(20), () -> sim.stats().callsInFlight() == 0);
            stats = sim.stats();
            live.addAll(socket.drain(Duration.ofMillis(500)));
        }
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
    }

    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    @Test
    void everyWebhookIsAcknowledgedAndNoneFails() {
        assertThat(drained).as("all calls played to the end").isTrue();
        assertThat(stats.webhooksFailed()).isZero();
        assertThat(stats.webhooksAcked()).isEqualTo(stats.webhooksSent()).isGreaterThan(300);
        assertThat(stats.callsStarted()).isEqualTo(stats.callsEnded()).isGreaterThanOrEqualTo(10);
        assertThat(stats.duplicates()).isPositive();
        assertThat(stats.reordered()).isPositive();
    }

    @Test
    void bothTenantsGetTheirOwnCallsAndEveryCallEndsWithAReasonAndACost() {
        JsonNode t1 = app.getJson("/api/t1/calls?limit=1000");
        JsonNode t2 = app.getJson("/api/t2/calls?limit=1000");
        assertThat(t1.size()).isGreaterThanOrEqualTo(4);
        assertThat(t2.size()).isGreaterThanOrEqualTo(4);
        assertThat(t1.size() + t2.size()).isEqualTo((int) stats.callsStarted());
        for (JsonNode c : concat(t1, t2)) {
            assertThat(c.path("status").asText()).as(c.toString()).isEqualTo("ended");
            assertThat(c.path("ended_reason").asText()).as(c.toString()).isNotBlank();
            assertThat(c.path("cost").isNumber()).as(c.toString()).isTrue();
        }
    }

    @Test
    void connectedCallsHaveASummaryATranscriptAndARecording() {
        int checked = 0;
        for (JsonNode c : app.getJson("/api/t1/calls?limit=1000")) {
            if (c.path("started_at").isNull()) continue;
            JsonNode detail = app.getJson("/api/t1/calls/" + c.path("id").asText());
            JsonNode call = detail.path("call");
            assertThat(call.path("summary").asText()).as(call.toString()).isNotBlank();
            assertThat(call.path("cost").asDouble()).isPositive();
            assertThat(call.path("recordingUrl").asText()).startsWith(app.base() + "/simulator/recordings/");
            assertThat(detail.path("transcript")).isNotEmpty();
            assertThat(detail.path("timeline")).extracting(e -> e.path("status").asText()).contains("in-progress", "ended");
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void theLiveSocketStreamsCallUpsertsAndTranscriptLines() {
        Set<String> types = new HashSet<>();
        live.forEach(m -> types.add(m.path("type").asText()));
        assertThat(types).contains("call-upsert", "transcript-partial", "speech");
        assertThat(types).containsAnyOf("transcript", "transcript-reset");
        assertThat(live).allMatch(m -> !m.has("clientId") || m.path("clientId").asText().equals("t1"));
    }

    @Test
    void noCallsStatusEverGoesBackwardsOnTheSocketDespiteDuplicatesAndReordering() {
        Map<String, List<String>> statuses = new HashMap<>();
        for (JsonNode m : live) {
            if (!m.path("type").asText().equals("call-upsert")) continue;
            statuses.computeIfAbsent(m.path("call").path("id").asText(), k -> new ArrayList<>()).add(m.path("call").path("status").asText());
        }
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(4);
        statuses.forEach((id, seen) -> {
            for (int i = 1; i < seen.size(); i++) {
                assertThat(CallStatus.rank(seen.get(i))).as("%s went %s", id, seen).isGreaterThanOrEqualTo(CallStatus.rank(seen.get(i - 1)));
            }
            assertThat(seen.get(seen.size() - 1)).as("%s went %s", id, seen).isEqualTo("ended");
        });
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        b.forEach(out::add);
        return out;
    }
}
