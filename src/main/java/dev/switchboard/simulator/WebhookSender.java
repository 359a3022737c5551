package dev.switchboard.simulator;

import dev.switchboard.ops.Threads;
import dev.switchboard.tenant.WebhookAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Posts server messages to {@code <target>/webhooks/vapi/<tenant>} the way Vapi does: JSON over HTTP/1.1
 * with keep-alive, a 20 s timeout, and (like a configured {@code backoffPlan}) exponential retries on a
 * connection failure, a 5xx or a 429.
 *
 * <p>Asynchronous for its callers ({@link #post} only enqueues and returns a future) with bounded
 * concurrency: a pool of {@code maxInFlight} sender threads each carries one request at a time, the rest
 * wait in the queue, so a slow Switchboard slows the simulation down instead of piling up connections.
 * The threads use the client's blocking {@code send} on purpose: the JDK's {@code sendAsync} hands every
 * response to the default {@code CompletableFuture} pool, which on a two-core machine starts a new thread
 * per response and costs more than the request itself. Backoff waits on the shared scheduler, holding no
 * thread. Thread-safe.
 */
final class WebhookSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20); // Vapi's server.timeoutSeconds default
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Retries after the first attempt, and the backoff before the first retry (doubling after that). */
    record RetryPolicy(int maxRetries, long baseDelayMillis) {
        long delayMillis(int retry) {
            long d = baseDelayMillis << Math.min(retry - 1, 10);
            return Math.min(8000, d + ThreadLocalRandom.current().nextLong(d / 5 + 1)); // jitter spreads a retry storm
        }
    }

    private final String webhookBase;
    private final RetryPolicy retry;
    private final ScheduledExecutorService scheduler;
    private final Counters counters;
    private final Function<String, WebhookAuth> auth;
    private final HttpClient http;
    private final ThreadPoolExecutor senders;
    private final AtomicLong lastWarnNanos = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile String lastFailure;
    private volatile boolean closed;

    WebhookSender(URI target, int maxInFlight, RetryPolicy retry, ScheduledExecutorService scheduler, Counters counters,
                  Function<String, WebhookAuth> auth) {
        this.auth = auth;
        this.webhookBase = target.toString().replaceAll("/+$", "") + "/webhooks/vapi/";
        this.retry = retry;
        this.scheduler = scheduler;
        this.counters = counters;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.senders = new ThreadPoolExecutor(maxInFlight, maxInFlight, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Threads.numbered("vapi-sim-http"));
        this.senders.allowCoreThreadTimeOut(true); // a quiet demo keeps no idle threads
    }

    /** One delivery and its attempts so far. */
    private final class Delivery implements Runnable {
        final HttpRequest request;
        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        int attempt;

        Delivery(HttpRequest request) {
            this.request = request;
        }

        @Override
        public void run() {
            if (closed) {
                result.complete(false);
                return;
            }
            long start = System.nanoTime();
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                answered(this, response, null, System.nanoTime() - start);
            } catch (IOException | RuntimeException e) {
                answered(this, null, e, 0);
            } catch (InterruptedException e) {
                result.complete(false); // closing
            }
        }
    }

    /** Queues one delivery; completes with true when acknowledged, false when given up (or closed). */
    CompletableFuture<Boolean> post(String tenant, String callId, String body) {
        if (closed) return CompletableFuture.completedFuture(false);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(webhookBase + URLEncoder.encode(tenant, StandardCharsets.UTF_8)))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "switchboard-simulator/1 (vapi-compatible)")
                .header("x-call-id", callId);
        // Signed once: a retry resends the same bytes and timestamp, as a provider's retry does.
        WebhookSigner.headers(auth.apply(tenant), bytes, System.currentTimeMillis()).forEach(builder::header);
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        Delivery d = new Delivery(request);
        counters.sent.increment();
        submit(d);
        return d.result;
    }

    private void submit(Delivery d) {
        try {
            senders.execute(d);
        } catch (RejectedExecutionException e) {
            d.result.complete(false); // closing
        }
    }

    private void answered(Delivery d, HttpResponse<Void> response, Exception error, long nanos) {
        if (closed) {
            d.result.complete(false);
            return;
        }
        int status = response == null ? 0 : response.statusCode();
        if (error == null && status >= 200 && status < 300) {
            counters.ackLatency(nanos);
            counters.acked.increment();
            d.result.complete(true);
            return;
        }
        boolean retryable = error != null || status >= 500 || status == 429;
        if (retryable && d.attempt < retry.maxRetries()) {
            d.attempt++;
            counters.retries.increment();
            long delay = Math.max(retry.delayMillis(d.attempt), retryAfterMillis(response));
            try {
                scheduler.schedule(() -> submit(d), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                d.result.complete(false); // closing
            }
            return;
        }
        counters.failed.increment();
        String why = error != null ? describe(error) : "HTTP " + status;
        lastFailure = d.request.method() + " " + d.request.uri() + ": " + why;
        long now = System.nanoTime();
        long last = lastWarnNanos.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarnNanos.compareAndSet(last, now)) {
            log.warn("simulator: gave up on a webhook after {} attempt(s): {}", d.attempt + 1, lastFailure);
        }
        d.result.complete(false);
    }

    /** Honours a server's {@code Retry-After: <seconds>} (Switchboard sends it when overloaded), capped. */
    private static long retryAfterMillis(HttpResponse<Void> response) {
        if (response == null) return 0;
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Math.min(10_000L, Long.parseLong(v.trim()) * 1000);
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    /** "ConnectException (Connection refused)": the exception's class and message, or its cause's. */
    private static String describe(Exception error) {
        Throwable t = error;
        if ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
            return t.getClass().getSimpleName() + " (" + t.getCause().getClass().getSimpleName() + ")";
        }
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : " (" + msg + ")");
    }

    /** The last delivery given up on and why, for the command line's progress line; null if none. */
    String lastFailure() {
        return lastFailure;
    }

    /**
     * Stops sending: queued deliveries complete as not acknowledged; requests in flight are abandoned
     * (their threads are interrupted) and their answers ignored. Neither counts as a failure.
     */
    void close() {
        closed = true;
        for (Runnable r : senders.shutdownNow()) {
            if (r instanceof Delivery d) d.result.complete(false);
        }
    }
}
