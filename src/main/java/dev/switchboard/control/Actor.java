package dev.switchboard.control;

/**
 * Who did something, until user accounts exist: the display name the browser sends and the client's
 * network address.
 */
public record Actor(String name, String address) {
    public static Actor of(String rawName, String address) {
        return new Actor(cleanName(rawName), address);
    }

    /** Trimmed, control characters removed, at most 80 characters; null when nothing is left. */
    static String cleanName(String raw) {
        if (raw == null) return null;
        String s = raw.replaceAll("\\p{Cntrl}", "").trim();
        if (s.length() > 80) s = s.substring(0, 80).trim();
        return s.isEmpty() ? null : s;
    }
}
