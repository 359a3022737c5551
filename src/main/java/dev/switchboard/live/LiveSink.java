package dev.switchboard.live;

import java.nio.ByteBuffer;

/** A consumer of one tenant's live messages (a dashboard socket). */
public interface LiveSink {
    /**
     * Queues an already-serialized message (UTF-8 JSON) without blocking; it may be held back until
     * {@link #flush}. The buffer is shared by every sink of the tenant: read it through a view of your own
     * ({@link ByteBuffer#slice()}), never move its position or change its bytes. Returns false when the
     * sink cannot keep up; the hub then drops it.
     */
    boolean offer(ByteBuffer message);

    /** Sends whatever {@link #offer} queued since the last flush (one write for a burst of messages). */
    void flush();

    /** Called once when the hub drops the sink for being too slow. */
    void overflowed();
}
