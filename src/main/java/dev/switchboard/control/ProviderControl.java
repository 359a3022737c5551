package dev.switchboard.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.Json;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * POSTs a control body to a call's {@code controlUrl} and says how it went, within a hard deadline (connect
 * included), so a slow provider is reported, not hung on. The URL and the key are capabilities: they are
 * never logged or put in any message this class produces. Thread-safe.
 */
final class ProviderControl {
    /** How a post ended. */
    enum Result { ACCEPTED, REJECTED, FAILED, UNREACHABLE, TIMEOUT }

    /**
     * @param status  the provider's HTTP status, or null when it did not answer
     * @param reason  the provider's explanation (for non-2xx) or what went wrong on the way; never a URL
     */
    record Answer(Result result, Integer status, String reason, long latencyMs) {}

    private static final int MAX_REASON = 300;

    private final HttpClient http;
    private final Duration deadline;

    ProviderControl(HttpClient http, Duration deadline) {
        this.http = http;
        this.deadline = deadline;
    }

    Answer post(String controlUrl, String bearerKey, String body) {
        long start = System.nanoTime();
        HttpRequest.Builder b;
        try {
            URI uri = URI.create(controlUrl);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            b = HttpRequest.newBuilder(uri).timeout(deadline)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        } catch (IllegalArgumentException e) {
            return new Answer(Result.UNREACHABLE, null, "the call's control URL is not a valid http(s) URL", 0);
        }
        try {
            if (bearerKey != null && !bearerKey.isEmpty()) b.header("Authorization", "Bearer " + bearerKey);
        } catch (IllegalArgumentException e) {
            return new Answer(Result.UNREACHABLE, null, "the tenant's Vapi public key cannot be sent in a header", 0);
        }
        HttpRequest request = b.build();
        CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> r = sent.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            long ms = millisSince(start);
            int status = r.statusCode();
            if (status >= 200 && status < 300) {
                return errorBody(r.body())
                        ? new Answer(Result.REJECTED, status, reason(r.body(), status), ms)
                        : new Answer(Result.ACCEPTED, status, null, ms);
            }
            return new Answer(status < 500 ? Result.REJECTED : Result.FAILED, status, reason(r.body(), status), ms);
        } catch (TimeoutException e) {
            sent.cancel(true);
            return new Answer(Result.TIMEOUT, null, "no answer within " + deadline.toSeconds() + " s", millisSince(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new Answer(Result.TIMEOUT, null, "no answer within " + deadline.toSeconds() + " s", millisSince(start));
            }
            return new Answer(Result.UNREACHABLE, null, describe(cause), millisSince(start));
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            return new Answer(Result.UNREACHABLE, null, "interrupted", millisSince(start));
        }
    }

    /**
     * Whether a 2xx body is really a refusal: users report Vapi's controlUrl answering 200 while rejecting
     * the body (vapi.md §6.3), so an error-shaped body ({@code statusCode} ≥ 400, or an {@code error} with a
     * {@code message}) counts as rejected rather than as done.
     */
    static boolean errorBody(String body) {
        if (body == null || body.isBlank()) return false;
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) return false;
            if (node.path("statusCode").isNumber() && node.path("statusCode").asInt() >= 400) return true;
            return node.hasNonNull("error") && node.hasNonNull("message");
        } catch (Exception notJson) {
            return false;
        }
    }

    /**
     * The provider's reason: NestJS-style {@code {"message":[…]|"…","error":"…"}} as Vapi answers, else the
     * start of the body, else the status.
     */
    static String reason(String body, int status) {
        String text = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = Json.MAPPER.readTree(body);
                JsonNode message = node.path("message");
                if (message.isArray()) {
                    text = StreamSupport.stream(message.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining("; "));
                } else if (message.isTextual()) {
                    text = message.asText();
                } else if (node.path("error").isTextual()) {
                    text = node.path("error").asText();
                }
            } catch (Exception notJson) {
                text = body;
            }
            if (text == null) text = body;
        }
        if (text == null || text.isBlank()) text = "HTTP " + status;
        text = text.replaceAll("\\p{Cntrl}", " ").strip();
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text;
    }

    /** What went wrong on the way, without the exception's message (which may name the host or URL). */
    private static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) return "connection refused";
            if (c instanceof UnresolvedAddressException || c instanceof java.net.UnknownHostException) return "unknown host";
            if (c instanceof javax.net.ssl.SSLException) return "TLS handshake failed";
            if (c instanceof java.io.IOException && "HTTP/1.1 header parser received no bytes".equals(c.getMessage())) {
                return "connection closed without an answer";
            }
        }
        return "network error (" + t.getClass().getSimpleName() + ")";
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
