package dev.switchboard.webhook;

import dev.switchboard.http.Json;
import dev.switchboard.simulator.WebhookSigner;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantDirectory;
import dev.switchboard.tenant.WebhookAuth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The settings screen's "send test event": a real Vapi-shaped delivery, signed with the tenant's current webhook
 * auth exactly as Vapi would sign it ({@link WebhookSigner}), sent over real HTTP to this server's own webhook
 * endpoint on the loopback address. It goes through the whole webhook path (tenant, size, authentication,
 * parsing, delivery log). Its type ({@link #TYPE}) has no call, and {@link WebhookRoutes} acknowledges it without
 * storing anything, so it never becomes a call nor reaches the live board. Since it is signed with the stored
 * settings, it proves the route, the verifier and the log work for them; it cannot see what is configured in
 * Vapi (a rejection of Vapi's own deliveries shows in the delivery log). Thread-safe.
 */
public final class TestDelivery {
    public static final String TYPE = "switchboard-test";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * What happened: {@code accepted}, the HTTP status (0 when there was no answer), the error code and reason in
     * words when it was rejected, and how long the round trip took.
     */
    public record Result(boolean accepted, int status, String code, String reason, long latencyMs, String scheme) {}

    private final TenantDirectory tenants;
    private final HttpClient http;
    private final Supplier<URI> self;
    private final DeliveryLog deliveries;
    private final Clock clock;

    /** @param self this server's own base URL on the loopback address (the port is known only once it runs) */
    public TestDelivery(TenantDirectory tenants, HttpClient http, Supplier<URI> self, DeliveryLog deliveries, Clock clock) {
        this.tenants = tenants;
        this.http = http;
        this.self = self;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Whether a parsed message is a test delivery: acknowledged and logged, never stored. */
    static boolean isTest(ParsedWebhook msg) {
        return TYPE.equals(msg.type()) && msg.callId() == null;
    }

    public Result send(String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        WebhookAuth auth = tenants.settings(tenant.id()).webhookAuth();
        long now = clock.millis();
        byte[] body = Json.write(Map.of("message", Map.of("type", TYPE, "timestamp", now,
                "description", "A test delivery from Switchboard's settings screen; it creates no call."))).getBytes(StandardCharsets.UTF_8);
        String scheme = auth.scheme().wire();
        long start = System.nanoTime();
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(self.get().resolve("/webhooks/vapi/" + tenant.id())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("User-Agent", "switchboard-test-delivery")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            WebhookSigner.headers(auth, body, now).forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            long ms = millisSince(start);
            deliveries.flush(); // so the admin sees it in the delivery log at once
            if (r.statusCode() / 100 == 2) return new Result(true, r.statusCode(), null, null, ms, scheme);
            var error = Json.MAPPER.readTree(r.body()).path("error");
            return new Result(false, r.statusCode(), error.path("code").asText("http_" + r.statusCode()),
                    error.path("message").asText("The webhook endpoint answered HTTP " + r.statusCode()), ms, scheme);
        } catch (IllegalArgumentException e) {
            // Java refuses to send some header names (e.g. Host); Vapi could not use them reliably either.
            return new Result(false, 0, "header_not_sendable", "The configured header name cannot be sent by an HTTP client;"
                    + " choose another header in the webhook settings", millisSince(start), scheme);
        } catch (HttpTimeoutException e) {
            return new Result(false, 0, "timeout", "The webhook endpoint did not answer within " + TIMEOUT.toSeconds()
                    + " s; the server may be overloaded", millisSince(start), scheme);
        } catch (IOException e) {
            return new Result(false, 0, "unreachable", "Switchboard could not reach its own webhook endpoint ("
                    + e.getClass().getSimpleName() + ")", millisSince(start), scheme);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the test delivery", e);
        }
    }

    private static long millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6);
    }
}
