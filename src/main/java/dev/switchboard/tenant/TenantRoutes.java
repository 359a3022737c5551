package dev.switchboard.tenant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.audit.AuditLog;
import dev.switchboard.auth.Gate;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.RequestJson;
import io.javalin.http.Context;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tenants for agency admins: {@code POST /api/tenants} {@code {"id","name"}} and {@code PATCH /api/tenants/{id}}
 * {@code {"name"}}. ({@code GET /api/tenants}, filtered by membership, is in CallRoutes.) Audited.
 */
public final class TenantRoutes {
    /** A tenant id made here is a URL slug: it appears in webhook URLs given to providers. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    static final int MAX_NAME = 120;

    record TenantView(String id, String name) {}

    private final TenantDirectory tenants;
    private final AuditLog audit;

    public TenantRoutes(TenantDirectory tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    public void create(Context ctx) {
        ObjectNode body = RequestJson.object(ctx.body());
        String id = RequestJson.requiredText(body, "id", 63);
        if (!ID.matcher(id).matches()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "id must be 2-63 lowercase letters, digits and '-', starting with a letter or digit"
                    + " (it becomes part of the webhook URL), e.g. acme-dental");
        }
        String name = name(body);
        if (!tenants.ensure(id, name)) {
            throw new ApiException(ErrorCode.ALREADY_EXISTS, "A client with the id '" + id + "' already exists: choose another id");
        }
        audit.record(id, Gate.of(ctx).auditActor(ctx.ip()), "tenant.created", id, AuditLog.Outcome.OK, Map.of("name", name));
        ctx.status(201).json(new TenantView(id, name));
    }

    public void rename(Context ctx) {
        Tenant before = tenants.require(ctx.pathParam("id"));
        String name = name(RequestJson.object(ctx.body()));
        Tenant after = tenants.rename(before.id(), name);
        audit.record(after.id(), Gate.of(ctx).auditActor(ctx.ip()), "tenant.renamed", after.id(), AuditLog.Outcome.OK,
                Map.of("from", before.name(), "to", after.name()));
        ctx.json(new TenantView(after.id(), after.name()));
    }

    private static String name(ObjectNode body) {
        String name = RequestJson.requiredText(body, "name", MAX_NAME);
        if (name.chars().anyMatch(Character::isISOControl)) throw new ApiException(ErrorCode.INVALID_REQUEST, "name must not contain control characters");
        return name;
    }
}
