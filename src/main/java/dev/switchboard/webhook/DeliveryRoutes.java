package dev.switchboard.webhook;

import dev.switchboard.db.Database;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.IsoTime;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

import java.util.List;

/**
 * {@code GET /api/{client_id}/webhook-deliveries?limit=&outcome=}: the tenant's webhook delivery log, newest
 * first; {@code POST /api/{client_id}/settings/test-webhook}: send a test delivery ({@link TestDelivery}) and
 * say how it went. Tenant admins only (declared in App).
 */
public final class DeliveryRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** A log row on the wire. */
    public record DeliveryView(long id, String provider, String outcome, String type, String reason, String detail, long count,
                               String firstAt, String at) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.provider(), d.outcome(), d.messageType(), d.reason(), d.detail(), d.count(),
                    IsoTime.of(d.firstAt()), IsoTime.of(d.lastAt()));
        }
    }

    private final TenantDirectory tenants;
    private final Database database;
    private final TestDelivery test;

    public DeliveryRoutes(TenantDirectory tenants, Database database, TestDelivery test) {
        this.tenants = tenants;
        this.database = database;
        this.test = test;
    }

    public void sendTest(Context ctx) {
        ctx.json(test.send(ctx.pathParam("client_id")));
    }

    public void list(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        int limit = limit(ctx.queryParam("limit"));
        String outcome = ctx.queryParam("outcome");
        if (outcome != null && !outcome.equals(Delivery.ACCEPTED) && !outcome.equals(Delivery.REJECTED)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "outcome must be accepted or rejected");
        }
        List<DeliveryView> rows = database.read(h -> new DeliveryLogRepository(h).latest(tenantId, outcome, limit))
                .stream().map(DeliveryView::of).toList();
        ctx.json(rows);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiException(ErrorCode.INVALID_REQUEST, "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
