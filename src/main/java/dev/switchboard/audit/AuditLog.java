package dev.switchboard.audit;

import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.Json;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The structured audit log: who did what to what, when, from where, and how it went. Any feature records an
 * event with one call:
 *
 * <pre>{@code
 * audit.record(tenantId,                       // null for agency-wide events
 *              Gate.of(ctx).auditActor(ctx.ip()),  // or Actor.cli(), Actor.system()
 *              "history.exported",             // dotted: <feature>.<what happened>
 *              "calls.csv",                    // what was acted on (email, key prefix, call id…), or null
 *              AuditLog.Outcome.OK,
 *              Map.of("rows", 1200));          // small details, or Map.of()
 * }</pre>
 *
 * For {@code settings.changed}, put the changed field names in the detail ({@code Map.of("fields", List.of(…))}),
 * never their values. Detail fields whose name mentions a password, secret, token, key or URL are dropped
 * here whatever the caller passes, so a mistake does not put a credential in the table.
 *
 * <p>{@link #record} writes synchronously through the group-committing writer (audited events are rare
 * admin actions and sign-ins; a burst of sign-ins shares commits). A recording failure is logged and never
 * fails the action it describes: the action already happened. Thread-safe.
 */
public final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_TEXT = 254;
    /** Detail field names that may carry a credential or a capability URL. */
    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|secret|token|key|url|hash|cookie).*");

    /** Who acts: a signed-in user, a program with an API key, an operator at the command line, the server itself. */
    public enum ActorKind {
        USER, API_KEY, CLI, SYSTEM, ANONYMOUS;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static ActorKind parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public enum Outcome {
        OK, DENIED, FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Who did it, as the audit names them: an email, or a key's name and prefix, never a secret.
     *
     * @param address the client's network address, null when there is none (CLI)
     */
    public record Actor(ActorKind kind, String name, String address) {
        public Actor {
            name = clip(name == null || name.isBlank() ? kind.wire() : name);
        }

        /** An operator at the command line of this machine (named by the OS account running it). */
        public static Actor cli() {
            return new Actor(ActorKind.CLI, "cli:" + System.getProperty("user.name", "operator"), null);
        }

        public static Actor system() {
            return new Actor(ActorKind.SYSTEM, "switchboard", null);
        }

        public static Actor anonymous(String address) {
            return new Actor(ActorKind.ANONYMOUS, "anonymous", address);
        }
    }

    private final Database database;
    private final GroupCommitter writer;
    private final Clock clock;

    public AuditLog(Database database, GroupCommitter writer, Clock clock) {
        this.database = database;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Records one event and waits for its commit.
     *
     * @param tenantId the tenant it concerns, or null for agency-wide events (sign-ins, users, tenants)
     * @param action   dotted, {@code <feature>.<what happened>}, e.g. {@code user.created}, {@code settings.changed}
     * @param target   what was acted on (email, key prefix, call id, tenant id…), or null
     * @param detail   small extra facts (JSON-serialisable values); sensitive field names are dropped
     */
    public void record(String tenantId, Actor actor, String action, String target, Outcome outcome, Map<String, ?> detail) {
        AuditEvent e = event(tenantId, actor, action, target, outcome, detail, clock.millis());
        try {
            writer.submitAndWait(h -> new AuditRepository(h).insert(e));
        } catch (RuntimeException failure) {
            log.warn("could not record audit event {} on {}: {}", action, tenantId == null ? "(agency)" : tenantId, failure.toString());
        }
    }

    /** Records the event in the caller's transaction (so it commits or rolls back with the change it describes). */
    public static void recordIn(Handle h, String tenantId, Actor actor, String action, String target, Outcome outcome,
                                Map<String, ?> detail, long at) {
        new AuditRepository(h).insert(event(tenantId, actor, action, target, outcome, detail, at));
    }

    public AuditQuery.Page query(AuditQuery q) {
        return database.read(h -> new AuditRepository(h).page(q));
    }

    private static AuditEvent event(String tenantId, Actor actor, String action, String target, Outcome outcome, Map<String, ?> detail,
                                    long at) {
        return new AuditEvent(0, tenantId, at, actor.kind(), actor.name(), clip(actor.address()), action, clip(target), outcome,
                detailJson(detail));
    }

    /** The detail as a JSON object without sensitive fields; null when nothing is left. */
    static String detailJson(Map<String, ?> detail) {
        if (detail == null || detail.isEmpty()) return null;
        Map<String, Object> safe = new TreeMap<>(); // sorted: the same detail always reads the same
        detail.forEach((k, v) -> {
            if (v != null && !SENSITIVE.matcher(k).matches()) safe.put(k, v);
        });
        return safe.isEmpty() ? null : Json.write(safe);
    }

    /** Printable and at most {@value #MAX_TEXT} characters (control characters could forge lines in a terminal). */
    static String clip(String s) {
        if (s == null) return null;
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }
}
