package dev.switchboard.tenant;

/**
 * What may be shown about a stored secret: whether it is set and, for secrets long enough that four
 * characters give little away (12 or more), its last four, so an admin can tell which key is configured.
 */
public record SecretStatus(boolean set, String last4) {
    static final int MIN_LENGTH_FOR_LAST4 = 12;

    public static SecretStatus of(String secret) {
        if (secret == null || secret.isEmpty()) return new SecretStatus(false, null);
        return new SecretStatus(true, secret.length() >= MIN_LENGTH_FOR_LAST4 ? secret.substring(secret.length() - 4) : null);
    }

    /** {@code set (…abcd)}, {@code set} or {@code not set}. */
    public String describe() {
        if (!set) return "not set";
        return last4 == null ? "set (not shown)" : "set (…" + last4 + ")";
    }
}
