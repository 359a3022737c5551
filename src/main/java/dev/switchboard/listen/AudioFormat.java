package dev.switchboard.listen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.Json;
import dev.switchboard.tenant.ListenFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The layout of a call's listen audio, as told to browsers in the first message of a listen socket:
 * {@code {"type":"format","encoding":"pcm_s16le","sampleRate":16000,"channels":2,
 * "channelRoles":["customer","assistant"],"source":"announced"|"detected"|"configured"}}.
 *
 * <p>Vapi does not document the format ({@code vapi.md} §6.2): raw signed 16-bit little-endian PCM at
 * 16 kHz, stereo with channel 0 = customer and 1 = assistant, or mono; some streams announce it first in a
 * JSON text frame.
 */
record AudioFormat(String encoding, int sampleRate, int channels, String source) {
    static final String PCM = "pcm_s16le";
    static final int DEFAULT_RATE = 16_000;

    static AudioFormat configured(ListenFormat setting) {
        return new AudioFormat(PCM, DEFAULT_RATE, setting == ListenFormat.MONO ? 1 : 2, "configured");
    }

    static AudioFormat detected(int channels) {
        return new AudioFormat(PCM, DEFAULT_RATE, channels, "detected");
    }

    /**
     * The format a provider text frame announces, e.g. {@code {"type":"start","encoding":"linear16",
     * "container":"raw","sampleRate":16000,"channels":2}}; empty when the frame says nothing about it.
     */
    static Optional<AudioFormat> announced(JsonNode frame) {
        JsonNode channels = frame.path("channels");
        JsonNode rate = frame.path("sampleRate");
        if (!channels.canConvertToInt() && !rate.canConvertToInt()) return Optional.empty();
        int ch = channels.canConvertToInt() ? channels.intValue() : 1;
        int sr = rate.canConvertToInt() ? rate.intValue() : DEFAULT_RATE;
        if (ch < 1 || ch > 8 || sr < 4_000 || sr > 192_000) return Optional.empty();
        return Optional.of(new AudioFormat(encoding(frame.path("encoding").asText("")), sr, ch, "announced"));
    }

    /** Provider encodings in the names browsers get; linear16 (Vapi's and Deepgram's name) is 16-bit LE PCM. */
    private static String encoding(String announced) {
        String e = announced.toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("linear16") || e.equals("pcm_s16le") || e.equals("pcm")) return PCM;
        if (e.equals("mulaw") || e.equals("mu-law") || e.equals("pcm_mulaw")) return "mulaw";
        return e.replaceAll("[^a-z0-9_-]", "");
    }

    List<String> channelRoles() {
        if (channels == 1) return List.of("mixed");
        if (channels == 2) return List.of("customer", "assistant");
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < channels; i++) roles.add("channel-" + i);
        return roles;
    }

    /** Bytes per second of this audio (16-bit samples; 8-bit for mu-law). */
    int bytesPerSecond() {
        return sampleRate * channels * (encoding.equals("mulaw") ? 1 : 2);
    }

    /** A short description for the audit, e.g. {@code stereo 16000 Hz pcm_s16le}. */
    String describe() {
        String layout = channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels";
        return layout + " " + sampleRate + " Hz " + encoding;
    }

    String message() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", "format");
        m.put("encoding", encoding);
        m.put("sampleRate", sampleRate);
        m.put("channels", channels);
        m.put("channelRoles", channelRoles());
        m.put("source", source);
        return Json.write(m);
    }
}
