package dev.switchboard.auth;

/**
 * A person who signs in. {@code passwordHash} is an Argon2id PHC string; it never leaves the server.
 *
 * @param agencyAdmin sees and manages every tenant, its users and the tenants themselves
 */
public record User(long id, String email, String passwordHash, boolean agencyAdmin, long createdAt, long passwordChangedAt) {
    @Override
    public String toString() {
        return "User[" + id + ", " + email + (agencyAdmin ? ", agency admin" : "") + "]"; // never the hash
    }
}
