package dev.switchboard.control;

import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The supervisor action audit: writes go through the single group-committing writer, reads run on the
 * pool. Thread-safe.
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
        long id = writer.submitAndWait(h -> new SupervisorActionRepository(h).insert(a.tenantId(), a));
        return withId(a, id);
    }

    /** Stores the action without waiting (listen sessions: the socket thread must not block on the disk). */
    public CompletableFuture<Long> recordLater(SupervisorAction a) {
        return writer.submit(h -> new SupervisorActionRepository(h).insert(a.tenantId(), a));
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
