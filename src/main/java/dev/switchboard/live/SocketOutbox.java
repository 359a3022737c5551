package dev.switchboard.live;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded outbound side of one WebSocket. Offered frames are queued in Jetty as a batch and written
 * together on {@link #flush} — during a burst that is one write per socket instead of one per message.
 * What bounds memory is the count of frames not yet written: past the limit the socket is a slow
 * consumer and gets dropped. Starts held, so the snapshot goes out before any delta that arrived while
 * it was being read.
 *
 * <p>Thread-safe: offers come from the fan-out thread and the pinger, completions from Jetty.
 */
final class SocketOutbox implements LiveSink {
    /** Close code sent to a consumer that fell behind; the client reconnects and resyncs. */
    static final int SLOW_CONSUMER = 4008;

    private final Session session;
    private final CoreSession core;
    private final int limit;
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Callback written;
    private List<ByteBuffer> held = new ArrayList<>();
    private boolean unflushed;
    private volatile boolean closed;

    SocketOutbox(Session session, int limit) {
        this.session = session;
        // Jetty's public API flushes every frame on its own; its core session can batch them.
        this.core = session instanceof WebSocketSession ws ? ws.getCoreSession() : null;
        this.limit = limit;
        this.written = Callback.from(unwritten::decrementAndGet, failure -> markClosed());
    }

    @Override
    public boolean offer(ByteBuffer message) {
        if (closed) return true; // being removed; nothing to do
        if (unwritten.incrementAndGet() > limit) {
            unwritten.decrementAndGet();
            return false;
        }
        synchronized (this) {
            if (held != null) {
                held.add(message);
            } else {
                send(message);
            }
        }
        return true;
    }

    @Override
    public synchronized void flush() {
        if (!unflushed || closed) return;
        unflushed = false;
        if (core != null) core.flush(Callback.NOOP);
    }

    /** Sends {@code first} and then everything offered while held. */
    void release(ByteBuffer first) {
        synchronized (this) {
            if (held == null || closed) return;
            unwritten.incrementAndGet();
            send(first);
            for (ByteBuffer m : held) send(m);
            held = null;
            flush();
        }
    }

    /** Sends through a view of the shared bytes: the frame's writing moves the view's position, not theirs. */
    private void send(ByteBuffer message) {
        if (core != null) {
            core.sendFrame(new Frame(OpCode.TEXT, message.slice()), written, true);
            unflushed = true;
        } else {
            session.sendText(StandardCharsets.UTF_8.decode(message.slice()).toString(),
                    org.eclipse.jetty.websocket.api.Callback.from(unwritten::decrementAndGet, failure -> markClosed()));
        }
    }

    @Override
    public void overflowed() {
        close(SLOW_CONSUMER, "slow consumer: reconnect to resync");
    }

    void close(int code, String reason) {
        if (closed) return;
        closed = true;
        session.close(code, reason, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    void markClosed() {
        closed = true;
    }
}
