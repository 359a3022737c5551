package dev.switchboard.http;

import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * The browser-hardening headers every response carries (API, UI, static assets, errors, refused WebSocket
 * upgrades). Set before any handler runs, so an exception or a 404 keeps them.
 *
 * <p>Why each directive of the Content-Security-Policy is what it is:
 * <ul>
 *   <li>{@code script-src 'self'}: the built UI is one module script plus chunks under {@code /assets}; no
 *       inline script, no {@code eval}. The listen AudioWorklet is a file under {@code /assets} too.</li>
 *   <li>{@code style-src 'self'}: Tailwind is one stylesheet. React's {@code style={{…}}} props are set
 *       through the CSSOM, which CSP does not govern, so no {@code 'unsafe-inline'} is needed.</li>
 *   <li>{@code connect-src 'self'}: the API and both WebSockets are same-origin; CSP Level 3 lets
 *       {@code 'self'} match {@code ws:}/{@code wss:} on the same host and port (checked in Chromium).</li>
 *   <li>{@code media-src 'self' https:}: the recording player streams from the provider's storage
 *       (e.g. {@code https://storage.vapi.ai}, and customers may configure their own buckets), which cannot
 *       be listed in advance; the simulator's recordings are same-origin.</li>
 *   <li>{@code img-src 'self' data:}: the favicon is an inline SVG data URL.</li>
 * </ul>
 * Thread-safe: stateless.
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "media-src 'self' https:",
            "connect-src 'self'",
            "font-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    /** One year; no includeSubDomains or preload, which would bind domains Switchboard does not own. */
    public static final String HSTS = "max-age=31536000";

    /** Every response's headers, in order; {@code Strict-Transport-Security} is added when the request came over HTTPS. */
    public static final List<Map.Entry<String, String>> ALWAYS = List.of(
            Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-Frame-Options", "DENY"),
            // Page URLs name tenants and calls; nothing Switchboard links to needs to know where the click came from.
            Map.entry("Referrer-Policy", "no-referrer"),
            Map.entry("Cross-Origin-Opener-Policy", "same-origin"),
            Map.entry("Cross-Origin-Resource-Policy", "same-origin"),
            Map.entry("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"));

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        for (Map.Entry<String, String> h : ALWAYS) ctx.header(h.getKey(), h.getValue());
        if (overHttps(ctx.header("X-Forwarded-Proto"), ctx.scheme())) ctx.header("Strict-Transport-Security", HSTS);
    }

    /**
     * HTTPS as the browser saw it: Switchboard itself speaks plain HTTP behind a TLS-terminating proxy. A
     * forged {@code X-Forwarded-Proto} only makes a plain-HTTP response carry HSTS, which browsers ignore there.
     */
    public static boolean overHttps(String forwardedProto, String scheme) {
        if (forwardedProto != null) {
            int comma = forwardedProto.indexOf(',');
            return (comma < 0 ? forwardedProto : forwardedProto.substring(0, comma)).trim().equalsIgnoreCase("https");
        }
        return "https".equalsIgnoreCase(scheme);
    }
}
