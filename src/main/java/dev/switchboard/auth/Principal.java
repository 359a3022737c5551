package dev.switchboard.auth;

import dev.switchboard.audit.AuditLog;

import java.util.Optional;

/** Who is asking: a signed-in user, a program with an API key, or nobody. */
public sealed interface Principal {
    /** The role this principal has in the tenant, if any. */
    Optional<Role> roleIn(String tenantId);

    boolean agencyAdmin();

    /** How the audit names them. */
    String actorName();

    /** The audit's actor for this principal acting from {@code address}. */
    default AuditLog.Actor auditActor(String address) {
        AuditLog.ActorKind kind = this instanceof SignedIn ? AuditLog.ActorKind.USER
                : this instanceof Key ? AuditLog.ActorKind.API_KEY : AuditLog.ActorKind.ANONYMOUS;
        return new AuditLog.Actor(kind, actorName(), address);
    }

    /** A browser session (cookie). Writes need the session's CSRF token. */
    record SignedIn(Accounts.Identity identity, Sessions.Active session) implements Principal {
        @Override
        public Optional<Role> roleIn(String tenantId) {
            if (identity.user().agencyAdmin()) return Optional.of(Role.ADMIN);
            return identity.memberships().stream().filter(m -> m.tenantId().equals(tenantId)).map(Membership::role).findFirst();
        }

        @Override
        public boolean agencyAdmin() {
            return identity.user().agencyAdmin();
        }

        @Override
        public String actorName() {
            return identity.user().email();
        }
    }

    /** A program, for the key's one tenant: read keys act as viewers, control keys as supervisors. */
    record Key(ApiKey key) implements Principal {
        @Override
        public Optional<Role> roleIn(String tenantId) {
            if (!key.tenantId().equals(tenantId)) return Optional.empty();
            return Optional.of(key.scope() == ApiKey.Scope.CONTROL ? Role.SUPERVISOR : Role.VIEWER);
        }

        @Override
        public boolean agencyAdmin() {
            return false;
        }

        @Override
        public String actorName() {
            return "API key " + key.name() + " (" + key.prefix() + "…)";
        }
    }

    /** Nobody (or the metrics token, which opens nothing else). */
    record Anonymous(boolean metricsToken) implements Principal {
        @Override
        public Optional<Role> roleIn(String tenantId) {
            return Optional.empty();
        }

        @Override
        public boolean agencyAdmin() {
            return false;
        }

        @Override
        public String actorName() {
            return "anonymous";
        }
    }
}
