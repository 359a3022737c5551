package dev.switchboard.auth;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.FrontendRoutes;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Authorization at the edge: every HTTP route declares its {@link Access} where it is registered, and
 * {@link #check} (a before-matched handler) enforces it before any handler runs; sockets call
 * {@link #checkSocket} before the upgrade. An API route that declares nothing needs an agency admin (fails
 * closed); the UI's static files are public. Who is asking comes from, in order: {@code Authorization: Bearer} (an API key, or the metrics
 * token), the session cookie, or (sockets only) a single-use {@code ticket}.
 *
 * <p>Someone who may not see a tenant gets the same 404 as for a tenant that does not exist; someone who
 * sees it with too low a role gets 403. Cookie-authenticated writes need the session's CSRF token.
 */
public final class Gate {
    private static final String ATTRIBUTE = "switchboard.principal";

    private final Accounts accounts;
    private final ApiKeys keys;
    private final WsTickets tickets;
    private final String metricsToken;

    /** @param metricsToken the bearer token that may read /metrics, or null */
    public Gate(Accounts accounts, ApiKeys keys, WsTickets tickets, String metricsToken) {
        this.accounts = accounts;
        this.keys = keys;
        this.tickets = tickets;
        this.metricsToken = metricsToken == null || metricsToken.isEmpty() ? null : metricsToken;
    }

    /** The before-matched handler. */
    public void check(Context ctx) {
        if (ctx.method() == HandlerType.OPTIONS) return; // CORS preflights carry no credentials
        Set<RouteRole> roles = ctx.routeRoles();
        // The UI's files hold nothing secret (static files declare no role); a machine path that declares
        // nothing is a mistake, and fails closed.
        Access need = !roles.isEmpty() ? (Access) roles.iterator().next()
                : FrontendRoutes.isMachinePath(ctx.path()) ? Access.AGENCY_ADMIN : Access.PUBLIC;
        if (need == Access.PUBLIC) return;
        Principal p = principal(ctx);
        enforce(p, need, ctx.pathParamMap().get("client_id"));
        if (p instanceof Principal.SignedIn s && s.session() != null && !isSafe(ctx.method())) AuthRoutes.requireCsrf(ctx, s.session());
    }

    /** Before a WebSocket upgrade to a tenant's socket ({@code ?client_id=}); a ticket is used up here. */
    public void checkSocket(Context ctx, Access need) {
        Principal p = socketPrincipal(ctx);
        enforce(p, need, ctx.queryParam("client_id"));
    }

    /** Who is asking (resolved once per request). */
    public Principal principal(Context ctx) {
        Principal cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) return cached;
        Principal p = resolve(ctx);
        ctx.attribute(ATTRIBUTE, p);
        return p;
    }

    /** The principal the gate let through, for handlers (actor names, filtering); anonymous when none. */
    public static Principal of(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        return p != null ? p : new Principal.Anonymous(false);
    }

    /** The principal let through before a socket's upgrade, on its connection. */
    public static Principal of(io.javalin.websocket.WsContext ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        return p != null ? p : new Principal.Anonymous(false);
    }

    private Principal resolve(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            Optional<ApiKey> key = keys.resolve(token);
            if (key.isPresent()) return new Principal.Key(key.get());
            if (metricsToken != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), metricsToken.getBytes(StandardCharsets.UTF_8))) {
                return new Principal.Anonymous(true);
            }
            throw new ApiException(ErrorCode.NOT_SIGNED_IN, "The Bearer token is not a valid API key (revoked, or mistyped)");
        }
        return accounts.resolve(ctx.cookie(AuthRoutes.COOKIE))
                .<Principal>map(r -> new Principal.SignedIn(r.identity(), r.session()))
                .orElse(new Principal.Anonymous(false));
    }

    private Principal socketPrincipal(Context ctx) {
        String ticket = ctx.queryParam("ticket");
        if (ticket == null) return principal(ctx);
        Principal p = tickets.redeem(ticket).flatMap(this::holder).orElseThrow(() ->
                new ApiException(ErrorCode.NOT_SIGNED_IN, "The ticket is unknown, used or expired: get a new one from POST /api/auth/ws-ticket"));
        ctx.attribute(ATTRIBUTE, p);
        return p;
    }

    private Optional<Principal> holder(WsTickets.Holder h) {
        if (h.apiKeyId() != null) return keys.live(h.apiKeyId()).map(Principal.Key::new);
        return accounts.identity(h.userId()).map(i -> new Principal.SignedIn(i, null));
    }

    static void enforce(Principal p, Access need, String tenantId) {
        if (need == Access.PUBLIC) return;
        if (need == Access.METRICS) {
            if (p.agencyAdmin() || (p instanceof Principal.Anonymous a && a.metricsToken())) return;
            throw p instanceof Principal.Anonymous
                    ? new ApiException(ErrorCode.NOT_SIGNED_IN, "Metrics need an agency admin, or SWITCHBOARD_METRICS_TOKEN as Bearer")
                    : new ApiException(ErrorCode.FORBIDDEN, "Metrics are for agency admins and the metrics token");
        }
        if (p instanceof Principal.Anonymous) throw new ApiException(ErrorCode.NOT_SIGNED_IN, "Sign in first (POST /api/auth/login), or send an API key as Bearer");
        switch (need) {
            case SIGNED_IN -> { }
            case AGENCY_ADMIN -> {
                if (!p.agencyAdmin()) throw new ApiException(ErrorCode.FORBIDDEN, "Only agency admins can do this");
            }
            default -> {
                Role needed = need.tenantRole();
                Role has = p.roleIn(tenantId == null ? "" : tenantId).orElseThrow(() -> TenantDirectory.unknown(tenantId));
                if (!has.includes(needed)) {
                    throw new ApiException(ErrorCode.FORBIDDEN, "Your role in " + tenantId + " (" + has.wire() + ") cannot do this; it needs "
                            + needed.wire() + ". Ask an admin of the client.");
                }
            }
        }
    }

    private static boolean isSafe(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }
}
