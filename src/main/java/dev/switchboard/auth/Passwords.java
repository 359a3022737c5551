package dev.switchboard.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j, pure Java). Parameters follow OWASP's minimum for Argon2id
 * (19 MiB, 2 passes, 1 lane): about 30–60 ms per hash on this project's machines, cheap enough for a
 * login and expensive for an offline guesser. The PHC string carries its parameters, so raising them
 * later keeps old hashes verifiable ({@link #needsRehash}). Thread-safe.
 */
public final class Passwords {
    static final int MEMORY_KIB = 19 * 1024;
    static final int PASSES = 2;
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(MEMORY_KIB, PASSES, 1, 32, Argon2.ID, 19);
    /**
     * Verified against when the account does not exist, so "no such user" costs the same time as "wrong
     * password" and timing does not reveal which accounts exist.
     */
    private static final String DECOY = hash("decoy-password-never-matches-anything");

    private Passwords() {}

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    /** Whether the password matches the stored hash; a null hash still takes a full verification. */
    public static boolean verify(String password, String storedHash) {
        if (password == null) password = "";
        if (storedHash == null) {
            Password.check(password, DECOY).with(ARGON2);
            return false;
        }
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Whether the hash was made with weaker parameters than today's (re-hash it at the next login). */
    public static boolean needsRehash(String storedHash) {
        try {
            Argon2Function f = Argon2Function.getInstanceFromHash(storedHash);
            return f.getMemory() < MEMORY_KIB || f.getIterations() < PASSES || f.getVariant() != Argon2.ID;
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    /** Why the password is not acceptable for a new account or a change, or null when it is. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) return "a password needs at least " + MIN_LENGTH + " characters";
        if (password.length() > MAX_LENGTH) return "a password may have at most " + MAX_LENGTH + " characters";
        if (password.isBlank()) return "a password cannot be only spaces";
        return null;
    }
}
