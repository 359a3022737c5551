package dev.switchboard.audit;

/**
 * One stored audit event. {@code detail} is JSON text (an object) or null.
 *
 * @param tenantId null for agency-wide events (sign-ins, users, tenants)
 * @param at       epoch milliseconds
 */
public record AuditEvent(long id, String tenantId, long at, AuditLog.ActorKind actorKind, String actor, String clientAddress,
                         String action, String target, AuditLog.Outcome outcome, String detail) {}
