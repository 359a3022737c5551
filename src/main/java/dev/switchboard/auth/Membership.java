package dev.switchboard.auth;

/** A user's role in one tenant. */
public record Membership(long userId, String tenantId, Role role) {}
