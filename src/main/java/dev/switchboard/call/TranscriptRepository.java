package dev.switchboard.call;

import dev.switchboard.db.DirectStatement;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * Transcript lines per call and source. Which source a reader sees is decided here, once:
 * the report if there is one, else live final transcripts, else the conversation updates.
 */
public final class TranscriptRepository {
    public static final String LIVE = "live";
    public static final String CONVERSATION = "conversation";
    public static final String REPORT = "report";

    private final Handle h;

    public TranscriptRepository(Handle h) {
        this.h = h;
    }

    public TranscriptLine appendLive(String tenantId, String callId, String role, String text, long at, Double secondsFromStart) {
        long id = insert(tenantId, callId, LIVE, null, role, text, at, secondsFromStart);
        return new TranscriptLine(id, callId, LIVE, role, text, at, secondsFromStart);
    }

    /** Stores the turns not stored yet (the list only grows) and returns them. */
    public List<TranscriptLine> mergeConversation(String tenantId, String callId, List<Utterance> lines) {
        long known = DirectStatement.of(h, LAST_INDEX).text(tenantId).text(callId).text(CONVERSATION).queryLong();
        List<TranscriptLine> added = new ArrayList<>();
        for (Utterance u : lines) {
            if (u.idx() <= known) continue;
            long id = insert(tenantId, callId, CONVERSATION, u.idx(), u.role(), u.text(), u.at(), u.secondsFromStart());
            added.add(new TranscriptLine(id, callId, CONVERSATION, u.role(), u.text(), u.at(), u.secondsFromStart()));
        }
        return added;
    }

    /** Replaces the call's report transcript (the report is authoritative and arrives once). */
    public void replaceReport(String tenantId, String callId, List<Utterance> lines) {
        DirectStatement.of(h, DELETE_SOURCE).text(tenantId).text(callId).text(REPORT).update();
        int i = 0;
        for (Utterance u : lines) {
            insert(tenantId, callId, REPORT, i++, u.role(), u.text(), u.at(), u.secondsFromStart());
        }
    }

    /** The sources the call has lines from (one query; the transcript hot path asks this once per message). */
    public Set<String> sources(String tenantId, String callId) {
        return new HashSet<>(DirectStatement.of(h, SOURCES).text(tenantId).text(callId).queryList(rs -> rs.getString(1)));
    }

    /** The latest line of each of the given calls (any source), for previews on the board. */
    public Map<String, TranscriptLine> lastLines(String tenantId, List<String> callIds) {
        if (callIds.isEmpty()) return Map.of();
        Map<String, TranscriptLine> out = new HashMap<>();
        h.createQuery("SELECT t.id, t.call_id, t.source, t.role, t.text, t.at, t.seconds_from_start FROM transcript_lines t "
                        + "JOIN (SELECT MAX(id) AS id FROM transcript_lines WHERE tenant_id = :t AND call_id IN (<ids>) GROUP BY call_id) last "
                        + "ON t.id = last.id")
                .bind("t", tenantId).bindList("ids", callIds)
                .map((rs, ctx) -> line(rs))
                .forEach(l -> out.put(l.callId(), l));
        return out;
    }

    /** The transcript a reader should see, in speaking order. */
    public List<TranscriptLine> lines(String tenantId, String callId) {
        List<TranscriptLine> all = DirectStatement.of(h, LINES).text(tenantId).text(callId).queryList(TranscriptRepository::line);
        for (String source : List.of(REPORT, LIVE, CONVERSATION)) {
            List<TranscriptLine> chosen = all.stream().filter(l -> l.source().equals(source)).toList();
            if (!chosen.isEmpty()) return chosen;
        }
        return List.of();
    }

    private long insert(String tenantId, String callId, String source, Integer idx, String role, String text, long at, Double sfs) {
        return DirectStatement.of(h, INSERT).text(tenantId).text(callId).text(source).int32(idx).text(role).text(text)
                .int64(at).float64(sfs).queryLong();
    }

    /** A line from the columns id, call_id, source, role, text, at, seconds_from_start. */
    private static TranscriptLine line(ResultSet rs) throws SQLException {
        return new TranscriptLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                CallRepository.nullableDouble(rs, "seconds_from_start"));
    }

    private static final String INSERT = "INSERT INTO transcript_lines (tenant_id, call_id, source, idx, role, text, at, "
            + "seconds_from_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String LAST_INDEX = "SELECT COALESCE(MAX(idx), -1) FROM transcript_lines WHERE tenant_id = ? AND call_id = ? "
            + "AND source = ?";
    private static final String DELETE_SOURCE = "DELETE FROM transcript_lines WHERE tenant_id = ? AND call_id = ? AND source = ?";
    private static final String SOURCES = "SELECT DISTINCT source FROM transcript_lines WHERE tenant_id = ? AND call_id = ?";
    private static final String LINES = "SELECT id, call_id, source, role, text, at, seconds_from_start FROM transcript_lines "
            + "WHERE tenant_id = ? AND call_id = ? ORDER BY at, id";
}
