package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a new demo user sees: live calls within seconds of the simulator starting, at real-time pace. */
class DemoStartTest {

    @Test
    void callsAreAlreadyInProgressWithTranscriptsRightAfterStart() throws InterruptedException {
        try (TestApp app = TestApp.sqlite("demo-client");
             VapiSimulator sim = new VapiSimulator(app.base(), List.of("demo-client"), 0.001, 1, 7)) {
            sim.start();
            // Both calls started before we looked: what was already said arrives at once.
            boolean live = VapiSimulatorTest.await(Duration.ofSeconds(5), () -> {
                int talking = 0;
                for (JsonNode c : app.getJson("/api/demo-client/calls")) {
                    JsonNode detail = app.getJson("/api/demo-client/calls/" + c.path("id").asText());
                    boolean inProgress = c.path("status").asText().matches("in-progress|forwarding");
                    if (inProgress && detail.path("transcript").size() >= 2) talking++;
                }
                return talking == 2;
            });
            assertThat(live).as("two calls in progress, with transcripts, within 5 s").isTrue();
            for (JsonNode c : app.getJson("/api/demo-client/calls")) {
                JsonNode detail = app.getJson("/api/demo-client/calls/" + c.path("id").asText());
                assertThat(detail.path("call").path("startedAt").asText()).isNotBlank();
                assertThat(detail.path("call").path("assistantName").asText()).isIn("Riley (Front Desk)", "Jordan (Reminders)");
            }
            sim.close();
            assertThat(sim.stats().webhooksFailed()).isZero();
            Thread.sleep(300); // let requests already out finish before the app stops (App.close does not drain them)
        }
    }

    @Test
    void closeStopsPromptly() {
        try (TestApp app = TestApp.sqlite("t1")) {
            VapiSimulator sim = new VapiSimulator(app.base(), List.of("t1"), 600, 1, 1);
            sim.start();
            long start = System.nanoTime();
            sim.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            long sent = sim.stats().webhooksSent();
            assertThat(VapiSimulatorTest.await(Duration.ofMillis(300), () -> sim.stats().webhooksSent() > sent)).isFalse();
            sim.close(); // twice is fine
            Thread.sleep(300); // as above: requests already out finish before the app stops
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
