package dev.switchboard.auth;

import java.util.Locale;
import java.util.Optional;

/** A tenant's API key as stored (never the key itself: only its hash and non-secret prefix). */
public record ApiKey(long id, String tenantId, String name, String prefix, String keyHash, Scope scope, String createdBy,
                     long createdAt, Long lastUsedAt, Long revokedAt) {
    public enum Scope {
        READ, CONTROL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Scope> parse(String s) {
            if ("read".equals(s)) return Optional.of(READ);
            if ("control".equals(s)) return Optional.of(CONTROL);
            return Optional.empty();
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + ", " + tenantId + ", " + name + ", " + prefix + "…, " + scope.wire() + "]"; // never the hash
    }
}
