package dev.switchboard.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do in one tenant, each role including the ones below it: a viewer reads; a supervisor
 * also listens and controls calls; an admin also manages the tenant's users, keys, transfer targets and
 * webhook settings. The agency admin (every tenant, tenants and users) is a flag on the user, not a role
 * here, because it is not per tenant.
 */
public enum Role {
    VIEWER, SUPERVISOR, ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String s) {
        if (s == null) return Optional.empty();
        for (Role r : values()) if (r.wire().equals(s.trim().toLowerCase(Locale.ROOT))) return Optional.of(r);
        return Optional.empty();
    }
}
