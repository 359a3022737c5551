package dev.switchboard.tenant;

/** A client of the agency; its id is the {@code client_id} in every URL. */
public record Tenant(String id, String name, long createdAt) {}
