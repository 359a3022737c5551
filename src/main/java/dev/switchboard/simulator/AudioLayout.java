package dev.switchboard.simulator;

/**
 * How a simulated call's listen socket streams its audio (signed 16-bit little-endian PCM, 16 kHz,
 * 20 ms frames): stereo interleaved (channel 0 the customer, channel 1 the assistant) or mono (both
 * mixed), and whether a JSON {@code start} text frame announces the format first. Vapi does not document
 * which it sends, so the simulator offers all four.
 */
public enum AudioLayout {
    STEREO(2, false), MONO(1, false), ANNOUNCED_STEREO(2, true), ANNOUNCED_MONO(1, true);

    public static final int SAMPLE_RATE = 16_000;
    public static final int FRAME_MILLIS = 20;
    public static final int SAMPLES_PER_FRAME = SAMPLE_RATE * FRAME_MILLIS / 1000;

    private final int channels;
    private final boolean announced;

    AudioLayout(int channels, boolean announced) {
        this.channels = channels;
        this.announced = announced;
    }

    public int channels() {
        return channels;
    }

    public boolean announced() {
        return announced;
    }

    /** Bytes in one 20 ms frame: 1,280 stereo, 640 mono. */
    public int frameBytes() {
        return SAMPLES_PER_FRAME * channels * 2;
    }

    /** The text frame sent first when the format is announced (the custom-transcriber protocol's {@code start}). */
    public String startMessage() {
        return "{\"type\":\"start\",\"encoding\":\"linear16\",\"container\":\"raw\",\"sampleRate\":" + SAMPLE_RATE
                + ",\"channels\":" + channels + "}";
    }

    /** Most calls stereo, some mono, some announcing their format first: a stable pick per call. */
    static AudioLayout forCall(long callSeed) {
        int r = (int) Math.floorMod(callSeed * 0x9E3779B97F4A7C15L >>> 40, 100L);
        if (r < 60) return STEREO;
        if (r < 75) return MONO;
        if (r < 90) return ANNOUNCED_STEREO;
        return ANNOUNCED_MONO;
    }
}
