package dev.switchboard.auth;

import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Users and sign-in: creating accounts, checking passwords (throttled, without revealing whether an
 * account exists), opening and resolving sessions. Thread-safe.
 */
public final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    static final int MAX_EMAIL = 254;

    /** Someone signed in, with what they may see. */
    public record Identity(User user, List<Membership> memberships) {}

    /** A successful sign-in: who, and the session to hand to the browser. */
    public record SignedIn(Identity identity, Sessions.Issued session) {}

    private final Database database;
    private final GroupCommitter writer;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Clock clock;

    public Accounts(Database database, GroupCommitter writer, Sessions sessions, LoginThrottle throttle, Clock clock) {
        this.database = database;
        this.writer = writer;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * Creates a user with a checked password.
     *
     * @throws IllegalArgumentException a malformed email, a weak password, or an email already in use
     */
    public User create(String email, String password, boolean agencyAdmin) {
        String address = requireEmail(email);
        String weakness = Passwords.weakness(password);
        if (weakness != null) throw new IllegalArgumentException(weakness);
        String hash = Passwords.hash(password);
        long now = clock.millis();
        return writer.submitAndWait(h -> new UserRepository(h).create(address, hash, agencyAdmin, now))
                .orElseThrow(() -> new IllegalArgumentException("a user with the email " + address + " already exists"));
    }

    public Optional<User> find(String email) {
        return database.read(h -> new UserRepository(h).findByEmail(email == null ? "" : email.trim()));
    }

    public List<User> list() {
        return database.read(h -> new UserRepository(h).list());
    }

    /** Gives the user a role in the tenant (the tenant must exist: the foreign key refuses others). */
    public void grant(long userId, String tenantId, Role role) {
        writer.submitAndWait(h -> {
            new UserRepository(h).grant(userId, tenantId, role);
            return null;
        });
    }

    /** Changes the password and signs the user out everywhere. */
    public void setPassword(long userId, String password) {
        String weakness = Passwords.weakness(password);
        if (weakness != null) throw new IllegalArgumentException(weakness);
        String hash = Passwords.hash(password);
        long now = clock.millis();
        writer.submitAndWait(h -> {
            new UserRepository(h).setPassword(userId, hash, now);
            return null;
        });
        sessions.closeAll(userId);
    }

    /**
     * A signed-in user changes their own password: the current one must match (400 {@code wrong_password}
     * otherwise, nothing more said); the session they did it in stays, their others end.
     */
    public void changeOwnPassword(long userId, String current, String next, String keptSessionToken) {
        User u = database.read(h -> new UserRepository(h).find(userId))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_SIGNED_IN, "Sign in first: POST /api/auth/login"));
        if (!Passwords.verify(current, u.passwordHash())) {
            throw new ApiException(ErrorCode.WRONG_PASSWORD, "The current password is wrong.");
        }
        String weakness = Passwords.weakness(next);
        if (weakness != null) throw new ApiException(ErrorCode.INVALID_REQUEST, "The new password is too weak: " + weakness);
        String hash = Passwords.hash(next);
        long now = clock.millis();
        writer.submitAndWait(h -> {
            new UserRepository(h).setPassword(userId, hash, now);
            return null;
        });
        sessions.closeOthers(userId, keptSessionToken);
    }

    /**
     * Checks the credentials and opens a session. Every failure is the same 401, whether the account
     * exists or not, and costs the same time; too many failures are a 429 until the window passes.
     */
    public SignedIn signIn(String email, String password, String clientAddress) {
        String account = email == null ? "" : email.trim();
        long now = clock.millis();
        Duration wait = throttle.retryAfter(account, clientAddress, now);
        if (!wait.isZero()) {
            log.warn("sign-in throttled for an account from {}", clientAddress);
            throw new ThrottledException(wait);
        }
        Optional<User> user = account.isEmpty() || account.length() > MAX_EMAIL ? Optional.empty() : find(account);
        boolean ok = Passwords.verify(password, user.map(User::passwordHash).orElse(null));
        if (!ok) {
            throttle.failed(account, clientAddress, now);
            log.info("failed sign-in from {}", clientAddress); // never the email tried (it may be a password typed in the wrong box)
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "The email or password is wrong.");
        }
        throttle.succeeded(account);
        User u = user.get();
        if (Passwords.needsRehash(u.passwordHash())) upgradeHash(u, password);
        Sessions.Issued session = sessions.open(u.id(), clientAddress);
        log.info("user {} signed in from {}", u.id(), clientAddress);
        return new SignedIn(identity(u), session);
    }

    /** Who the session token belongs to, if it is valid. */
    public Optional<Resolved> resolve(String token) {
        return sessions.resolve(token).flatMap(active -> identity(active.userId()).map(i -> new Resolved(i, active)));
    }

    /** A valid session and its user. */
    public record Resolved(Identity identity, Sessions.Active session) {}

    public void signOut(String token) {
        sessions.close(token);
    }

    /**
     * A user's identity by id (a session or WebSocket ticket names its user): one read for the user and
     * their memberships, as every authenticated request needs it.
     */
    Optional<Identity> identity(long userId) {
        return database.read(h -> {
            UserRepository users = new UserRepository(h);
            return users.find(userId).map(u -> new Identity(u, users.memberships(u.id())));
        });
    }

    private Identity identity(User u) {
        return database.read(h -> new Identity(u, new UserRepository(h).memberships(u.id())));
    }

    private void upgradeHash(User u, String password) {
        String hash = Passwords.hash(password);
        long now = clock.millis();
        writer.submit(h -> {
            new UserRepository(h).setPassword(u.id(), hash, now);
            return null;
        });
    }

    /** A plausible email: something@something, no spaces or control characters, at most 254 characters. */
    static String requireEmail(String email) {
        String e = email == null ? "" : email.trim();
        if (e.length() > MAX_EMAIL || !e.matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+")) {
            throw new IllegalArgumentException("not an email address: use name@example.com");
        }
        return e;
    }

    /** Too many failed sign-ins: 429 with how long to wait. */
    public static final class ThrottledException extends ApiException {
        private final Duration retryAfter;

        ThrottledException(Duration retryAfter) {
            super(ErrorCode.TOO_MANY_ATTEMPTS, "Too many failed sign-ins. Try again in "
                    + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " minute(s).");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
