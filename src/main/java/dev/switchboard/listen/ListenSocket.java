package dev.switchboard.listen;

import dev.switchboard.auth.Gate;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRepository;
import dev.switchboard.control.ActionLog;
import dev.switchboard.control.Actor;
import dev.switchboard.control.SupervisorAction;
import dev.switchboard.db.Database;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorBody;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.ErrorHandlers;
import dev.switchboard.http.Json;
import dev.switchboard.http.RequestIds;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /ws/listen/{call_id}?client_id=X&name=…}: a browser listening to one live call through the
 * relay. Checked before the upgrade (unknown tenant or call → 404, ended call → 409 {@code call_not_live},
 * no provider audio → 409 {@code no_audio}); then a format message, the call's audio frames, and at the
 * end an {@code ended} message with close code 4000 (call ended) or 1011 (provider stream failed). Each
 * session is one {@code listen} row in the call's audit.
 */
public final class ListenSocket {
    private static final Logger log = LoggerFactory.getLogger(ListenSocket.class);
    /** A listener whose socket writes nothing for this long (its network stalled) is closed by Jetty. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final TenantDirectory tenants;
    private final Database database;
    private final ListenRelay relay;
    private final ActionLog actions;
    private final Clock clock;
    private final Map<String, Session> open = new ConcurrentHashMap<>();

    private record Session(Listener listener, CompletableFuture<Long> auditRow) {}

    public ListenSocket(TenantDirectory tenants, Database database, ListenRelay relay, ActionLog actions, Clock clock) {
        this.tenants = tenants;
        this.database = database;
        this.relay = relay;
        this.actions = actions;
        this.clock = clock;
    }

    /** Runs before the upgrade: every refusal is a normal HTTP error instead of a socket. */
    public void beforeUpgrade(Context ctx) {
        try {
            Call call = listenable(ctx.queryParam("client_id"), ctx.pathParam("call_id"));
            if (call.isEnded()) throw new ApiException(ErrorCode.CALL_NOT_LIVE, "The call has ended; there is nothing to listen to");
        } catch (ApiException e) {
            ErrorHandlers.refuseUpgrade(ctx, e);
            throw e; // stops the upgrade
        }
    }

    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onClose(ctx -> closed(ctx.sessionId()));
        ws.onError(ctx -> closed(ctx.sessionId()));
        // Listen sockets are one-way; whatever a browser sends is ignored.
    }

    /** The tenant's call with provider audio, or the API error that says why not. */
    private Call listenable(String clientId, String callId) {
        if (clientId == null || clientId.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "client_id query parameter is required: /ws/listen/<call_id>?client_id=<tenant>");
        }
        String tenantId = tenants.require(clientId).id();
        Call call = database.read(h -> new CallRepository(h).find(tenantId, callId)).orElseThrow(() ->
                new ApiException(ErrorCode.CALL_NOT_FOUND, "No call '" + printable(callId) + "' for client '" + tenantId + "'"));
        if (call.listenUrl() == null && !call.isEnded()) { // an ended call is "not live" whatever it had
            throw new ApiException(ErrorCode.NO_AUDIO, "The provider gave no listen URL for this call (enable monitorPlan.listenEnabled)");
        }
        return call;
    }

    private void connected(WsConnectContext ctx) {
        Call call;
        try {
            call = listenable(ctx.queryParam("client_id"), ctx.pathParam("call_id"));
        } catch (ApiException e) {
            ctx.closeSession(4000 + e.code().status(), e.code().code());
            return;
        }
        ctx.session.setIdleTimeout(IDLE_TIMEOUT);
        long now = clock.millis();
        Listener listener = new Listener(call.tenantId(), call.id(), ctx.session, relay.metrics(), now);
        Actor actor = Actor.of(Gate.of(ctx).actorName(), address(ctx.session.getRemoteSocketAddress()));
        CompletableFuture<Long> row = actions.recordLater(new SupervisorAction(0, call.tenantId(), call.id(), SupervisorAction.LISTEN,
                actor.name(), actor.address(), "{}", SupervisorAction.OK, null, null, null, now, null, null));
        open.put(ctx.sessionId(), new Session(listener, row));
        if (call.isEnded()) {
            // It ended between the upgrade check and now.
            listener.end(EndReason.CALL_ENDED, null);
            return;
        }
        relay.join(listener, call.listenUrl(), tenants.settings(call.tenantId()));
    }

    private void closed(String sessionId) {
        Session s = open.remove(sessionId);
        if (s == null) return;
        Listener l = s.listener();
        l.markClosed();
        relay.leave(l);
        EndReason reason = l.endReason();
        Map<String, Object> parameters = new LinkedHashMap<>();
        AudioFormat f = l.format();
        if (f != null) {
            parameters.put("format", f.describe());
            parameters.put("formatSource", f.source());
        }
        parameters.put("framesRelayed", l.relayed());
        String detail = reason.wire + (l.endDetail() == null ? "" : ": " + l.endDetail());
        actions.finishListenLater(l.tenantId, s.auditRow(), Json.write(parameters),
                        reason == EndReason.UPSTREAM_ERROR ? SupervisorAction.FAILED : SupervisorAction.OK, detail,
                        l.startLatencyMillis(), clock.millis(), l.dropped())
                .exceptionally(e -> {
                    log.warn("could not record the end of a listen session on {}/{}: {}", l.tenantId, l.callId, e.toString());
                    return false;
                });
    }

    private static String address(java.net.SocketAddress a) {
        if (a instanceof InetSocketAddress i) return i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString();
        return a == null ? null : a.toString();
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /**
     * At shutdown, after the relay has ended every listener: records the end of sessions whose close Jetty
     * has not reported yet, so their audit rows are written before the database writer stops.
     */
    public void close() {
        List.copyOf(open.keySet()).forEach(this::closed);
    }
}
