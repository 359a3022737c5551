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
    private final ConcurrentMap<String, Tenant> cache = new ConcurrentHashMap<>();

    public TenantDirectory(Database database, GroupCommitter writer, Clock clock) {
        this.database = database;
        this.writer = writer;
        this.clock = clock;
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
        return database.read(h -> new TenantSettingsRepository(h).find(tenantId));
    }

    /** Changes the tenant's settings (404 {@code unknown_tenant} if it does not exist) and returns them. */
    public TenantSettings updateSettings(String tenantId, TenantSettingsRepository.SettingsChange change) {
        String id = require(tenantId).id();
        return writer.submitAndWait(h -> new TenantSettingsRepository(h).update(id, change, clock.millis()));
    }

    /** Creates the tenant if it is missing; returns true when it was created. */
    public boolean ensure(String id, String name) {
        boolean created = writer.submitAndWait(h -> new TenantRepository(h).createIfAbsent(id, name, clock.millis()));
        cache.remove(id);
        return created;
    }

    private static String printable(String id) {
        String s = id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
