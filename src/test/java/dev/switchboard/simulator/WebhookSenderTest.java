package dev.switchboard.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender against a real (JDK) HTTP server that answers as the test says. */
class WebhookSenderTest {
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final List<String> paths = new ArrayList<>();
    volatile IntUnaryOperator statusForRequest = n -> 200;
    volatile long handlerDelayMillis;
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final Counters counters = new Counters();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            ex.getRequestBody().readAllBytes();
            synchronized (paths) {
                paths.add(ex.getRequestURI().getPath() + " " + ex.getRequestHeaders().getFirst("x-call-id"));
            }
            if (handlerDelayMillis > 0) Thread.sleep(handlerDelayMillis);
            int status = statusForRequest.applyAsInt(requests.incrementAndGet());
            byte[] body = "{\"received\":true}".getBytes();
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            concurrent.decrementAndGet();
            ex.close();
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
        scheduler.shutdownNow();
    }

    WebhookSender sender(URI target, int maxInFlight, int maxRetries) {
        return new WebhookSender(target, maxInFlight, new WebhookSender.RetryPolicy(maxRetries, 10), scheduler, counters,
                t -> dev.switchboard.tenant.WebhookAuth.none());
    }

    URI target() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void postsToTheTenantsVapiWebhookWithTheCallIdHeader() {
        boolean acked = sender(target(), 4, 0).post("acme", "call-1", "{\"message\":{}}").join();
        assertThat(acked).isTrue();
        assertThat(paths).containsExactly("/webhooks/vapi/acme call-1");
        assertThat(counters.snapshot().webhooksAcked()).isEqualTo(1);
    }

    @Test
    void a5xxIsRetriedWithBackoffUntilItIsAcknowledged() {
        statusForRequest = n -> n <= 2 ? 503 : 200;
        assertThat(sender(target(), 4, 3).post("acme", "c", "{}").join()).isTrue();
        SimulatorStats s = counters.snapshot();
        assertThat(requests.get()).isEqualTo(3);
        assertThat(s.retries()).isEqualTo(2);
        assertThat(s.webhooksAcked()).isEqualTo(1);
        assertThat(s.webhooksFailed()).isZero();
    }

    @Test
    void a4xxIsNotRetriedAndCountsAsFailed() {
        statusForRequest = n -> 404;
        WebhookSender sender = sender(target(), 4, 3);
        assertThat(sender.post("nobody", "c", "{}").join()).isFalse();
        assertThat(requests.get()).isEqualTo(1);
        assertThat(counters.snapshot().webhooksFailed()).isEqualTo(1);
        assertThat(sender.lastFailure()).contains("/webhooks/vapi/nobody").contains("HTTP 404");
    }

    @Test
    void aTargetThatRefusesConnectionsIsRetriedAFewTimesThenCountedAsFailed() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WebhookSender sender = sender(URI.create("http://127.0.0.1:" + port), 4, 2);
        assertThat(sender.post("acme", "c", "{}").join()).isFalse();
        SimulatorStats s = counters.snapshot();
        assertThat(s.retries()).isEqualTo(2);
        assertThat(s.webhooksFailed()).isEqualTo(1);
        assertThat(sender.lastFailure()).contains("ConnectException");
    }

    @Test
    void neverMoreRequestsAreOutstandingThanAllowedAndAllGetThrough() {
        handlerDelayMillis = 20;
        WebhookSender sender = sender(target(), 3, 0);
        List<CompletableFuture<Boolean>> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) all.add(sender.post("acme", "c" + i, "{}"));
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(all).allMatch(CompletableFuture::join);
        assertThat(maxConcurrent.get()).isBetween(2, 3);
        assertThat(counters.snapshot().webhooksAcked()).isEqualTo(30);
    }

    @Test
    void closingCompletesWaitingDeliveriesWithoutCountingThemAsFailures() {
        handlerDelayMillis = 200;
        WebhookSender sender = sender(target(), 1, 0);
        CompletableFuture<Boolean> first = sender.post("acme", "a", "{}");
        CompletableFuture<Boolean> queued = sender.post("acme", "b", "{}");
        sender.close();
        assertThat(queued.join()).isFalse();
        assertThat(first.orTimeout(5, TimeUnit.SECONDS).join()).isFalse();
        assertThat(counters.snapshot().webhooksFailed()).isZero();
        assertThat(sender.post("acme", "c", "{}").join()).isFalse();
    }
}
