package dev.switchboard.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.audit.AuditLog;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.RequestJson;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/auth/login}, {@code POST /api/auth/logout}, {@code GET /api/auth/me}. The session
 * token travels only in the {@value #COOKIE} cookie (HttpOnly: page scripts never see it; SameSite=Lax:
 * not sent on cross-site POSTs; Secure over HTTPS). The CSRF token is returned in the body and must come
 * back in the {@value #CSRF_HEADER} header on cookie-authenticated writes. {@code POST /api/auth/password}
 * changes one's own password. Sign-ins (good, failed, throttled), sign-outs and password changes are audited.
 */
public final class AuthRoutes {
    public static final String COOKIE = "sb_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int MAX_PASSWORD = 1024;

    record UserView(long id, String email, boolean agencyAdmin) {}

    record MembershipView(String tenantId, String role) {}

    record IdentityBody(UserView user, List<MembershipView> memberships, String csrfToken) {
        static IdentityBody of(Accounts.Identity i, String csrfToken) {
            return new IdentityBody(new UserView(i.user().id(), i.user().email(), i.user().agencyAdmin()),
                    i.memberships().stream().map(m -> new MembershipView(m.tenantId(), m.role().wire())).toList(), csrfToken);
        }
    }

    private final Accounts accounts;
    private final AuditLog audit;
    private final List<DemoUsers.DemoUser> demoUsers;

    /** @param demoUsers demo mode's accounts to show on the sign-in page; null outside demo mode */
    public AuthRoutes(Accounts accounts, AuditLog audit, List<DemoUsers.DemoUser> demoUsers) {
        this.accounts = accounts;
        this.audit = audit;
        this.demoUsers = demoUsers;
    }

    /** {@code GET /api/auth/demo-users}: demo mode only (404 otherwise). */
    public void demoUsers(Context ctx) {
        if (demoUsers == null) throw new ApiException(ErrorCode.NOT_FOUND, "There are demo users only in demo mode");
        ctx.json(demoUsers);
    }

    public void login(Context ctx) {
        ObjectNode body = RequestJson.object(ctx.body());
        String email = RequestJson.text(body, "email", Accounts.MAX_EMAIL);
        String password = body.path("password").isTextual() ? body.path("password").asText() : null;
        if (email == null || password == null || password.length() > MAX_PASSWORD) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Send {\"email\": …, \"password\": …}");
        }
        Accounts.SignedIn in;
        // The attempted email of a failure goes to the audit (admins investigating need it), lower-cased and
        // clipped, but never to the log, where it could be a password typed in the wrong box.
        String attempted = email.toLowerCase(Locale.ROOT);
        try {
            in = accounts.signIn(email, password, ctx.ip());
        } catch (Accounts.ThrottledException e) {
            audit.record(null, AuditLog.Actor.anonymous(ctx.ip()), "auth.login_throttled", attempted, AuditLog.Outcome.DENIED, Map.of());
            ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            throw e;
        } catch (ApiException e) {
            if (e.code() == ErrorCode.INVALID_CREDENTIALS) {
                audit.record(null, AuditLog.Actor.anonymous(ctx.ip()), "auth.login_failed", attempted, AuditLog.Outcome.FAILED, Map.of());
            }
            throw e;
        }
        User u = in.identity().user();
        audit.record(null, new AuditLog.Actor(AuditLog.ActorKind.USER, u.email(), ctx.ip()), "auth.login", u.email(), AuditLog.Outcome.OK, Map.of());
        ctx.cookie(sessionCookie(ctx, in.session().token(), (int) Sessions.IDLE.toSeconds()));
        ctx.json(IdentityBody.of(in.identity(), in.session().csrfToken()));
    }

    public void logout(Context ctx) {
        String token = ctx.cookie(COOKIE);
        Accounts.Resolved who = accounts.resolve(token).orElse(null);
        if (who != null) {
            requireCsrf(ctx, who.session());
            accounts.signOut(token);
            String email = who.identity().user().email();
            audit.record(null, new AuditLog.Actor(AuditLog.ActorKind.USER, email, ctx.ip()), "auth.logout", email, AuditLog.Outcome.OK, Map.of());
        }
        ctx.cookie(sessionCookie(ctx, "", 0));
        ctx.status(204);
    }

    public void me(Context ctx) {
        Accounts.Resolved who = accounts.resolve(ctx.cookie(COOKIE))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_SIGNED_IN, "Sign in first: POST /api/auth/login"));
        ctx.json(IdentityBody.of(who.identity(), who.session().csrfToken()));
    }

    /**
     * {@code POST /api/auth/password} {@code {"current","new"}}: a signed-in user changes their own password; the
     * session it is done in stays signed in, every other one of theirs ends. API keys have no password (403).
     */
    public void changePassword(Context ctx) {
        if (!(Gate.of(ctx) instanceof Principal.SignedIn s) || s.session() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only a signed-in user can change their password (an API key has none)");
        }
        ObjectNode body = RequestJson.object(ctx.body());
        String current = body.path("current").isTextual() ? body.path("current").asText() : null;
        String next = body.path("new").isTextual() ? body.path("new").asText() : null;
        if (current == null || next == null || current.length() > MAX_PASSWORD || next.length() > MAX_PASSWORD) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Send {\"current\": …, \"new\": …}");
        }
        User u = s.identity().user();
        AuditLog.Actor actor = s.auditActor(ctx.ip());
        try {
            accounts.changeOwnPassword(u.id(), current, next, ctx.cookie(COOKIE));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.WRONG_PASSWORD) {
                audit.record(null, actor, "user.password_changed", u.email(), AuditLog.Outcome.FAILED, Map.of("reason", "wrong current password"));
            }
            throw e;
        }
        audit.record(null, actor, "user.password_changed", u.email(), AuditLog.Outcome.OK, Map.of("self", true));
        ctx.status(204);
    }

    /** Refuses a cookie-authenticated write whose CSRF header does not match the session's token. */
    static void requireCsrf(Context ctx, Sessions.Active session) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(ErrorCode.CSRF_FAILED, "Missing or wrong " + CSRF_HEADER + " header: reload the page and try again");
        }
    }

    private static Cookie sessionCookie(Context ctx, String value, int maxAgeSeconds) {
        Cookie c = new Cookie(COOKIE, value);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setSameSite(SameSite.LAX);
        c.setMaxAge(maxAgeSeconds);
        c.setSecure(overHttps(ctx));
        return c;
    }

    /** HTTPS directly or behind a proxy that terminates it (hosting platforms set X-Forwarded-Proto). */
    private static boolean overHttps(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
