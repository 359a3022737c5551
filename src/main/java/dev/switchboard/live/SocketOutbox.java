package dev.switchboard.live;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded outbound side of one WebSocket. Frames go straight to Jetty's frame queue (which writes
 * whatever has piled up in one gathering write when the peer is slow); what bounds memory is the count
 * of frames not yet written: past the limit the socket is a slow consumer and gets dropped. Starts held,
 * so the snapshot goes out before any delta that arrived while it was being read.
 *
 * <p>Thread-safe: {@link #offer} is called by the fan-out thread and the pinger, completions by Jetty.
 */
final class SocketOutbox implements LiveSink {
    /** Close code sent to a consumer that fell behind; the client reconnects and resyncs. */
    static final int SLOW_CONSUMER = 4008;

    private final Session session;
    private final int limit;
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Callback written;
    private List<String> held = new ArrayList<>();
    private volatile boolean closed;

    SocketOutbox(Session session, int limit) {
        this.session = session;
        this.limit = limit;
        this.written = Callback.from(unwritten::decrementAndGet, failure -> markClosed());
    }

    @Override
    public boolean offer(String message) {
        if (closed) return true; // being removed; nothing to do
        if (unwritten.incrementAndGet() > limit) {
            unwritten.decrementAndGet();
            return false;
        }
        synchronized (this) {
            if (held != null) {
                held.add(message);
                return true;
            }
            // Sent under the lock so frames reach Jetty in the order they were offered.
            session.sendText(message, written);
        }
        return true;
    }

    /** Sends {@code first} and then everything offered while held. */
    void release(String first) {
        synchronized (this) {
            if (held == null || closed) return;
            unwritten.incrementAndGet();
            session.sendText(first, written);
            for (String m : held) session.sendText(m, written);
            held = null;
        }
    }

    @Override
    public void overflowed() {
        close(SLOW_CONSUMER, "slow consumer: reconnect to resync");
    }

    void close(int code, String reason) {
        if (closed) return;
        closed = true;
        session.close(code, reason, Callback.NOOP);
    }

    void markClosed() {
        closed = true;
    }
}
