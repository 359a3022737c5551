package dev.switchboard.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.util.Map;

/**
 * Serves the built React app from the jar: hashed assets cached forever, {@code index.html} for every
 * other browser path (client-side routing). When the jar was built with {@code -Dfrontend.skip} there
 * is no UI, and {@code /} says how to get one.
 */
public final class FrontendRoutes {
    private FrontendRoutes() {}

    public static boolean bundled() {
        return FrontendRoutes.class.getResource("/public/index.html") != null;
    }

    /** @param open the route role that lets anyone in (the page itself holds nothing secret) */
    public static void install(JavalinConfig config, io.javalin.security.RouteRole open) {
        if (!bundled()) {
            config.routes.get("/", ctx -> ctx.contentType("text/plain; charset=utf-8").result(
                    "Switchboard is running, but this build has no web UI (built with -Dfrontend.skip).\n"
                            + "Rebuild with ./mvnw package to include it. The API and WebSockets work as usual.\n"), open);
            return;
        }
        if (FrontendRoutes.class.getResource("/public/assets") != null) {
            config.staticFiles.add(s -> {
                s.hostedPath = "/assets";
                s.directory = "/public/assets";
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
            });
        }
        config.staticFiles.add(s -> {
            s.hostedPath = "/";
            s.directory = "/public";
            s.location = Location.CLASSPATH;
            s.headers = Map.of("Cache-Control", "no-cache");
        });
        byte[] index = readIndex();
        config.spaRoot.addHandler("/", ctx -> {
            if (isMachinePath(ctx.path())) {
                ErrorHandlers.write(ctx, ErrorCode.NOT_FOUND, "No such endpoint: " + ctx.method() + " " + ctx.path());
                return;
            }
            ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(index);
        });
    }

    /** API, socket and webhook paths never fall back to the app page: clients there expect JSON errors. */
    /** Paths of the API, sockets, webhooks and metrics, as opposed to the UI's pages and files. */
    public static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.startsWith("/ws/") || path.startsWith("/webhooks/")
                || path.equals("/metrics") || path.startsWith("/simulator/");
    }

    private static byte[] readIndex() {
        try (var in = FrontendRoutes.class.getResourceAsStream("/public/index.html")) {
            return in.readAllBytes();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read the bundled /public/index.html", e);
        }
    }
}
