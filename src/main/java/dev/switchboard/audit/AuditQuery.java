package dev.switchboard.audit;

/**
 * Which events to list, newest first: a keyset page ({@code before} an id) of at most {@code limit}.
 *
 * @param allTenants    every tenant's events and the agency-wide ones (agency admins); otherwise only {@code tenantId}'s
 * @param tenantId      the one tenant to list (ignored when {@code allTenants})
 * @param action        an exact action, or a prefix ending in '.' (e.g. {@code auth.}); null for all
 * @param actor         a case-insensitive substring of the actor; null for all
 * @param from          epoch ms, inclusive; null for no bound
 * @param to            epoch ms, inclusive; null for no bound
 * @param before        only ids below this (the previous page's {@code next}); null for the newest
 */
public record AuditQuery(boolean allTenants, String tenantId, String action, String actor, Long from, Long to, Long before,
                         int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static AuditQuery tenant(String tenantId) {
        return new AuditQuery(false, tenantId, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public static AuditQuery everything() {
        return new AuditQuery(true, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public AuditQuery withAction(String a) {
        return new AuditQuery(allTenants, tenantId, a, actor, from, to, before, limit);
    }

    public AuditQuery withActor(String a) {
        return new AuditQuery(allTenants, tenantId, action, a, from, to, before, limit);
    }

    public AuditQuery between(Long f, Long t) {
        return new AuditQuery(allTenants, tenantId, action, actor, f, t, before, limit);
    }

    public AuditQuery page(Long beforeId, int size) {
        return new AuditQuery(allTenants, tenantId, action, actor, from, to, beforeId, size);
    }

    /** A page of events and the cursor for the next (older) one, null at the end. */
    public record Page(java.util.List<AuditEvent> items, Long next) {}
}
