package dev.switchboard.control;

import dev.switchboard.audit.AuditLog;
import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.Json;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The supervisor action audit: writes go through the single group-committing writer, reads run on the
 * pool. Thread-safe.
 *
 * <p>Each action is also written to the structured audit log as {@code call.<action>}, in the same
 * transaction. The admins' audit view then reads one table with one index and one keyset cursor (a UNION
 * with {@code supervisor_actions} would need a cursor over two id sequences and duplicate every filter);
 * {@code supervisor_actions} stays the per-call record with provider status, latency and listen statistics.
 * A listen session's audit event is its start; how it ended is on its {@code supervisor_actions} row.
 */
public final class ActionLog {
    private final Database database;
    private final GroupCommitter writer;

    public ActionLog(Database database, GroupCommitter writer) {
        this.database = database;
        this.writer = writer;
    }

    /** Stores the action, waits for the commit, and returns it with its id. */
    public SupervisorAction record(SupervisorAction a) {
        long id = writer.submitAndWait(h -> insertBoth(h, a));
        return withId(a, id);
    }

    /** Stores the action without waiting (listen sessions: the socket thread must not block on the disk). */
    public CompletableFuture<Long> recordLater(SupervisorAction a) {
        return writer.submit(h -> insertBoth(h, a));
    }

    private static long insertBoth(Handle h, SupervisorAction a) {
        long id = new SupervisorActionRepository(h).insert(a.tenantId(), a);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (a.parameters() != null && !a.parameters().equals("{}")) detail.put("parameters", Json.readStored(a.parameters()));
        if (!SupervisorAction.OK.equals(a.outcome())) detail.put("result", a.outcome());
        detail.put("reason", a.detail());
        detail.put("providerStatus", a.providerStatus());
        AuditLog.recordIn(h, a.tenantId(), actor(a), "call." + a.action(), a.callId(), outcome(a.outcome()), detail, a.at());
        return id;
    }

    /**
     * The actor's kind from the name the gate gave it: {@code Principal.Key} names itself "API key …", every
     * other principal that passes the supervisor gate is a signed-in user.
     */
    private static AuditLog.Actor actor(SupervisorAction a) {
        String name = a.actor() == null ? "unknown" : a.actor();
        return new AuditLog.Actor(name.startsWith("API key ") ? AuditLog.ActorKind.API_KEY : AuditLog.ActorKind.USER, name, a.clientAddress());
    }

    private static AuditLog.Outcome outcome(String supervisorOutcome) {
        if (SupervisorAction.OK.equals(supervisorOutcome)) return AuditLog.Outcome.OK;
        return SupervisorAction.REJECTED.equals(supervisorOutcome) ? AuditLog.Outcome.DENIED : AuditLog.Outcome.FAILED;
    }

    /** Closes a listen session's row once its insert has committed; never blocks. */
    public CompletableFuture<Boolean> finishListenLater(String tenantId, CompletableFuture<Long> id, String parameters,
                                                        String outcome, String detail, Long latencyMs, long endedAt,
                                                        long framesDropped) {
        return id.thenCompose(rowId -> writer.submit(h -> new SupervisorActionRepository(h)
                .finishListen(tenantId, rowId, parameters, outcome, detail, latencyMs, endedAt, framesDropped)));
    }

    /** The call's actions as the API shows them, oldest first. */
    public List<ActionView> forCall(String tenantId, String callId) {
        return database.read(h -> new SupervisorActionRepository(h).forCall(tenantId, callId)).stream().map(ActionView::of).toList();
    }

    private static SupervisorAction withId(SupervisorAction a, long id) {
        return new SupervisorAction(id, a.tenantId(), a.callId(), a.action(), a.actor(), a.clientAddress(), a.parameters(),
                a.outcome(), a.detail(), a.providerStatus(), a.latencyMs(), a.at(), a.endedAt(), a.framesDropped());
    }
}
