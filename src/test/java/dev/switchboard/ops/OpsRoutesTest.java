package dev.switchboard.ops;

import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class OpsRoutesTest {
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.sqlite("acme");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthAndReadinessAnswer() {
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
        var ready = app.getJson("/readyz");
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("database").asText()).isEqualTo("sqlite");
    }

    @Test
    void metricsCountWebhooksByTypeAndRejectionsByReasonAndTimeIngestion() {
        var call = new VapiMessages.CallInfo("m-1", "inboundPhoneCall", "+1", "+2", "a", "A", 1_000L, null, null);
        app.webhook("acme", VapiMessages.statusUpdate(call, "ringing", 1_100L, null, null));
        app.webhook("acme", VapiMessages.statusUpdate(call, "ringing", 1_100L, null, null));
        app.post("/webhooks/vapi/acme", "{oops");
        app.post("/webhooks/vapi/acme", "{\"message\":{\"type\":\"made-up-type-" + "x".repeat(20) + "\"}}");

        HttpResponse<String> r = app.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String m = r.body();
        assertThat(m).contains("switchboard_webhooks_received_total{duplicate=\"false\",provider=\"vapi\",type=\"status-update\"} 1.0");
        assertThat(m).contains("switchboard_webhooks_received_total{duplicate=\"true\",provider=\"vapi\",type=\"status-update\"} 1.0");
        assertThat(m).contains("switchboard_webhooks_received_total{duplicate=\"false\",provider=\"vapi\",type=\"other\"} 1.0");
        assertThat(m).contains("switchboard_webhooks_rejected_total{provider=\"vapi\",reason=\"malformed_json\"} 1.0");
        assertThat(m).contains("switchboard_webhook_ingest_seconds_count");
        assertThat(m).contains("switchboard_live_sockets");
        assertThat(m).contains("switchboard_live_messages_fanned_out_total");
        assertThat(m).contains("switchboard_db_commit_batch_size_count");
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneIncomingOneIsKept() throws IOException, InterruptedException {
        var client = HttpClient.newHttpClient();
        var kept = client.send(app.asAdmin(HttpRequest.newBuilder(app.base().resolve("/api/nobody/calls")))
                .header("X-Request-Id", "trace-abc.123").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(kept.headers().firstValue("X-Request-Id")).contains("trace-abc.123");
        assertThat(TestApp.json(kept.body()).path("error").path("requestId").asText()).isEqualTo("trace-abc.123");

        var replaced = client.send(HttpRequest.newBuilder(app.base().resolve("/healthz"))
                .header("X-Request-Id", "bad id with spaces!").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
    }

    @Test
    void unknownPathsAndMethodsGetTheOneErrorShape() {
        var r = app.get("/api/acme/nothing/here/at/all");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(TestApp.json(r.body()).path("error").path("code").asText()).isEqualTo("not_found");
    }
}
