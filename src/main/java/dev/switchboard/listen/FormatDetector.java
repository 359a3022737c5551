package dev.switchboard.listen;

/**
 * Tells mono from stereo when nothing announces the format: 16-bit PCM at 16 kHz is about 32,000 bytes a
 * second mono and 64,000 stereo, so the byte rate over the first ~300 ms of audio decides. Bytes are
 * counted after the first frame and time from its arrival, so a stream paced in 20 ms frames measures
 * exactly. Not thread-safe (its upstream's lock guards it).
 */
final class FormatDetector {
    static final long WINDOW_NANOS = 300_000_000L;
    /** Halfway between mono and stereo at 16 kHz. */
    static final double STEREO_ABOVE_BYTES_PER_SECOND = 48_000;
    /** A burst this large decides at once (it can only be a fast stream). */
    static final long MAX_BUFFERED_BYTES = 256 * 1024;

    private long firstNanos = -1;
    private long lastNanos;
    private long bytesAfterFirst;
    private long bytes;

    void add(int frameBytes, long nanos) {
        bytes += frameBytes;
        if (firstNanos < 0) {
            firstNanos = nanos;
        } else {
            bytesAfterFirst += frameBytes;
        }
        lastNanos = nanos;
    }

    boolean ready() {
        return firstNanos >= 0 && (lastNanos - firstNanos >= WINDOW_NANOS || bytes >= MAX_BUFFERED_BYTES);
    }

    /** The layout the rate suggests; stereo (what Vapi is reported to send) when there is too little to measure. */
    AudioFormat decide() {
        long span = lastNanos - firstNanos;
        if (firstNanos < 0 || bytesAfterFirst == 0) return AudioFormat.detected(2);
        if (span <= 0) return AudioFormat.detected(2);
        double rate = bytesAfterFirst * 1e9 / span;
        return AudioFormat.detected(rate > STEREO_ABOVE_BYTES_PER_SECOND ? 2 : 1);
    }
}
