package dev.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code SWITCHBOARD_CORS_ORIGINS}: comma-separated exact origins ({@code scheme://host[:port]}), in the
 * form browsers send in the {@code Origin} header (lowercase, default port left out).
 */
public final class CorsOrigins {
    public static final String VARIABLE = "SWITCHBOARD_CORS_ORIGINS";

    private CorsOrigins() {}

    public static List<String> parse(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String entry : value.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            String origin = origin(e);
            if (!out.contains(origin)) out.add(origin);
        }
        return List.copyOf(out);
    }

    /** The normalized origin, or a {@link ConfigException} that says what an origin looks like. */
    static String origin(String entry) {
        String hint = VARIABLE + ": '" + entry + "' is not an origin; expected scheme://host[:port]"
                + " with scheme http or https and nothing after it, e.g. https://console.example.com";
        if (entry.equals("*")) {
            throw new ConfigException(VARIABLE + ": '*' is not allowed; list the exact origins, e.g. https://console.example.com");
        }
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException ex) {
            throw new ConfigException(hint);
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || !bare) {
            throw new ConfigException(hint);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
