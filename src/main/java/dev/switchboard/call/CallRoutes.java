package dev.switchboard.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.IsoTime;
import dev.switchboard.http.Json;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The tenant-scoped read API: the seed's call list and the call detail the dashboard opens. */
public final class CallRoutes {
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    /** The supervisor actions on a call as the API shows them, oldest first (the control feature's audit). */
    @FunctionalInterface
    public interface ActionHistory {
        List<?> of(String tenantId, String callId);
    }

    private final TenantDirectory tenants;
    private final CallQueries queries;
    private final ActionHistory actions;
    private final TenantRoles roles;

    public CallRoutes(TenantDirectory tenants, CallQueries queries, ActionHistory actions, TenantRoles roles) {
        this.tenants = tenants;
        this.queries = queries;
        this.actions = actions;
        this.roles = roles;
    }

    /** {@code GET /api/tenants}: the tenants the asker may see, with their role there, for the tenant picker. */
    public void listTenants(Context ctx) {
        List<TenantView> visible = new ArrayList<>();
        for (Tenant t : tenants.list()) roles.of(ctx, t.id()).ifPresent(role -> visible.add(new TenantView(t.id(), t.name(), role, t.timeZone())));
        ctx.json(visible);
    }

    /** A tenant in the picker, with the asker's role there and its time zone. */
    record TenantView(String id, String name, String role, String timeZone) {}

    /** The asker's role in a tenant ({@code admin}, {@code supervisor}, {@code viewer}), empty when they may not see it. */
    @FunctionalInterface
    public interface TenantRoles {
        Optional<String> of(Context ctx, String tenantId);
    }

    /** {@code GET /api/{client_id}/calls} — the seed contract (snake_case), newest first. */
    public void listCalls(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(queries.recent(tenantId, limit).stream().map(SeedCall::of).toList());
    }

    /**
     * {@code GET /api/{client_id}/calls/{call_id}}: the call, its status timeline, its transcript and the
     * supervisor actions on it (listen sessions included), oldest first.
     */
    public void callDetail(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        String callId = ctx.pathParam("call_id");
        CallQueries.CallDetail d = queries.detail(tenantId, callId);
        ctx.json(new DetailBody(CallView.of(d.call()),
                d.timeline().stream().map(CallRoutes::timelineEntry).toList(),
                d.transcript().stream().map(LineView::of).toList(),
                actions.of(tenantId, callId)));
    }

    record TimelineEntry(long id, String status, String source, String at, JsonNode payload) {}

    record DetailBody(CallView call, List<TimelineEntry> timeline, List<LineView> transcript, List<?> actions) {}

    static TimelineEntry timelineEntry(StatusEvent e) {
        return new TimelineEntry(e.id(), e.status(), e.source(), IsoTime.of(e.createdAt()), Json.readStored(e.payload()));
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) return DEFAULT_LIMIT;
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= 1 && v <= MAX_LIMIT) return v;
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new ApiException(ErrorCode.INVALID_REQUEST, "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
