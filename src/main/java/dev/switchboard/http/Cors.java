package dev.switchboard.http;

import io.javalin.http.Context;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin rules. CORS is closed unless {@code SWITCHBOARD_CORS_ORIGINS} lists exact origins: an allowed
 * {@code Origin} is reflected (never {@code *}, never with credentials), anything else gets no CORS headers, so
 * the browser keeps the answer from the page. Webhooks and the simulator's provider endpoints are
 * server-to-server and never answer CORS.
 *
 * <p>WebSockets are not covered by CORS at all: a page on any site may open one to Switchboard, and the browser
 * sends it Switchboard's cookies. So an upgrade whose {@code Origin} is neither this server's own nor allowed
 * is refused with 403 before the upgrade (cross-site WebSocket hijacking). Requests without an {@code Origin}
 * (programs, curl, providers) are not browsers acting for a page and are unaffected.
 *
 * <p>Thread-safe: immutable.
 */
public final class Cors {
    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String ALLOW_HEADERS = "Content-Type, Authorization, X-Request-Id";
    static final String EXPOSE_HEADERS = "X-Request-Id, Retry-After";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> allowed;

    /** {@code origins}: normalized exact origins ({@code scheme://host[:port]}, lowercase, no default port). */
    public Cors(List<String> origins) {
        this.allowed = Set.copyOf(origins);
    }

    /** Before every HTTP request: CORS headers for an allowed origin, the answer to its preflight. */
    public void handle(Context ctx) {
        if (allowed.isEmpty() || serverToServer(ctx.path())) return;
        ctx.header("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (origin == null) return;
        boolean preflight = "OPTIONS".equals(ctx.method().name()) && ctx.header("Access-Control-Request-Method") != null;
        if (!allowed.contains(origin)) {
            if (preflight) {
                ErrorHandlers.write(ctx, ErrorCode.ORIGIN_NOT_ALLOWED, "Origin " + printable(origin)
                        + " is not allowed cross-origin access; add it to SWITCHBOARD_CORS_ORIGINS if it should be");
                ctx.skipRemainingHandlers();
            }
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        if (preflight) {
            ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
            ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
            ctx.status(204);
            ctx.skipRemainingHandlers();
        } else {
            ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        }
    }

    /** Before every WebSocket upgrade: a browser page from a foreign origin is refused. */
    public void checkUpgrade(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || allowed.contains(origin) || sameOrigin(origin, ctx)) return;
        ApiException refusal = new ApiException(ErrorCode.ORIGIN_NOT_ALLOWED, "WebSocket connections from origin "
                + printable(origin) + " are not allowed; only this server's own pages and SWITCHBOARD_CORS_ORIGINS may connect");
        ErrorHandlers.refuseUpgrade(ctx, refusal);
        throw refusal; // stops the upgrade
    }

    static boolean serverToServer(String path) {
        return path.startsWith("/webhooks/") || path.startsWith("/simulator/");
    }

    /**
     * Whether the origin names the host and port the request was sent to ({@code Host}, or
     * {@code X-Forwarded-Host} behind a proxy that rewrites it). The scheme is not compared: behind a
     * TLS-terminating proxy the page is https while Switchboard sees http. A browser page cannot set
     * either header, so a foreign page cannot pass.
     */
    static boolean sameOrigin(String origin, Context ctx) {
        String authority = authority(origin);
        if (authority == null) return false;
        return authority.equals(normalizeHost(ctx.header("Host"), origin))
                || authority.equals(normalizeHost(firstValue(ctx.header("X-Forwarded-Host")), origin));
    }

    /** {@code host[:port]} of an origin, lowercase, default port left out; null for {@code null} or garbage. */
    static String authority(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null) return null;
            int port = uri.getPort();
            boolean dflt = port == -1 || port == defaultPort(scheme);
            return uri.getHost().toLowerCase(Locale.ROOT) + (dflt ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String normalizeHost(String host, String origin) {
        if (host == null || host.isBlank()) return null;
        String h = host.trim().toLowerCase(Locale.ROOT);
        String scheme = origin.substring(0, Math.max(0, origin.indexOf(':'))).toLowerCase(Locale.ROOT);
        String dflt = ":" + defaultPort(scheme);
        return h.endsWith(dflt) ? h.substring(0, h.length() - dflt.length()) : h;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }

    private static String firstValue(String header) {
        if (header == null) return null;
        int comma = header.indexOf(',');
        return comma < 0 ? header : header.substring(0, comma);
    }

    /** The origin for a message: it is the caller's text, so it is cut short and kept to printable ASCII. */
    private static String printable(String origin) {
        String s = origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
        return s.replaceAll("[^\\x20-\\x7E…]", "?");
    }
}
