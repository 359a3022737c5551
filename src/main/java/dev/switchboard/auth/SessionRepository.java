package dev.switchboard.auth;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/** The {@code sessions} table: keyed by the SHA-256 of the cookie's token, never the token itself. */
public final class SessionRepository {
    /** A stored session. */
    public record Row(String tokenHash, long userId, String csrfToken, long createdAt, long lastSeenAt, long expiresAt) {}

    private final Handle h;

    public SessionRepository(Handle h) {
        this.h = h;
    }

    public void insert(Row r, String clientAddress) {
        h.createUpdate("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, client_address) "
                        + "VALUES (:hash, :user, :csrf, :created, :seen, :expires, :address)")
                .bind("hash", r.tokenHash()).bind("user", r.userId()).bind("csrf", r.csrfToken()).bind("created", r.createdAt())
                .bind("seen", r.lastSeenAt()).bind("expires", r.expiresAt()).bind("address", clientAddress)
                .execute();
    }

    public Optional<Row> find(String tokenHash) {
        return h.createQuery("SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at FROM sessions "
                        + "WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .findOne();
    }

    /** Slides the idle expiry (never past the absolute one, which the caller computes). */
    public void touch(String tokenHash, long now, long expiresAt) {
        h.createUpdate("UPDATE sessions SET last_seen_at = :now, expires_at = :expires WHERE token_hash = :hash")
                .bind("now", now).bind("expires", expiresAt).bind("hash", tokenHash).execute();
    }

    public void delete(String tokenHash) {
        h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute();
    }

    /** Signs the user out everywhere (after a password change). */
    public int deleteForUser(long userId) {
        return h.createUpdate("DELETE FROM sessions WHERE user_id = :u").bind("u", userId).execute();
    }

    /** Signs the user out everywhere but the one session (after they changed their own password in it). */
    public int deleteForUserExcept(long userId, String keptTokenHash) {
        return h.createUpdate("DELETE FROM sessions WHERE user_id = :u AND token_hash <> :kept")
                .bind("u", userId).bind("kept", keptTokenHash).execute();
    }

    public int deleteExpired(long now) {
        return h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", now).execute();
    }
}
