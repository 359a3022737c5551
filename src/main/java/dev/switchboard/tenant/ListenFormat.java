package dev.switchboard.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the listen relay learns a tenant's audio layout: {@code auto} trusts what the provider announces and
 * otherwise detects mono or stereo from the byte rate; {@code mono} and {@code stereo} override both.
 */
public enum ListenFormat {
    AUTO, MONO, STEREO;

    /** The stored and command-line form: {@code auto}, {@code mono} or {@code stereo}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ListenFormat> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wire().equals(t)).findFirst();
    }
}
