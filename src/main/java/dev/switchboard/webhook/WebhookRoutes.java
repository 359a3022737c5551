package dev.switchboard.webhook;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.Json;
import dev.switchboard.http.JsonLimits;
import dev.switchboard.ops.Metrics;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantDirectory;
import dev.switchboard.webhook.vapi.VapiAuthenticator;
import dev.switchboard.webhook.vapi.VapiParser;
import dev.switchboard.webhook.vapi.VapiReplies;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code POST /webhooks/vapi/{client_id}}: resolve the tenant → check size → authenticate (the tenant's
 * scheme, on the raw bytes) → parse → store and apply → answer. The answer is sent only after the commit,
 * so a 2xx means the message is durably stored. A rejection stores nothing in the call data; it is counted
 * in the metrics and noted in the tenant's {@link DeliveryLog}.
 *
 * <p>Most deliveries never reach {@link #vapi}: {@link WebhookFastPath} runs the same checks and storing in front
 * of Javalin, without a thread waiting for the commit, and hands this route everything else (every rejection
 * included), so the answers to bad input are defined here alone.
 */
public final class WebhookRoutes {
    private final TenantDirectory tenants;
    private final WebhookIngest ingest;
    private final Metrics metrics;
    private final DeliveryLog deliveries;
    private final long maxBytes;
    private final Clock clock;

    public WebhookRoutes(TenantDirectory tenants, WebhookIngest ingest, Metrics metrics, DeliveryLog deliveries, long maxBytes,
                         Clock clock) {
        this.tenants = tenants;
        this.ingest = ingest;
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /**
     * {@code GET /webhooks/vapi/{client_id}}: whether this is a webhook URL Switchboard accepts (opening it in
     * a browser checks the URL before pasting it into Vapi; the simulator checks its tenants the same way).
     * It tells no more than a POST's answer does.
     */
    public void probe(Context ctx) {
        var tenant = tenants.require(ctx.pathParam("client_id"));
        ctx.json(java.util.Map.of("tenant", tenant.id(), "provider", VapiParser.PROVIDER,
                "message", "Vapi webhooks for " + tenant.id() + " are accepted here (POST)."));
    }

    /** A delivery that passed every check (tenant, size, authentication, parsing), ready to store. */
    record Checked(Tenant tenant, ParsedWebhook msg, byte[] body, long startNanos) {
        boolean isTest() {
            return TestDelivery.isTest(msg);
        }
    }

    public void vapi(Context ctx) throws IOException {
        long start = System.nanoTime();
        Checked ok;
        byte[] body = null;
        Tenant tenant = null;
        try {
            tenant = tenants.require(ctx.pathParam("client_id"));
            if (ctx.contentLength() > maxBytes) {
                JsonLimits.drainBeforeRefusing(ctx);
                throw tooLarge();
            }
            body = readBody(ctx);
            ok = check(tenant, ctx::header, body, start);
        } catch (ApiException e) {
            metrics.webhookRejected(VapiParser.PROVIDER, e.code());
            if (tenant != null) {
                deliveries.rejected(tenant.id(), VapiParser.PROVIDER, body != null && body.length <= maxBytes ? body : null,
                        e.code().code(), e.getMessage());
            }
            throw e;
        }
        if (ok.isTest()) {
            // The settings screen's test: it went through authentication like any delivery; nothing to store.
            deliveries.accepted(tenant.id(), VapiParser.PROVIDER, ok.msg().type());
            reply(ctx, ok.msg().reply());
            return;
        }
        reply(ctx, stored(ok, ingest.accept(tenant.id(), ok.msg(), body)));
    }

    /**
     * The checks after the tenant: size, authentication (the tenant's scheme, on the raw bytes), parsing. Records
     * nothing; the caller decides what a rejection means.
     */
    Checked check(Tenant tenant, Function<String, String> headers, byte[] body, long startNanos) {
        if (body.length > maxBytes) throw tooLarge();
        VapiAuthenticator.verify(tenants.webhookAuth(tenant.id()), headers, body, clock.millis());
        return new Checked(tenant, VapiParser.parse(body, clock.millis()), body, startNanos);
    }

    /** Like {@link #check}, for the fast path: the known tenant's delivery that passes, else null. */
    Checked checkQuietly(String clientId, Function<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        Tenant tenant = tenants.find(clientId).orElse(null);
        if (tenant == null) return null;
        try {
            return check(tenant, headers, body, start);
        } catch (ApiException rejected) {
            return null;
        }
    }

    /** Stores a checked delivery without blocking; the future completes after the commit. */
    CompletableFuture<WebhookIngest.Outcome> store(Checked ok) {
        return ingest.acceptAsync(ok.tenant().id(), ok.msg(), ok.body());
    }

    /** Counts a stored delivery and logs it for the tenant; returns the reply body to send. */
    byte[] stored(Checked ok, WebhookIngest.Outcome outcome) {
        metrics.webhookAccepted(VapiParser.PROVIDER, ok.msg().type(), outcome.duplicate(), System.nanoTime() - ok.startNanos());
        deliveries.accepted(ok.tenant().id(), VapiParser.PROVIDER, ok.msg().type());
        return replyBytes(ok.msg().reply());
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * The body in one array of its declared length. Javalin's reader copies it through an 8 KB buffer and a
     * growing stream (about ten times the bytes of a typical webhook in garbage); bodies without a length
     * (chunked) still go through it, with its size limit.
     */
    private static byte[] readBody(Context ctx) throws IOException {
        long declared = ctx.contentLength();
        if (declared < 0) return ctx.bodyAsBytes();
        byte[] body = new byte[(int) declared];
        int read = ctx.req().getInputStream().readNBytes(body, 0, body.length);
        if (read < body.length) throw new ApiException(ErrorCode.MALFORMED_JSON, "The body ended after " + read + " of its " + declared + " bytes");
        return body;
    }

    private static final byte[] RECEIVED = Json.writeBytes(VapiReplies.RECEIVED);

    private static byte[] replyBytes(Object reply) {
        return reply == VapiReplies.RECEIVED ? RECEIVED : Json.writeBytes(reply);
    }

    private static void reply(Context ctx, Object reply) throws IOException {
        reply(ctx, replyBytes(reply));
    }

    /**
     * Writes the reply straight to the response: Javalin's result pipeline copies every body through a
     * fresh 8 KB buffer, a fifth of all allocation at thousands of webhooks a second.
     */
    private static void reply(Context ctx, byte[] bytes) throws IOException {
        ctx.contentType("application/json");
        ctx.res().setContentLength(bytes.length);
        ctx.outputStream().write(bytes);
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than the " + maxBytes
                + "-byte limit (SWITCHBOARD_MAX_WEBHOOK_BYTES)");
    }
}
