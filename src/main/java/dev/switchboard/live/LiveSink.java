package dev.switchboard.live;

/** A consumer of one tenant's live messages (a dashboard socket, or a test probe). */
public interface LiveSink {
    /**
     * Queues an already-serialized message without blocking; it may be held back until {@link #flush}.
     * Returns false when the sink cannot keep up; the hub then drops it.
     */
    boolean offer(String message);

    /** Sends whatever {@link #offer} queued since the last flush (one write for a burst of messages). */
    void flush();

    /** Called once when the hub drops the sink for being too slow. */
    void overflowed();
}
