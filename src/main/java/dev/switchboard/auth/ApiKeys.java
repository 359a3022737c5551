package dev.switchboard.auth;

import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenant API keys: {@code sbk_<prefix>_<secret>}, 8 + 43 characters of base64url randomness. The prefix
 * finds the row (and identifies the key in lists and the audit); the whole key's SHA-256 is compared in
 * constant time. Keys are high-entropy, so a fast hash is enough (unlike passwords). Last use is written
 * at most once a minute per key. Thread-safe.
 */
public final class ApiKeys {
    private static final Pattern FORMAT = Pattern.compile("sbk_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})");
    private static final long USE_RECORDED_EVERY_MS = 60_000;

    /** A new key: the only time the secret exists outside the caller's hands. */
    public record Created(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "Created[" + key + "]";
        }
    }

    private final Database database;
    private final GroupCommitter writer;
    private final Clock clock;
    private final Map<Long, Long> lastRecorded = new ConcurrentHashMap<>();

    public ApiKeys(Database database, GroupCommitter writer, Clock clock) {
        this.database = database;
        this.writer = writer;
        this.clock = clock;
    }

    public Created create(String tenantId, String name, ApiKey.Scope scope, String createdBy) {
        String prefix = Sessions.randomToken(6);
        String secret = "sbk_" + prefix + "_" + Sessions.randomToken(32);
        long now = clock.millis();
        ApiKey key = writer.submitAndWait(h -> new ApiKeyRepository(h).insert(tenantId, name, prefix, Sessions.hash(secret), scope, createdBy, now));
        return new Created(key, secret);
    }

    public List<ApiKey> list(String tenantId) {
        return database.read(h -> new ApiKeyRepository(h).list(tenantId));
    }

    public boolean revoke(String tenantId, long id) {
        long now = clock.millis();
        return writer.submitAndWait(h -> new ApiKeyRepository(h).revoke(tenantId, id, now));
    }

    /** The live key this secret is, if any. */
    public Optional<ApiKey> resolve(String presented) {
        if (presented == null) return Optional.empty();
        Matcher m = FORMAT.matcher(presented.trim());
        if (!m.matches()) return Optional.empty();
        Optional<ApiKey> found = database.read(h -> new ApiKeyRepository(h).findByPrefix(m.group(1)));
        if (found.isEmpty() || found.get().revoked()) return Optional.empty();
        ApiKey key = found.get();
        byte[] expected = key.keyHash().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = Sessions.hash(presented.trim()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) return Optional.empty();
        recordUse(key);
        return Optional.of(key);
    }

    /** Resolves a key by id (a WebSocket ticket names the key it was issued to); revoked keys are not. */
    Optional<ApiKey> live(long id) {
        return database.read(h -> new ApiKeyRepository(h).find(id)).filter(k -> !k.revoked());
    }

    private void recordUse(ApiKey key) {
        long now = clock.millis();
        Long last = lastRecorded.get(key.id());
        if (last != null && now - last < USE_RECORDED_EVERY_MS) return;
        lastRecorded.put(key.id(), now);
        writer.submit(h -> {
            new ApiKeyRepository(h).used(key.id(), now);
            return null;
        });
    }
}
