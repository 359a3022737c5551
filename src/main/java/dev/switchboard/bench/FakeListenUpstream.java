package dev.switchboard.bench;

import dev.switchboard.ops.Threads;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for Vapi's {@code listenUrl} sockets in the listen benchmark: one WebSocket per call at
 * {@code /upstream/{callId}}, announcing 16 kHz stereo and then sending a 20 ms frame (1,280 bytes) every 20 ms.
 * Each frame starts with its send time ({@link System#nanoTime}, this JVM) and its call's frame number, so the
 * listeners (in this same JVM) can measure the relay's added latency and count lost frames.
 */
final class FakeListenUpstream implements AutoCloseable {
    static final int FRAME_BYTES = 1_280;
    static final String ANNOUNCE = "{\"type\":\"start\",\"encoding\":\"linear16\",\"container\":\"raw\",\"sampleRate\":16000,\"channels\":2}";

    private final Javalin server;
    private final Map<String, WsContext> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    final AtomicLong connections = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon("upstream-ticker"));

    FakeListenUpstream() {
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.ws("/upstream/{callId}", ws -> {
                ws.onConnect(ctx -> {
                    connections.incrementAndGet();
                    ctx.send(ANNOUNCE);
                    open.put(ctx.sessionId(), ctx);
                });
                ws.onClose(ctx -> forget(ctx.sessionId()));
                ws.onError(ctx -> forget(ctx.sessionId()));
            });
        }).start();
        ticker.scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
    }

    int port() {
        return server.port();
    }

    private void forget(String sessionId) {
        open.remove(sessionId);
        sequences.remove(sessionId);
    }

    private void tick() {
        open.forEach((id, ctx) -> {
            ByteBuffer frame = ByteBuffer.allocate(FRAME_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            frame.putLong(0, System.nanoTime());
            frame.putLong(8, sequences.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet());
            ctx.session.sendBinary(frame, Callback.NOOP);
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        server.stop();
    }
}
