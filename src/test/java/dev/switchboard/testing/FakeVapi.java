package dev.switchboard.testing;

import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.Callback;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for a provider's per-call {@code listenUrl} and {@code controlUrl}, for the relay and
 * control edge cases the simulator does not produce on demand (abrupt drops, streams far faster than real
 * time, slow or failing control endpoints). Each listen socket streams numbered frames: the first four
 * bytes of frame n are n (big-endian), the rest a pattern derived from n.
 */
public final class FakeVapi implements AutoCloseable {
    /** What a listen socket streams. {@code frames} < 0 streams until closed. */
    public record Stream(String announcement, int frameBytes, Duration interval, int frames) {
        public static Stream stereo() {
            return new Stream(null, 1280, Duration.ofMillis(20), -1);
        }

        public static Stream mono() {
            return new Stream(null, 640, Duration.ofMillis(20), -1);
        }

        public static Stream announced(int channels) {
            return new Stream("{\"type\":\"start\",\"encoding\":\"linear16\",\"container\":\"raw\",\"sampleRate\":16000,\"channels\":"
                    + channels + "}", 640 * channels, Duration.ofMillis(20), -1);
        }

        public Stream fast(int frameBytes, Duration interval) {
            return new Stream(announcement, frameBytes, interval, frames);
        }
    }

    /** How the control endpoint answers. */
    public record Answer(int status, String body, Duration delay) {
        public static Answer ok() {
            return new Answer(200, "{\"status\":\"ok\"}", Duration.ZERO);
        }
    }

    private final Javalin server;
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-vapi");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Map<String, List<WsContext>> sockets = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> connects = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** Every Authorization header seen, listen and control ("" when absent). */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Every control body received, per call, in order. */
    public final Map<String, List<String>> controlBodies = new ConcurrentHashMap<>();

    public FakeVapi() {
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.ws("/calls/{id}/listen", ws -> {
                ws.onConnect(ctx -> {
                    String id = ctx.pathParam("id");
                    authorizations.add(orEmpty(ctx.header("Authorization")));
                    connects.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    sockets.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(ctx);
                    start(id, ctx, streams.getOrDefault(id, Stream.stereo()));
                });
                ws.onClose(ctx -> stop(ctx));
                ws.onError(ctx -> stop(ctx));
            });
            c.routes.post("/calls/{id}/control", ctx -> {
                String id = ctx.pathParam("id");
                authorizations.add(orEmpty(ctx.header("Authorization")));
                controlBodies.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(ctx.body());
                Answer a = answers.getOrDefault(id, Answer.ok());
                if (!a.delay().isZero()) {
                    try {
                        Thread.sleep(a.delay().toMillis());
                    } catch (InterruptedException stopping) {
                        return;
                    }
                }
                ctx.status(a.status()).contentType("application/json").result(a.body());
            });
        }).start();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private void start(String id, WsContext ctx, Stream s) {
        if (s.announcement() != null) ctx.session.sendText(s.announcement(), Callback.NOOP);
        AtomicInteger n = new AtomicInteger();
        ScheduledFuture<?> task = pacer.scheduleAtFixedRate(() -> {
            int i = n.getAndIncrement();
            if (s.frames() >= 0 && i >= s.frames()) return;
            if (ctx.session.isOpen()) ctx.session.sendBinary(ByteBuffer.wrap(frame(i, s.frameBytes())), Callback.NOOP);
        }, 0, s.interval().toNanos(), TimeUnit.NANOSECONDS);
        running.put(ctx.sessionId(), task);
    }

    private void stop(WsContext ctx) {
        ScheduledFuture<?> t = running.remove(ctx.sessionId());
        if (t != null) t.cancel(false);
        sockets.values().forEach(list -> list.remove(ctx));
    }

    /** Frame n: n in the first four bytes (big-endian), then a pattern derived from n. */
    public static byte[] frame(int n, int size) {
        byte[] b = new byte[size];
        for (int i = 4; i < size; i++) b[i] = (byte) (n * 31 + i * 7);
        ByteBuffer.wrap(b).putInt(n);
        return b;
    }

    public static int seq(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt();
    }

    public void stream(String callId, Stream s) {
        streams.put(callId, s);
    }

    public void answer(String callId, Answer a) {
        answers.put(callId, a);
    }

    public String listenUrl(String callId) {
        return "ws://127.0.0.1:" + server.port() + "/calls/" + callId + "/listen";
    }

    public String controlUrl(String callId) {
        return "http://127.0.0.1:" + server.port() + "/calls/" + callId + "/control";
    }

    public int connects(String callId) {
        AtomicInteger n = connects.get(callId);
        return n == null ? 0 : n.get();
    }

    public int openSockets(String callId) {
        return (int) sockets.getOrDefault(callId, List.of()).stream().filter(c -> c.session.isOpen()).count();
    }

    /** Closes the call's listen sockets with the code (1000 = the call ended on the provider's side). */
    public void closeListen(String callId, int code) {
        sockets.getOrDefault(callId, List.of()).forEach(c -> c.session.close(code, "bye", Callback.NOOP));
    }

    /** Cuts the call's listen sockets without a close frame, like a network failure. */
    public void dropListen(String callId) {
        sockets.getOrDefault(callId, List.of()).forEach(c -> c.session.disconnect());
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        server.stop();
    }
}
