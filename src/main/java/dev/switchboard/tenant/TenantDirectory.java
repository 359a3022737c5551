package dev.switchboard.tenant;

import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Resolves tenant ids at the edge. Known tenants are cached (the webhook path must not query for them);
 * a miss goes to the database, so a tenant created by another process is found without a restart.
 * Thread-safe.
 */
public final class TenantDirectory {
    private final Database database;
    private final GroupCommitter writer;
    private final Clock clock;
    private final CredentialCipher cipher;
    private final ConcurrentMap<String, Tenant> cache = new ConcurrentHashMap<>();
    /** Webhook auth per tenant, decrypted, with when it was read (System.nanoTime). */
    private final ConcurrentMap<String, CachedAuth> authCache = new ConcurrentHashMap<>();

    private record CachedAuth(WebhookAuth auth, long readAtNanos) {}

    /**
     * How long a tenant's webhook auth is used from memory. The webhook path must not query the database per
     * request (thousands a second); a change made in this process applies at once, one made by another
     * process ({@code tenant set}, another instance) within this time.
     */
    static final long AUTH_CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    public TenantDirectory(Database database, GroupCommitter writer, Clock clock, CredentialCipher cipher) {
        this.database = database;
        this.writer = writer;
        this.clock = clock;
        this.cipher = cipher;
    }

    /** The tenant, or a 404 {@code unknown_tenant} error that says how to create it. */
    public Tenant require(String id) {
        return find(id).orElseThrow(() -> unknown(id));
    }

    /**
     * The 404 for a tenant that does not exist, also given (word for word) to someone who may not see a
     * tenant that does, so guessing ids reveals nothing.
     */
    public static ApiException unknown(String id) {
        return new ApiException(ErrorCode.UNKNOWN_TENANT, "Unknown client_id '" + printable(id) + "'. Tenants are created by an operator: "
                + "java -jar switchboard.jar tenant create <id> \"<name>\" (or SWITCHBOARD_TENANTS).");
    }

    public Optional<Tenant> find(String id) {
        if (id == null) return Optional.empty();
        Tenant cached = cache.get(id);
        if (cached != null) return Optional.of(cached);
        Optional<Tenant> found = database.read(h -> new TenantRepository(h).find(id));
        found.ifPresent(t -> cache.put(t.id(), t));
        return found;
    }

    public List<Tenant> list() {
        return database.read(h -> new TenantRepository(h).list());
    }

    /**
     * The tenant's provider settings, read on every use (not cached): a key changed with {@code tenant set}
     * from another process applies to the next listen or control request.
     */
    public TenantSettings settings(String tenantId) {
        return database.read(h -> new TenantSettingsRepository(h, cipher).find(tenantId));
    }

    /** How the tenant's webhooks are authenticated, from memory (see {@link #AUTH_CACHE_NANOS}). Thread-safe. */
    public WebhookAuth webhookAuth(String tenantId) {
        CachedAuth c = authCache.get(tenantId);
        long now = System.nanoTime();
        if (c != null && now - c.readAtNanos() < AUTH_CACHE_NANOS) return c.auth();
        // Two requests may both refresh at expiry; that is one extra read, not worth a lock on the hot path.
        WebhookAuth fresh = settings(tenantId).webhookAuth();
        authCache.put(tenantId, new CachedAuth(fresh, now));
        return fresh;
    }

    /**
     * Whether {@link #find} and {@link #webhookAuth} answer from memory now, without reading the database: the
     * webhook fast path checks a delivery on Jetty's selector thread only then. A second's margin keeps the
     * cached auth from expiring between this answer and its use.
     */
    public boolean inMemory(String id) {
        CachedAuth c = authCache.get(id);
        return c != null && System.nanoTime() - c.readAtNanos() < AUTH_CACHE_NANOS - IN_MEMORY_MARGIN_NANOS && cache.containsKey(id);
    }

    private static final long IN_MEMORY_MARGIN_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    /** Changes the tenant's settings (404 {@code unknown_tenant} if it does not exist) and returns them. */
    public TenantSettings updateSettings(String tenantId, TenantSettingsRepository.SettingsChange change) {
        String id = require(tenantId).id();
        TenantSettings updated = writer.submitAndWait(h -> new TenantSettingsRepository(h, cipher).update(id, change, clock.millis()));
        authCache.remove(id);
        return updated;
    }

    /**
     * At start: checks that every stored credential decrypts with the configured master key (so a wrong key
     * stops the start with a clear message instead of failing webhooks later), then encrypts the Vapi public
     * keys that schema v2 stored in plaintext, when a master key is configured. Returns how many it encrypted.
     */
    public int checkAndEncryptCredentials() {
        List<String> ids = database.read(h -> new TenantSettingsRepository(h, cipher).tenantsWithSettings());
        for (String id : ids) {
            try {
                settings(id);
            } catch (CredentialCipher.DecryptionException e) {
                throw new dev.switchboard.config.ConfigException(e.getMessage());
            }
        }
        if (!cipher.hasKey()) return 0;
        return writer.submitAndWait(h -> {
            var repo = new TenantSettingsRepository(h, cipher);
            int n = 0;
            for (String id : ids) if (repo.encryptLegacyPlaintext(id)) n++;
            return n;
        });
    }

    public CredentialCipher cipher() {
        return cipher;
    }

    /** Creates the tenant if it is missing; returns true when it was created. */
    public boolean ensure(String id, String name) {
        boolean created = writer.submitAndWait(h -> new TenantRepository(h).createIfAbsent(id, name, clock.millis()));
        cache.remove(id);
        return created;
    }

    /** Renames the tenant (404 {@code unknown_tenant} if it does not exist) and returns it as it is now. */
    public Tenant rename(String id, String name) {
        String known = require(id).id();
        writer.submitAndWait(h -> new TenantRepository(h).rename(known, name));
        cache.remove(known);
        return require(known);
    }

    /**
     * Sets the tenant's time zone; 404 {@code unknown_tenant} if it does not exist, 400 if {@code zone} is not
     * an IANA time zone id (like {@code America/New_York}).
     */
    public Tenant setTimeZone(String id, String zone) {
        String checked = checkZone(zone);
        require(id);
        writer.submitAndWait(h -> new TenantRepository(h).setTimeZone(id, checked));
        cache.remove(id);
        return require(id);
    }

    /** The zone id as given when it is a known IANA region id (or UTC); otherwise a 400 that says what is expected. */
    public static String checkZone(String zone) {
        if (zone != null && (zone.equals("UTC") || (zone.contains("/") && java.time.ZoneId.getAvailableZoneIds().contains(zone)))) return zone;
        throw new ApiException(ErrorCode.INVALID_REQUEST, "time zone must be an IANA time zone id like America/New_York, Europe/Berlin or UTC");
    }

    private static String printable(String id) {
        String s = id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
