package dev.switchboard.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.auth.Gate;
import dev.switchboard.http.RequestJson;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

import java.util.Map;

/**
 * {@code POST /api/{client_id}/calls/{call_id}/{action}} for transfer, end, say, whisper, mute and unmute:
 * JSON in, {@code {"action": Action}} out. The actor is the signed-in user or API key the gate let in,
 * recorded with the client's address.
 */
public final class ControlRoutes {
    private final TenantDirectory tenants;
    private final CallControl control;

    public ControlRoutes(TenantDirectory tenants, CallControl control) {
        this.tenants = tenants;
        this.control = control;
    }

    /** The handler for one action; {@code App} routes each action's path to it. */
    public io.javalin.http.Handler handler(String action) {
        return ctx -> perform(ctx, action);
    }

    private void perform(Context ctx, String action) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        ObjectNode body = RequestJson.object(ctx.body());
        // The audit names who the gate let in, never a name the client claims.
        String name = Gate.of(ctx).actorName();
        ActionView done = control.perform(tenantId, ctx.pathParam("call_id"), action, body, Actor.of(name, ctx.ip()));
        ctx.json(Map.of("action", done));
    }
}
