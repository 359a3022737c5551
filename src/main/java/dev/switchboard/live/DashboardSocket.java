package dev.switchboard.live;

import dev.switchboard.call.CallQueries;
import dev.switchboard.config.AppConfig;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.IsoTime;
import dev.switchboard.ops.Threads;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code GET /ws/dashboard?client_id=X}: a snapshot of the tenant's live and recent calls, then every
 * delta for that tenant only. Pings every interval (a WebSocket ping frame for dead-peer detection by
 * idle timeout, plus a {@code ping} message the browser can see).
 */
public final class DashboardSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DashboardSocket.class);
    private static final String TENANT = "tenant";

    /**
     * Jetty's per-socket write buffer (its default is 4 KiB). Jetty holds a frame back for the next flush only when it
     * is under a quarter of this buffer, and a call's update is often over 1 KiB, so at the default most frames were
     * written the moment they were offered: a system call per message per socket instead of one per socket per flush.
     * 32 KiB holds frames up to 8 KiB until {@link SocketOutbox} flushes (larger ones, like snapshots, go out on their
     * own). Jetty takes the buffer from its pool only while a socket has frames waiting, and gives it back once they
     * are written.
     */
    public static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

    private final TenantDirectory tenants;
    private final LiveHub hub;
    private final Function<String, CallQueries.Snapshot> snapshots;
    private final AppConfig.LiveSettings settings;
    private final Clock clock;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(Threads.daemon("ws-pinger"));

    /** An open socket; {@code lastPong} is 0 until the client shows it answers pings. */
    private static final class Open {
        final String tenantId;
        final SocketOutbox outbox;
        final Session session;
        volatile long lastPong;

        Open(String tenantId, SocketOutbox outbox, Session session) {
            this.tenantId = tenantId;
            this.outbox = outbox;
            this.session = session;
        }
    }

    public DashboardSocket(TenantDirectory tenants, LiveHub hub, Function<String, CallQueries.Snapshot> snapshots,
                           AppConfig.LiveSettings settings, Clock clock) {
        this.tenants = tenants;
        this.hub = hub;
        this.snapshots = snapshots;
        this.settings = settings;
        this.clock = clock;
        long every = settings.pingInterval().toMillis();
        pinger.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Runs before the upgrade: unknown or missing tenants get a normal HTTP error instead of a socket. */
    public void beforeUpgrade(Context ctx) {
        resolve(ctx.queryParam("client_id"));
    }

    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onClose(ctx -> closed(ctx.sessionId()));
        ws.onError(ctx -> closed(ctx.sessionId()));
        ws.onMessage(ctx -> {
            // Our client answers each ping message with {"type":"pong"}; that opts it into dead-peer detection.
            Open o = open.get(ctx.sessionId());
            if (o != null && ctx.message().contains("\"pong\"")) o.lastPong = clock.millis();
        });
    }

    private Tenant resolve(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "client_id query parameter is required: /ws/dashboard?client_id=<tenant>");
        }
        return tenants.require(clientId);
    }

    private void connected(WsContext ctx) {
        Tenant tenant;
        try {
            tenant = resolve(ctx.queryParam("client_id"));
        } catch (ApiException e) {
            ctx.closeSession(4404, e.getMessage());
            return;
        }
        // Backstop for clients that never answer our ping messages; the pong check in pingAll() fires first.
        ctx.session.setIdleTimeout(settings.pingInterval().multipliedBy(6));
        SocketOutbox outbox = new SocketOutbox(ctx.session, settings.queueLimit());
        open.put(ctx.sessionId(), new Open(tenant.id(), outbox, ctx.session));
        long seq = hub.subscribe(tenant.id(), outbox);
        try {
            CallQueries.Snapshot snapshot = snapshots.apply(tenant.id());
            outbox.release(LiveMessage.encode(new LiveMessage.Snapshot(tenant.id(), seq, IsoTime.of(clock.millis()),
                    snapshot.calls(), snapshot.lastLines())));
        } catch (RuntimeException e) {
            log.error("could not load the snapshot for {}", tenant.id(), e);
            outbox.close(1011, "snapshot unavailable; retry");
            closed(ctx.sessionId());
        }
    }

    private void closed(String sessionId) {
        Open o = open.remove(sessionId);
        if (o != null) {
            o.outbox.markClosed();
            hub.unsubscribe(o.tenantId, o.outbox);
        }
    }

    private void pingAll() {
        long now = clock.millis();
        long deadAfter = settings.pingInterval().toMillis() * 3;
        ByteBuffer ping = LiveMessage.encode(new LiveMessage.Ping(IsoTime.of(now)));
        open.forEach((id, o) -> {
            if (o.lastPong > 0 && now - o.lastPong > deadAfter) {
                o.outbox.close(4002, "no pong for " + deadAfter + " ms");
                closed(id);
                return;
            }
            // A protocol-level ping too: browsers answer it on their own, which keeps proxies from idling us out.
            o.session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            if (o.outbox.offer(ping)) {
                o.outbox.flush();
            } else {
                o.outbox.overflowed();
                closed(id);
            }
        });
    }

    public int openCount() {
        return open.size();
    }

    @Override
    public void close() {
        pinger.shutdownNow();
    }
}
