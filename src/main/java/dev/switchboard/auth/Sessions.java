package dev.switchboard.auth;

import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Server-side sessions. The browser holds a random 256-bit token in an HttpOnly cookie; the database holds
 * only its SHA-256, so neither a database copy nor a log line can be turned into a session. A session ends
 * after {@link #IDLE} without use or {@link #ABSOLUTE} after sign-in, whichever comes first, and at sign-out.
 * Each session has its own CSRF token, which cookie-authenticated writes must echo in a header (a
 * cross-site page can make the browser send the cookie, but cannot read the token). Thread-safe.
 */
public final class Sessions {
    public static final Duration IDLE = Duration.ofHours(12);
    public static final Duration ABSOLUTE = Duration.ofDays(7);
    /** Use is recorded at most this often per session, so reading pages does not mean a write per request. */
    private static final long TOUCH_EVERY_MS = 60_000;

    /** A new session: the token goes into the cookie, the CSRF token to the page. */
    public record Issued(String token, String csrfToken, long expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]"; // never the tokens
        }
    }

    /** A valid session. */
    public record Active(long userId, String csrfToken, long expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final GroupCommitter writer;
    private final Clock clock;

    public Sessions(Database database, GroupCommitter writer, Clock clock) {
        this.database = database;
        this.writer = writer;
        this.clock = clock;
    }

    public Issued open(long userId, String clientAddress) {
        String token = randomToken(32);
        String csrf = randomToken(24);
        long now = clock.millis();
        long expires = now + IDLE.toMillis();
        SessionRepository.Row row = new SessionRepository.Row(hash(token), userId, csrf, now, now, expires);
        writer.submitAndWait(h -> {
            new SessionRepository(h).insert(row, clientAddress);
            return null;
        });
        return new Issued(token, csrf, expires);
    }

    /** The session the token opens, if it is still valid (sliding its idle expiry). */
    public Optional<Active> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        String hash = hash(token);
        Optional<SessionRepository.Row> found = database.read(h -> new SessionRepository(h).find(hash));
        if (found.isEmpty()) return Optional.empty();
        SessionRepository.Row row = found.get();
        long now = clock.millis();
        long hardEnd = row.createdAt() + ABSOLUTE.toMillis();
        if (now >= row.expiresAt() || now >= hardEnd) {
            writer.submit(h -> {
                new SessionRepository(h).delete(hash);
                return null;
            });
            return Optional.empty();
        }
        long expires = Math.min(now + IDLE.toMillis(), hardEnd);
        if (now - row.lastSeenAt() >= TOUCH_EVERY_MS) {
            writer.submit(h -> {
                new SessionRepository(h).touch(hash, now, expires);
                return null;
            });
        }
        return Optional.of(new Active(row.userId(), row.csrfToken(), expires));
    }

    public void close(String token) {
        if (token == null || token.isEmpty()) return;
        String hash = hash(token);
        writer.submitAndWait(h -> {
            new SessionRepository(h).delete(hash);
            return null;
        });
    }

    /** Ends every session of the user (after a password change or removal). */
    public int closeAll(long userId) {
        return writer.submitAndWait(h -> new SessionRepository(h).deleteForUser(userId));
    }

    /** Ends every other session of the user, keeping the one this token opens. */
    public int closeOthers(long userId, String keptToken) {
        String kept = hash(keptToken == null ? "" : keptToken);
        return writer.submitAndWait(h -> new SessionRepository(h).deleteForUserExcept(userId, kept));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
