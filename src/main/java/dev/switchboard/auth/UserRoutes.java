package dev.switchboard.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.audit.AuditLog;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.IsoTime;
import dev.switchboard.http.RequestJson;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/**
 * The agency's users (agency admins): {@code GET|POST /api/users}, {@code PATCH|DELETE /api/users/{id}}. Password
 * hashes never leave the server; every change is audited.
 */
public final class UserRoutes {
    static final int MAX_PASSWORD = 1024;

    record MembershipView(String tenantId, String role) {}

    record UserView(long id, String email, boolean agencyAdmin, String createdAt, List<MembershipView> memberships) {
        static UserView of(User u, List<Membership> ms) {
            return new UserView(u.id(), u.email(), u.agencyAdmin(), IsoTime.of(u.createdAt()),
                    ms.stream().map(m -> new MembershipView(m.tenantId(), m.role().wire())).toList());
        }
    }

    private final UserAdmin users;
    private final AuditLog audit;

    public UserRoutes(UserAdmin users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    public void list(Context ctx) {
        ctx.json(users.users().stream().map(s -> UserView.of(s.user(), s.memberships())).toList());
    }

    /** {@code {"email","password","agencyAdmin"?}} → 201 with the user. */
    public void create(Context ctx) {
        ObjectNode body = RequestJson.object(ctx.body());
        String email = RequestJson.requiredText(body, "email", Accounts.MAX_EMAIL);
        String password = password(body, "password");
        if (password == null) throw new ApiException(ErrorCode.INVALID_REQUEST, "password is required (at least " + Passwords.MIN_LENGTH + " characters)");
        boolean agencyAdmin = RequestJson.bool(body, "agencyAdmin", false);
        User u = users.create(email, password, agencyAdmin);
        audit.record(null, Gate.of(ctx).auditActor(ctx.ip()), "user.created", u.email(), AuditLog.Outcome.OK, Map.of("agencyAdmin", agencyAdmin));
        ctx.status(201).json(UserView.of(u, List.of()));
    }

    /** {@code {"agencyAdmin"?, "password"?}}: a new password signs the user out everywhere. */
    public void update(Context ctx) {
        long id = userId(ctx);
        ObjectNode body = RequestJson.object(ctx.body());
        String password = password(body, "password");
        Boolean agencyAdmin = body.has("agencyAdmin") && !body.get("agencyAdmin").isNull() ? RequestJson.bool(body, "agencyAdmin", false) : null;
        if (password == null && agencyAdmin == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Send agencyAdmin (true or false), password, or both");
        }
        String weakness = password == null ? null : Passwords.weakness(password);
        if (weakness != null) throw new ApiException(ErrorCode.INVALID_REQUEST, "The new password is too weak: " + weakness);
        User before = users.require(id);
        AuditLog.Actor actor = Gate.of(ctx).auditActor(ctx.ip());
        // The flag first: it is the change a rule can refuse (last agency admin), and a refusal must leave the
        // password as it was too.
        if (agencyAdmin != null && agencyAdmin != before.agencyAdmin()) {
            users.setAgencyAdmin(id, agencyAdmin);
            audit.record(null, actor, "user.agency_admin_changed", before.email(), AuditLog.Outcome.OK,
                    Map.of("from", before.agencyAdmin(), "to", agencyAdmin));
        }
        if (password != null) {
            users.resetPassword(id, password);
            audit.record(null, actor, "user.password_changed", before.email(), AuditLog.Outcome.OK, Map.of("reset", true));
        }
        User after = users.require(id);
        List<Membership> ms = users.users().stream().filter(s -> s.user().id() == id).findFirst().map(UserAdmin.UserSummary::memberships)
                .orElse(List.of());
        ctx.json(UserView.of(after, ms));
    }

    public void delete(Context ctx) {
        long id = userId(ctx);
        long me = Gate.of(ctx) instanceof Principal.SignedIn s ? s.identity().user().id() : -1;
        User gone = users.delete(me, id);
        audit.record(null, Gate.of(ctx).auditActor(ctx.ip()), "user.deleted", gone.email(), AuditLog.Outcome.OK, Map.of());
        ctx.status(204);
    }

    static long userId(Context ctx) {
        String raw = ctx.pathParam(ctx.pathParamMap().containsKey("id") ? "id" : "userId");
        if (!raw.matches("\\d{1,18}")) throw new ApiException(ErrorCode.USER_NOT_FOUND, "No such user: the id is a number");
        return Long.parseLong(raw);
    }

    /** A password field: null when absent; never trimmed (spaces count). */
    static String password(ObjectNode body, String field) {
        var v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new ApiException(ErrorCode.INVALID_REQUEST, field + " must be a string");
        if (v.asText().length() > MAX_PASSWORD) throw new ApiException(ErrorCode.INVALID_REQUEST, field + " is too long");
        return v.asText().isEmpty() ? null : v.asText();
    }
}
