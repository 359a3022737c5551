package dev.switchboard.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.ServerProcess;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A 2xx means durably committed": a real server process is killed with SIGKILL while webhooks are in
 * flight; after a restart on the same data directory every acknowledged webhook is there.
 */
class CrashDurabilityTest {

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void everyAcknowledgedWebhookSurvivesAKillNine() throws Exception {
        int port = freePort();
        ServerProcess server = ServerProcess.start(port, List.of("acme"), null, List.of());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        for (int s = 0; s < 8; s++) {
            int sender = s;
            senders.submit(() -> {
                var call = new VapiMessages.CallInfo("crash-" + sender, "inboundPhoneCall", "+1", "+2", "a", "A", 1_000L, null, null);
                for (int n = 0; running.get(); n++) {
                    String text = "line " + sender + "-" + n;
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/vapi/acme"))
                                        .POST(HttpRequest.BodyPublishers.ofString(VapiMessages.transcript(call, "user", true, text, 2_000L + n)))
                                        .timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) acked.add(text);
                    } catch (IOException | InterruptedException e) {
                        return; // the server is gone
                    }
                }
            });
        }
        while (acked.size() < 300) Thread.sleep(10);
        server.kill();
        running.set(false);
        senders.shutdown();
        assertThat(senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        try (ServerProcess restarted = ServerProcess.start(port, server.dataDir, List.of("acme"), null, List.of())) {
            Set<String> stored = new HashSet<>();
            for (int s = 0; s < 8; s++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/acme/calls/crash-" + s))
                                .header("Cookie", restarted.sessionCookie()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) continue;
                for (JsonNode line : TestApp.json(r.body()).path("transcript")) stored.add(line.path("text").asText());
            }
            assertThat(acked).hasSizeGreaterThanOrEqualTo(300);
            assertThat(stored).containsAll(acked);
        } finally {
            server.deleteData();
        }
    }
}
