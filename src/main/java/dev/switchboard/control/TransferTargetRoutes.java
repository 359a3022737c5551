package dev.switchboard.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.audit.AuditLog;
import dev.switchboard.auth.Gate;
import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.RequestJson;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tenant's transfer targets: {@code GET} and {@code POST /api/{client_id}/transfer-targets},
 * {@code DELETE /api/{client_id}/transfer-targets/{id}}.
 */
public final class TransferTargetRoutes {
    static final int MAX_NAME = 80;

    private final TenantDirectory tenants;
    private final Database database;
    private final GroupCommitter writer;
    private final Clock clock;
    private final AuditLog audit;

    public TransferTargetRoutes(TenantDirectory tenants, Database database, GroupCommitter writer, Clock clock, AuditLog audit) {
        this.tenants = tenants;
        this.database = database;
        this.writer = writer;
        this.clock = clock;
        this.audit = audit;
    }

    /** {@code [{"id","name","number","sipUri"}]}, by name. */
    public void list(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        ctx.json(database.read(h -> new TransferTargetRepository(h).list(tenantId)));
    }

    /** {@code {"name","number"?,"sipUri"?}} → 201 with the target; 409 {@code duplicate_name}. */
    public void create(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        ObjectNode body = RequestJson.object(ctx.body());
        String name = RequestJson.requiredText(body, "name", MAX_NAME);
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "name must not contain control characters");
        }
        String rawNumber = RequestJson.text(body, "number", 64);
        String rawSip = RequestJson.text(body, "sipUri", 300);
        if (rawNumber == null && rawSip == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Give a number (E.164, e.g. +14155550100), a sipUri, or both");
        }
        String number = rawNumber == null ? null : Destinations.number(rawNumber);
        String sipUri = rawSip == null ? null : Destinations.sipUri(rawSip);
        TransferTarget created = writer.submitAndWait(h -> new TransferTargetRepository(h).insert(tenantId, name, number, sipUri, clock.millis()))
                .orElseThrow(() -> new ApiException(ErrorCode.DUPLICATE_NAME, "There is already a transfer target named '" + name + "'"));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("number", number);
        detail.put("sipUri", sipUri);
        audit.record(tenantId, Gate.of(ctx).auditActor(ctx.ip()), "transfer_target.created", name, AuditLog.Outcome.OK, detail);
        ctx.status(201).json(created);
    }

    /** 204, or 404 {@code transfer_target_not_found} when the tenant has no such target. */
    public void delete(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        String raw = ctx.pathParam("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw notFound(tenantId, raw);
        }
        TransferTarget target = database.read(h -> new TransferTargetRepository(h).find(tenantId, id)).orElseThrow(() -> notFound(tenantId, raw));
        if (!writer.submitAndWait(h -> new TransferTargetRepository(h).delete(tenantId, id))) throw notFound(tenantId, raw);
        audit.record(tenantId, Gate.of(ctx).auditActor(ctx.ip()), "transfer_target.deleted", target.name(), AuditLog.Outcome.OK,
                Map.of("id", id));
        ctx.status(204);
    }

    private static ApiException notFound(String tenantId, String id) {
        return new ApiException(ErrorCode.TRANSFER_TARGET_NOT_FOUND,
                "No transfer target '" + Destinations.printable(id) + "' for client '" + tenantId + "'");
    }
}
