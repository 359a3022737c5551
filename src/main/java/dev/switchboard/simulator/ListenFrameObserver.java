package dev.switchboard.simulator;

import java.nio.ByteBuffer;

/**
 * A hook for tests and benchmarks: told about every audio frame a simulated call's listen stream sends,
 * once per frame (not per listener), just before it is handed to the sockets. The audio itself carries
 * nothing but PCM, so a relay benchmark matches what its listeners receive against these frames by
 * content (line noise makes every frame unique) to measure the relay's added latency.
 */
@FunctionalInterface
public interface ListenFrameObserver {
    /**
     * @param frameIndex counts the stream's frames from 0 (a stream starts with a call's first listener)
     * @param sentNanos  {@link System#nanoTime()} when it was sent
     * @param frame      the frame's bytes (read-only; do not keep it past the call without copying)
     */
    void frameSent(String callId, long frameIndex, long sentNanos, ByteBuffer frame);
}
