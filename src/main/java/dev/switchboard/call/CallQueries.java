package dev.switchboard.call;

import dev.switchboard.db.Database;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side for calls: lists, the dashboard snapshot, one call with its timeline and transcript. */
public final class CallQueries {
    /** More live calls than this at once is not a dashboard any more; the rest are in history. */
    static final int MAX_LIVE = 500;

    private final Database database;
    private final int recentInSnapshot;

    public CallQueries(Database database, int recentInSnapshot) {
        this.database = database;
        this.recentInSnapshot = recentInSnapshot;
    }

    public List<Call> recent(String tenantId, int limit) {
        return database.read(h -> new CallRepository(h).recent(tenantId, limit));
    }

    /** What a dashboard gets on connect: calls newest first, and the latest line of each live call. */
    public record Snapshot(List<CallView> calls, Map<String, LineView> lastLines) {}

    /** Every live call plus the most recent ended ones, newest first, with the live calls' latest lines. */
    public Snapshot snapshot(String tenantId) {
        return database.read(h -> {
            CallRepository calls = new CallRepository(h);
            Map<String, Call> byId = new LinkedHashMap<>();
            List<Call> live = calls.live(tenantId, MAX_LIVE);
            live.forEach(c -> byId.put(c.id(), c));
            if (recentInSnapshot > 0) calls.recent(tenantId, recentInSnapshot).forEach(c -> byId.putIfAbsent(c.id(), c));
            List<Call> all = new ArrayList<>(byId.values());
            all.sort((a, b) -> a.createdAt() != b.createdAt() ? Long.compare(b.createdAt(), a.createdAt()) : b.id().compareTo(a.id()));
            Map<String, LineView> lastLines = new LinkedHashMap<>();
            new TranscriptRepository(h).lastLines(tenantId, live.stream().map(Call::id).toList())
                    .forEach((id, line) -> lastLines.put(id, LineView.of(line)));
            return new Snapshot(all.stream().map(CallView::of).toList(), lastLines);
        });
    }

    /** The call with its timeline and transcript; 404 {@code call_not_found} for another tenant's or no call. */
    public CallDetail detail(String tenantId, String callId) {
        return database.read(h -> {
            Call call = new CallRepository(h).find(tenantId, callId).orElseThrow(() -> notFound(tenantId, callId));
            return new CallDetail(call, new StatusEventRepository(h).list(tenantId, callId),
                    new TranscriptRepository(h).lines(tenantId, callId));
        });
    }

    public boolean exists(String tenantId, String callId) {
        return database.read(h -> new CallRepository(h).find(tenantId, callId).isPresent());
    }

    public List<StatusEvent> statusEvents(String tenantId, String callId) {
        return database.read(h -> new StatusEventRepository(h).list(tenantId, callId));
    }

    static ApiException notFound(String tenantId, String callId) {
        return new ApiException(ErrorCode.CALL_NOT_FOUND, "No call '" + printable(callId) + "' for client '" + tenantId + "'");
    }

    static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /** A call with everything the detail panel shows. */
    public record CallDetail(Call call, List<StatusEvent> timeline, List<TranscriptLine> transcript) {}
}
