package dev.switchboard.analytics;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

/** The analytics API: a tenant's numbers in its time zone, and the agency overview. I/O only. */
public final class AnalyticsRoutes {
    private final TenantDirectory tenants;
    private final AnalyticsQueries queries;

    public AnalyticsRoutes(TenantDirectory tenants, AnalyticsQueries queries) {
        this.tenants = tenants;
        this.queries = queries;
    }

    /** {@code GET /api/{client_id}/analytics/summary?range=today|7d|30d|90d|custom&from=&to=}: KPIs with the previous period, breakdowns. */
    public void summary(Context ctx) {
        Tenant t = tenants.require(ctx.pathParam("client_id"));
        String range = ctx.queryParam("range");
        ctx.json(queries.summary(t, range == null || range.isBlank() ? "today" : range, ctx.queryParam("from"), ctx.queryParam("to")));
    }

    /** {@code GET /api/{client_id}/analytics/trend?days=7|30|90}: per local day. */
    public void trend(Context ctx) {
        Tenant t = tenants.require(ctx.pathParam("client_id"));
        String days = ctx.queryParam("days");
        int n = switch (days == null || days.isBlank() ? "30" : days) {
            case "7" -> 7;
            case "30" -> 30;
            case "90" -> 90;
            default -> throw new ApiException(ErrorCode.INVALID_REQUEST, "days must be 7, 30 or 90 (got '" + days + "')");
        };
        ctx.json(queries.trend(t, n));
    }

    /** {@code GET /api/{client_id}/analytics/hourly}: today per local hour against the usual for this weekday. */
    public void hourly(Context ctx) {
        ctx.json(queries.hourly(tenants.require(ctx.pathParam("client_id"))));
    }

    /** {@code GET /api/analytics/overview}: every tenant (agency admins only, enforced by the gate). */
    public void overview(Context ctx) {
        ctx.json(queries.overview(tenants.list()));
    }
}
