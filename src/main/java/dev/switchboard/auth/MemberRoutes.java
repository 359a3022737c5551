package dev.switchboard.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.audit.AuditLog;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.RequestJson;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

import java.util.Map;

/**
 * A tenant's members (its admins, and agency admins): {@code GET|POST /api/{client_id}/members},
 * {@code PATCH|DELETE /api/{client_id}/members/{userId}}. Only tenant roles are given here; agency admin is
 * given only in {@link UserRoutes}. The tenant's last admin cannot be demoted or removed. Every change is audited.
 */
public final class MemberRoutes {
    record MemberView(long userId, String email, String role, boolean agencyAdmin) {
        static MemberView of(UserRepository.Member m) {
            return new MemberView(m.userId(), m.email(), m.role().wire(), m.agencyAdmin());
        }
    }

    private final TenantDirectory tenants;
    private final UserAdmin users;
    private final AuditLog audit;

    public MemberRoutes(TenantDirectory tenants, UserAdmin users, AuditLog audit) {
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
    }

    public void list(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        ctx.json(users.members(tenantId).stream().map(MemberView::of).toList());
    }

    /**
     * {@code {"email","role","password"?}}: adds an existing user, or creates one when a password is given; 404
     * {@code user_not_found} when there is no such user and no password.
     */
    public void add(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        ObjectNode body = RequestJson.object(ctx.body());
        if (body.has("agencyAdmin")) {
            throw Gate.of(ctx).agencyAdmin()
                    ? new ApiException(ErrorCode.INVALID_REQUEST, "Agency admin is not a tenant role: set it with PATCH /api/users/{id}")
                    : new ApiException(ErrorCode.FORBIDDEN, "Only agency admins can make someone an agency admin");
        }
        String email = RequestJson.requiredText(body, "email", Accounts.MAX_EMAIL);
        Role role = role(body);
        String password = UserRoutes.password(body, "password");
        AuditLog.Actor actor = Gate.of(ctx).auditActor(ctx.ip());
        User user = users.findByEmail(email).orElse(null);
        if (user == null) {
            if (password == null) {
                throw new ApiException(ErrorCode.USER_NOT_FOUND, "No user with the email " + email
                        + ": give an initial password to create the account");
            }
            user = users.create(email, password, false);
            audit.record(tenantId, actor, "user.created", user.email(), AuditLog.Outcome.OK, Map.of("agencyAdmin", false));
        }
        users.addMember(tenantId, user.id(), role);
        audit.record(tenantId, actor, "membership.granted", user.email(), AuditLog.Outcome.OK, Map.of("role", role.wire()));
        ctx.status(201).json(new MemberView(user.id(), user.email(), role.wire(), user.agencyAdmin()));
    }

    /** {@code {"role"}}: 409 {@code last_admin} for the tenant's last admin. */
    public void update(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        long userId = UserRoutes.userId(ctx);
        Role role = role(RequestJson.object(ctx.body()));
        UserRepository.Member member = users.member(tenantId, userId);
        Role before = refusalAudited(ctx, tenantId, "membership.role_changed", member.email(), () -> users.changeRole(tenantId, userId, role));
        if (before != role) {
            audit.record(tenantId, Gate.of(ctx).auditActor(ctx.ip()), "membership.role_changed", member.email(), AuditLog.Outcome.OK,
                    Map.of("from", before.wire(), "to", role.wire()));
        }
        ctx.json(new MemberView(member.userId(), member.email(), role.wire(), member.agencyAdmin()));
    }

    public void remove(Context ctx) {
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        long userId = UserRoutes.userId(ctx);
        UserRepository.Member member = users.member(tenantId, userId);
        Role before = refusalAudited(ctx, tenantId, "membership.revoked", member.email(), () -> users.removeMember(tenantId, userId));
        audit.record(tenantId, Gate.of(ctx).auditActor(ctx.ip()), "membership.revoked", member.email(), AuditLog.Outcome.OK,
                Map.of("role", before.wire()));
        ctx.status(204);
    }

    /** Runs the change; a refusal by the last-admin rule is audited as denied (someone tried), then answered. */
    private <T> T refusalAudited(Context ctx, String tenantId, String action, String target, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (ApiException e) {
            if (e.code() == ErrorCode.LAST_ADMIN) {
                audit.record(tenantId, Gate.of(ctx).auditActor(ctx.ip()), action, target, AuditLog.Outcome.DENIED, Map.of("reason", e.getMessage()));
            }
            throw e;
        }
    }

    private static Role role(ObjectNode body) {
        String text = RequestJson.requiredText(body, "role", 20);
        return Role.parse(text).orElseThrow(() -> new ApiException(ErrorCode.INVALID_REQUEST, "role must be admin, supervisor or viewer"));
    }
}
