package dev.switchboard.webhook;

import dev.switchboard.testing.TestApp;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook's fast path ({@link WebhookFastPath}) against the real server on SQLite: deliveries waiting for a
 * commit hold no request thread; bodies that arrive in pieces or without a length are stored like any other; and
 * its answers carry exactly the headers of the route's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookFastPathTest {
    TestApp app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        app = TestApp.start(null, c -> c, "fast", "stalled", "pieces", "chunked", "headers", "pipelined", "keepalive");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static String status(String callId, String status) {
        return "{\"message\":{\"type\":\"status-update\",\"status\":\"" + status + "\",\"call\":{\"id\":\"" + callId + "\"}}}";
    }

    HttpRequest.Builder webhook(String tenant, String body) {
        return HttpRequest.newBuilder(app.base().resolve("/webhooks/vapi/" + tenant))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    long stored(String tenant) {
        return app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_events WHERE tenant_id = :t")
                .bind("t", tenant).mapTo(Long.class).one());
    }

    @Test
    void webhooksWaitingForTheirCommitDoNotStarveOtherRequests() throws Exception {
        app.post("/webhooks/vapi/stalled", status("warm-up", "queued")); // the tenant is in memory from here on
        int waiting = 300; // more than Jetty's 250 request threads
        List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
        try (Handle blocker = app.app.database().jdbi().open()) {
            // Another connection holds SQLite's write lock, so no commit can happen until it lets go.
            blocker.execute("BEGIN EXCLUSIVE");
            try {
                for (int i = 0; i < waiting; i++) {
                    acks.add(http.sendAsync(webhook("stalled", status("call-" + i, "ringing")).build(), HttpResponse.BodyHandlers.ofString()));
                }
                Thread.sleep(1_000);
                assertThat(acks).as("nothing is acknowledged before its commit").noneMatch(CompletableFuture::isDone);

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(app.base().resolve("/healthz"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            } finally {
                blocker.execute("COMMIT");
            }
        }
        for (CompletableFuture<HttpResponse<String>> ack : acks) {
            HttpResponse<String> r = ack.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"received\":true}");
        }
        assertThat(stored("stalled")).isEqualTo(waiting + 1);
    }

    @Test
    void aBodyThatArrivesInPiecesIsStoredAndAcknowledged() throws Exception {
        app.post("/webhooks/vapi/pieces", status("warm-up", "queued"));
        byte[] body = status("slow-call", "in-progress").getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket(app.base().getHost(), app.base().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /webhooks/vapi/pieces HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 20);
            out.flush();
            Thread.sleep(300);
            out.write(body, 20, body.length - 20);
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("{\"received\":true}");
        }
        assertThat(stored("pieces")).isEqualTo(2);
        assertThat(app.getJson("/api/pieces/calls").findValuesAsText("id")).contains("slow-call");
    }

    @Test
    void aBodyWithoutADeclaredLengthIsStoredThroughTheRoute() throws Exception {
        byte[] body = status("chunked-call", "in-progress").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(app.base().resolve("/webhooks/vapi/chunked"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))) // no length: chunked
                .build();
        HttpResponse<String> r = http.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(stored("chunked")).isEqualTo(1);
    }

    @Test
    void anAcknowledgementCarriesTheSameHeadersAsTheRoutesOwnAnswers() throws Exception {
        app.post("/webhooks/vapi/headers", status("warm-up", "queued"));
        HttpResponse<String> fast = http.send(webhook("headers", status("h-call", "ringing"))
                .header("X-Request-Id", "trace-42").header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        // A malformed body is answered by the Javalin route.
        HttpResponse<String> route = http.send(webhook("headers", "{not json")
                .header("X-Request-Id", "trace-43").header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat(route.statusCode()).isEqualTo(400);

        assertThat(fast.headers().firstValue("X-Request-Id")).hasValue("trace-42");
        assertThat(fast.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(fast.headers().firstValue("Content-Length")).hasValue(Integer.toString(fast.body().length()));
        assertThat(comparable(fast)).isEqualTo(comparable(route));

        HttpResponse<String> fresh = http.send(webhook("headers", status("h-call", "in-progress"))
                .header("X-Request-Id", "not a sane id!").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fresh.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
        assertThat(fresh.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** Header names and values, without those that differ per answer (date, length, request id). */
    static Map<String, List<String>> comparable(HttpResponse<?> r) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(r.headers().map());
        for (String varies : List.of("date", "content-length", "x-request-id")) h.remove(varies);
        return h;
    }

    @Test
    void aRedeliveryThroughTheFastPathIsAcknowledgedAndStoredOnce() throws Exception {
        app.post("/webhooks/vapi/fast", status("warm-up", "queued"));
        String body = status("twice", "in-progress");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = http.send(webhook("fast", body).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(stored("fast")).isEqualTo(2); // the warm-up and one of the two
    }

    @Test
    void pipelinedWebhooksOnOneConnectionAreEachStoredAndAnsweredInOrder() throws Exception {
        app.post("/webhooks/vapi/pipelined", status("warm-up", "queued"));
        StringBuilder requests = new StringBuilder();
        for (String state : List.of("ringing", "in-progress", "forwarding")) {
            String body = status("piped-call", state);
            requests.append("POST /webhooks/vapi/pipelined HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n")
                    .append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        }
        try (Socket s = new Socket(app.base().getHost(), app.base().getPort())) {
            s.setSoTimeout(10_000);
            // All three in one write: the second and third wait in the server's buffer until the first is answered.
            s.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answers = readAnswers(s, 3);
            assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(4);
        }
        assertThat(stored("pipelined")).isEqualTo(4);
        assertThat(app.getJson("/api/pipelined/calls").findValuesAsText("status")).contains("forwarding");
    }

    /** Reads until {@code n} whole JSON answers have arrived. */
    static String readAnswers(Socket s, int n) throws java.io.IOException {
        StringBuilder in = new StringBuilder();
        byte[] buf = new byte[8192];
        while (in.toString().split("\\{\"received\":true}", -1).length <= n) {
            int read = s.getInputStream().read(buf);
            if (read < 0) break;
            in.append(new String(buf, 0, read, StandardCharsets.UTF_8));
        }
        return in.toString();
    }

    @Test
    void afterEachAcknowledgementTheAckThreadItselfWaitsForTheConnectionsNextRequest() throws Exception {
        app.post("/webhooks/vapi/keepalive", status("warm-up", "queued"));
        long before = app.app.webhookFastPath().resumedInPlace();
        int sent = 30;
        for (int i = 0; i < sent; i++) {
            // One keep-alive connection, as a provider sends a call's webhooks.
            HttpResponse<String> r = http.send(webhook("keepalive", status("kept-" + i, "ringing")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        // Each answer completes after the handler returned; Jetty then looks for the connection's next request on a
        // pool thread, or, with this pool, on the ack thread in place. (A commit faster than the handler's return
        // would leave that to the handling thread, hence not all 30.)
        assertThat(app.app.webhookFastPath().resumedInPlace() - before).isGreaterThanOrEqualTo(sent - 5);
        assertThat(stored("keepalive")).isEqualTo(sent + 1);
    }
}
