package dev.switchboard.simulator;

import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulated calls' {@code monitor} URLs, served by Switchboard itself in demo mode with Vapi's
 * protocols: {@code /simulator/calls/{callId}/listen} (WebSocket, listen-only audio) and
 * {@code /simulator/calls/{callId}/control} (POST). Wire all three handlers:
 * <pre>
 * c.routes.wsBeforeUpgrade("/simulator/calls/{callId}/listen", endpoints::beforeListen);
 * c.routes.ws("/simulator/calls/{callId}/listen", endpoints::listen);
 * c.routes.post("/simulator/calls/{callId}/control", endpoints::control);
 * </pre>
 * The call id is read from the path, so the parameter's name does not matter. Handlers do I/O only;
 * {@link VapiSimulator} does the work. Thread-safe.
 */
public final class SimulatorEndpoints {
    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\",\"statusCode\":401}";

    private final Supplier<VapiSimulator> simulator;

    public SimulatorEndpoints(VapiSimulator simulator) {
        this(() -> simulator);
    }

    /** For a composition root that creates the simulator after the routes: it is looked up per request (null = none yet). */
    public SimulatorEndpoints(Supplier<VapiSimulator> simulator) {
        this.simulator = simulator;
    }

    /**
     * Before the listen upgrade: if the simulator was given a listen key for the call's tenant, the
     * request must carry {@code Authorization: Bearer <key>}, else 401 and no socket. Unknown calls are
     * let through, to be closed with 1008 like Vapi's.
     */
    public void beforeListen(Context ctx) {
        VapiSimulator sim = simulator.get();
        if (sim == null) return;
        LiveCall call = sim.live(callId(ctx.path()));
        if (call != null && !sim.listenAuthorized(call.tenant(), ctx.header("Authorization"))) {
            ctx.status(401).header("WWW-Authenticate", "Bearer").contentType("application/json").result(UNAUTHORIZED);
            ctx.skipRemainingHandlers(); // no upgrade
        }
    }

    /** The listen socket: binary PCM frames (maybe a JSON {@code start} first) until the call ends (1000); unknown or ended call: 1008. */
    public void listen(WsConfig ws) {
        ws.onConnect(ctx -> {
            VapiSimulator sim = simulator.get();
            String id = callId(ctx);
            LiveCall call = sim == null ? null : sim.live(id);
            if (call == null || !call.isLive()) {
                ctx.closeSession(1008, call == null ? "Call not found" : "Call has ended");
                return;
            }
            if (!sim.listenAuthorized(call.tenant(), ctx.header("Authorization"))) {
                ctx.closeSession(1008, "Unauthorized"); // only when beforeListen is not wired
                return;
            }
            sim.listenStreams().join(call, ctx.session);
        });
        ws.onClose(ctx -> leave(ctx));
        ws.onError(ctx -> leave(ctx));
    }

    /** {@code POST …/control}: 200 {@code {"status":"ok"}}, 400 with the validator's messages, 401, or 404 for an unknown or ended call. */
    public void control(Context ctx) {
        VapiSimulator sim = simulator.get();
        String id = callId(ctx.path());
        ControlRecord r = sim == null ? ControlDesk.notFound(ctx.body()) : sim.control(id, ctx.header("Authorization"), ctx.body());
        ctx.status(r.status()).contentType("application/json").result(r.response());
    }

    private void leave(WsContext ctx) {
        VapiSimulator sim = simulator.get();
        if (sim != null) sim.listenStreams().leave(callId(ctx), ctx.session);
    }

    private static String callId(WsContext ctx) {
        Map<String, String> params = ctx.pathParamMap();
        if (params.size() == 1) return params.values().iterator().next();
        return callId(ctx.session.getUpgradeRequest().getRequestURI().getPath());
    }

    /** The segment after {@code /calls/} in {@code …/calls/{callId}/listen|control}. */
    static String callId(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("calls")) return parts[i + 1];
        }
        return "";
    }
}
