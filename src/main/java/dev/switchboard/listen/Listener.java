package dev.switchboard.listen;

import dev.switchboard.http.Json;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One browser listening to one call: the bounded outbound side of its socket. Audio frames are handed to
 * Jetty without blocking; the bytes Jetty has not yet written are counted, and past about a second of
 * audio a frame is dropped (and counted) instead of queued, so a listener that falls behind loses audio
 * but never grows memory or slows the upstream reader or the other listeners. The format and ended
 * messages are never dropped.
 *
 * <p>Thread-safe: audio comes from the upstream's reader, the ended message from whichever thread ends
 * the upstream, write completions from Jetty.
 */
final class Listener {
    /** The queue bound before the format (and so the byte rate) is known: one second of 16 kHz stereo. */
    static final long DEFAULT_LIMIT_BYTES = 64_000;
    private static final long MIN_LIMIT_BYTES = 8_000;

    final String tenantId;
    final String callId;
    final long connectedAtMillis;
    private final Session session;
    private final CoreSession core;
    private final ListenMetrics metrics;
    private final AtomicLong unwrittenBytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong relayed = new AtomicLong();
    private volatile long limitBytes = DEFAULT_LIMIT_BYTES;
    private volatile boolean closed;
    private volatile AudioFormat format;
    private volatile long formatSentAtMillis;
    private volatile EndReason endReason;
    private volatile String endDetail;
    /** The call's upstream once joined (set under its lock). */
    volatile Upstream upstream;

    Listener(String tenantId, String callId, Session session, ListenMetrics metrics, long connectedAtMillis) {
        this.tenantId = tenantId;
        this.callId = callId;
        this.session = session;
        // Jetty's public API flushes each frame on its own thread-safe path too, but its core session lets us
        // pass a completion callback without an adapter per frame.
        this.core = session instanceof WebSocketSession ws ? ws.getCoreSession() : null;
        this.metrics = metrics;
        this.connectedAtMillis = connectedAtMillis;
    }

    void sendFormat(AudioFormat f) {
        format = f;
        limitBytes = Math.max(MIN_LIMIT_BYTES, f.bytesPerSecond());
        formatSentAtMillis = System.currentTimeMillis();
        sendText(f.message());
    }

    /** Queues the frame unless the listener is a second behind; never blocks. */
    void sendAudio(byte[] frame, long receivedNanos) {
        if (closed) return;
        long size = frame.length;
        if (unwrittenBytes.addAndGet(size) > limitBytes) {
            unwrittenBytes.addAndGet(-size);
            dropped.incrementAndGet();
            metrics.dropped.increment();
            return;
        }
        relayed.incrementAndGet();
        metrics.relayed.increment();
        Callback done = Callback.from(() -> {
            unwrittenBytes.addAndGet(-size);
            metrics.relay.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
        }, failure -> {
            unwrittenBytes.addAndGet(-size);
            closed = true;
        });
        if (core != null) {
            core.sendFrame(new Frame(OpCode.BINARY, ByteBuffer.wrap(frame)), done, false);
        } else {
            session.sendBinary(ByteBuffer.wrap(frame), org.eclipse.jetty.websocket.api.Callback.from(done::succeeded, done::failed));
        }
    }

    /** Sends {@code {"type":"ended",…}} and closes with the reason's code. Idempotent. */
    void end(EndReason reason, String detail) {
        synchronized (this) {
            if (endReason != null) return;
            endReason = reason;
            endDetail = detail;
        }
        if (closed) return;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "ended");
        m.put("reason", reason.wire);
        m.put("message", detail == null ? reason.message : reason.message + " " + detail);
        sendText(Json.write(m));
        closed = true;
        session.close(reason.closeCode, reason.wire, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    /** The browser went away: nothing more is sent. */
    void markClosed() {
        closed = true;
        synchronized (this) {
            if (endReason == null) endReason = EndReason.LISTENER_LEFT;
        }
    }

    private void sendText(String text) {
        if (closed) return;
        if (core != null) {
            core.sendFrame(new Frame(OpCode.TEXT, text), Callback.from(() -> {}, failure -> closed = true), false);
        } else {
            session.sendText(text, org.eclipse.jetty.websocket.api.Callback.from(() -> {}, failure -> closed = true));
        }
    }

    long dropped() {
        return dropped.get();
    }

    long relayed() {
        return relayed.get();
    }

    AudioFormat format() {
        return format;
    }

    /** Milliseconds from connecting to the format message (when audio could start), or null if it never came. */
    Long startLatencyMillis() {
        return format == null ? null : Math.max(0, formatSentAtMillis - connectedAtMillis);
    }

    EndReason endReason() {
        return endReason;
    }

    String endDetail() {
        return endDetail;
    }
}
