package dev.switchboard.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.audit.AuditLog;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.IsoTime;
import dev.switchboard.http.RequestJson;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

import java.util.Map;

/**
 * A tenant's API keys (tenant admins): {@code GET|POST /api/{client_id}/api-keys},
 * {@code DELETE /api/{client_id}/api-keys/{id}}. The secret is in the POST's answer and nowhere else,
 * ever. {@code POST /api/auth/ws-ticket} gives anyone signed in (or any key) a WebSocket ticket.
 */
public final class ApiKeyRoutes {
    private static final int MAX_NAME = 80;

    record KeyView(long id, String name, String prefix, String scope, String createdBy, String createdAt, String lastUsedAt,
                   String revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.name(), "sbk_" + k.prefix(), k.scope().wire(), k.createdBy(), IsoTime.of(k.createdAt()),
                    k.lastUsedAt() == null ? null : IsoTime.of(k.lastUsedAt()), k.revokedAt() == null ? null : IsoTime.of(k.revokedAt()));
        }
    }

    record CreatedBody(KeyView key, String secret, String note) {}

    record TicketBody(String ticket, long expiresInSeconds) {}

    private final TenantDirectory tenants;
    private final ApiKeys keys;
    private final WsTickets tickets;
    private final AuditLog audit;

    public ApiKeyRoutes(TenantDirectory tenants, ApiKeys keys, WsTickets tickets, AuditLog audit) {
        this.tenants = tenants;
        this.keys = keys;
        this.tickets = tickets;
        this.audit = audit;
    }

    public void list(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        ctx.json(keys.list(tenantId).stream().map(KeyView::of).toList());
    }

    public void create(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        ObjectNode body = RequestJson.object(ctx.body());
        String name = RequestJson.requiredText(body, "name", MAX_NAME);
        String scopeText = RequestJson.text(body, "scope", 20);
        ApiKey.Scope scope = scopeText == null ? ApiKey.Scope.READ : ApiKey.Scope.parse(scopeText)
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_REQUEST, "scope must be read or control"));
        ApiKeys.Created created = keys.create(tenantId, name, scope, Gate.of(ctx).actorName());
        audit.record(tenantId, Gate.of(ctx).auditActor(ctx.ip()), "api_key.created", "sbk_" + created.key().prefix(), AuditLog.Outcome.OK,
                Map.of("name", name, "scope", scope.wire()));
        ctx.status(201).json(new CreatedBody(KeyView.of(created.key()), created.secret(),
                "Copy the key now: it is not shown again. Send it as Authorization: Bearer <key>."));
    }

    public void revoke(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such API key");
        }
        ApiKey key = keys.list(tenantId).stream().filter(k -> k.id() == id).findFirst().orElse(null);
        if (key == null || !keys.revoke(tenantId, id)) throw new ApiException(ErrorCode.NOT_FOUND, "No such live API key for " + tenantId);
        audit.record(tenantId, Gate.of(ctx).auditActor(ctx.ip()), "api_key.revoked", "sbk_" + key.prefix(), AuditLog.Outcome.OK,
                Map.of("name", key.name()));
        ctx.status(204);
    }

    public void wsTicket(Context ctx) {
        Principal p = Gate.of(ctx);
        String ticket;
        if (p instanceof Principal.Key k) {
            ticket = tickets.issue(null, k.key().id());
        } else if (p instanceof Principal.SignedIn s) {
            ticket = tickets.issue(s.identity().user().id(), null);
        } else {
            throw new ApiException(ErrorCode.NOT_SIGNED_IN, "Sign in or send an API key first");
        }
        ctx.json(new TicketBody(ticket, WsTickets.TTL.toSeconds()));
    }
}
