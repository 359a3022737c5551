package dev.switchboard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.Json;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/audit} (agency admins: every tenant and the agency-wide events, or one with {@code ?tenant=})
 * and {@code GET /api/{client_id}/audit} (the tenant's admins: only its events). Filters: {@code action}
 * (exact, or a prefix ending in '.'), {@code actor} (substring), {@code from}/{@code to} (ISO instants),
 * {@code before} (the previous page's {@code next}) and {@code limit}; newest first.
 */
public final class AuditRoutes {
    private static final int MAX_FILTER = 254;

    record EventView(long id, String tenantId, String at, String actorKind, String actor, String clientAddress, String action,
                     String target, String outcome, JsonNode detail) {
        static EventView of(AuditEvent e) {
            return new EventView(e.id(), e.tenantId(), Instant.ofEpochMilli(e.at()).toString(), e.actorKind().wire(), e.actor(),
                    e.clientAddress(), e.action(), e.target(), e.outcome().wire(), Json.readStored(e.detail()));
        }
    }

    record PageView(List<EventView> items, Long next) {}

    private final TenantDirectory tenants;
    private final AuditLog audit;

    public AuditRoutes(TenantDirectory tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    public void agency(Context ctx) {
        String tenant = ctx.queryParam("tenant");
        AuditQuery base = tenant == null || tenant.isBlank() ? AuditQuery.everything() : AuditQuery.tenant(tenants.require(tenant.trim()).id());
        answer(ctx, base);
    }

    public void tenant(Context ctx) {
        answer(ctx, AuditQuery.tenant(tenants.require(ctx.pathParam("client_id")).id()));
    }

    private void answer(Context ctx, AuditQuery base) {
        AuditQuery.Page page = audit.query(filters(ctx, base));
        ctx.json(new PageView(page.items().stream().map(EventView::of).toList(), page.next()));
    }

    static AuditQuery filters(Context ctx, AuditQuery base) {
        String action = param(ctx, "action");
        if (action != null && !action.matches("[a-z_]+(\\.[a-z_]*)*")) {
            throw invalid("action must be an action like auth.login, or a category ending in a dot like auth.");
        }
        Long from = instant(ctx, "from");
        Long to = instant(ctx, "to");
        if (from != null && to != null && from > to) throw invalid("from must not be after to");
        Long before = number(ctx, "before", 1, Long.MAX_VALUE);
        Long limit = number(ctx, "limit", 1, AuditQuery.MAX_LIMIT);
        return base.withAction(action).withActor(param(ctx, "actor")).between(from, to)
                .page(before, limit == null ? AuditQuery.DEFAULT_LIMIT : limit.intValue());
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() > MAX_FILTER) throw invalid(name + " is longer than " + MAX_FILTER + " characters");
        return v.trim();
    }

    private static Long instant(Context ctx, String name) {
        String v = param(ctx, name);
        if (v == null) return null;
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an ISO instant like 2026-01-31T09:00:00Z");
        }
    }

    private static Long number(Context ctx, String name, long min, long max) {
        String v = param(ctx, name);
        if (v == null) return null;
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // the message below says what is expected
        }
        throw invalid(name + " must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max));
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }
}
