package dev.switchboard.call;

/** One entry of a call's status timeline; {@code payload} is JSON text. */
public record StatusEvent(long id, String tenantId, String callId, String status, String source, String payload, long createdAt) {}
