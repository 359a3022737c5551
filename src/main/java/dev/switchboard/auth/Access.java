package dev.switchboard.auth;

import io.javalin.security.RouteRole;

/**
 * What a route needs, declared where the route is registered and enforced in one place ({@link Gate}).
 * The tenant-scoped levels apply to the tenant in the route's {@code client_id}.
 */
public enum Access implements RouteRole {
    /** Anyone: health checks, the UI's files, sign-in, provider webhooks (which authenticate themselves). */
    PUBLIC,
    /** Anyone signed in or holding a key; the handler narrows what they see (e.g. their tenants). */
    SIGNED_IN,
    /** Read the tenant's calls. */
    VIEWER,
    /** Also listen to and act on the tenant's calls. */
    SUPERVISOR,
    /** Also manage the tenant's users, keys, transfer targets and settings. */
    TENANT_ADMIN,
    /** Everything, every tenant. */
    AGENCY_ADMIN,
    /** Prometheus: an agency admin, or the metrics token. */
    METRICS;

    /** The tenant role this level needs, or null when it is not tenant-scoped. */
    Role tenantRole() {
        return switch (this) {
            case VIEWER -> Role.VIEWER;
            case SUPERVISOR -> Role.SUPERVISOR;
            case TENANT_ADMIN -> Role.ADMIN;
            default -> null;
        };
    }
}
