package dev.switchboard.live;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded outbound queue of one WebSocket. One frame is in flight at a time; completions continue
 * the drain without recursion (a send that completes synchronously is looped, an asynchronous one is
 * continued from its callback). Starts held, so the snapshot can be put in front of any deltas that
 * arrive while it is being read.
 *
 * <p>Thread-safe: {@link #offer} is called by the publisher, completions by Jetty.
 */
final class SocketOutbox implements LiveSink {
    /** Close code sent to a consumer that fell behind; the client reconnects and resyncs. */
    static final int SLOW_CONSUMER = 4008;

    private final Session session;
    private final int limit;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean held = true;
    private boolean sending;
    private boolean closed;

    SocketOutbox(Session session, int limit) {
        this.session = session;
        this.limit = limit;
    }

    @Override
    public boolean offer(String message) {
        synchronized (this) {
            if (closed) return true;
            if (queue.size() >= limit) return false;
            queue.addLast(message);
            if (held || sending) return true;
            sending = true;
        }
        drain();
        return true;
    }

    /** Sends {@code first} and then everything queued while held. */
    void release(String first) {
        synchronized (this) {
            if (closed) return;
            queue.addFirst(first);
            held = false;
            if (sending) return;
            sending = true;
        }
        drain();
    }

    @Override
    public void overflowed() {
        close(SLOW_CONSUMER, "slow consumer: reconnect to resync");
    }

    void close(int code, String reason) {
        synchronized (this) {
            if (closed) return;
            closed = true;
            queue.clear();
        }
        session.close(code, reason, Callback.NOOP);
    }

    void markClosed() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
    }

    /** Called only by the holder of the sending token. */
    private void drain() {
        while (true) {
            String next;
            synchronized (this) {
                next = queue.pollFirst();
                if (next == null || closed) {
                    sending = false;
                    return;
                }
            }
            AtomicInteger race = new AtomicInteger();
            session.sendText(next, Callback.from(() -> {
                if (race.getAndIncrement() == 1) drain();
            }, failure -> markClosed()));
            if (race.getAndIncrement() == 0) return; // still in flight: its callback continues the drain
        }
    }
}
