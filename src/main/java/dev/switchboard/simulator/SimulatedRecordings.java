package dev.switchboard.simulator;

import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.ErrorHandlers;
import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recordings simulated calls point at ({@code <target>/simulator/recordings/<callId>.wav}): short
 * speech-like WAVs (16-bit PCM, 8 kHz, like a phone line), generated from the call id so the same URL
 * always plays the same audio. Four files per call, as Vapi offers: {@code <id>.wav} (mono mix),
 * {@code <id>-stereo.wav} (customer left, assistant right), {@code <id>-assistant.wav} and
 * {@code <id>-customer.wav}.
 *
 * <p>Nothing touches the file system: a name is accepted only if it is exactly one of those forms with a
 * UUID call id, so there is no path to traverse. Thread-safe (the small cache is synchronized).
 */
public final class SimulatedRecordings {
    private static final Pattern NAME = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-stereo|-assistant|-customer)?\\.wav");
    private static final int CACHE_ENTRIES = 16;

    private final Map<String, byte[]> cache = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /** {@code GET /simulator/recordings/{file}}: the WAV (with range support for seeking), or 404. */
    public void serve(Context ctx) {
        Optional<byte[]> wav = render(ctx.pathParam("file"));
        if (wav.isEmpty()) {
            ErrorHandlers.write(ctx, ErrorCode.NOT_FOUND,
                    "No such recording; simulated recordings are named <call id>.wav, -stereo.wav, -assistant.wav or -customer.wav");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=86400, immutable");
        ctx.writeSeekableStream(new ByteArrayInputStream(wav.get()), "audio/wav", wav.get().length);
    }

    /** The WAV file for a recording name, or empty for anything that is not one. */
    public Optional<byte[]> render(String fileName) {
        if (fileName == null) return Optional.empty();
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        synchronized (cache) {
            byte[] hit = cache.get(fileName);
            if (hit != null) return Optional.of(hit);
        }
        byte[] wav = build(m.group(1), m.group(2) == null ? "" : m.group(2));
        synchronized (cache) {
            cache.put(fileName, wav);
        }
        return Optional.of(wav);
    }

    private static byte[] build(String callId, String variant) {
        SpeechSynth.Tracks t = SpeechSynth.conversation(Seeds.of(callId));
        return switch (variant) {
            case "-stereo" -> wav(2, t.customer(), t.assistant());
            case "-assistant" -> wav(1, t.assistant(), null);
            case "-customer" -> wav(1, t.customer(), null);
            default -> wav(1, mix(t.assistant(), t.customer()), null);
        };
    }

    private static float[] mix(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] + b[i];
        return out;
    }

    /** A canonical 44-byte-header PCM WAV; {@code right} is null for mono. */
    static byte[] wav(int channels, float[] left, float[] right) {
        float peak = 1e-6f;
        for (float v : left) peak = Math.max(peak, Math.abs(v));
        if (right != null) for (float v : right) peak = Math.max(peak, Math.abs(v));
        float gain = 0.7f * Short.MAX_VALUE / peak;
        int frames = left.length;
        int dataBytes = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(SpeechSynth.SAMPLE_RATE).putInt(SpeechSynth.SAMPLE_RATE * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            b.putShort(sample(left[i], gain));
            if (channels == 2) b.putShort(sample(right[i], gain));
        }
        return b.array();
    }

    private static short sample(float v, float gain) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v * gain)));
    }
}
