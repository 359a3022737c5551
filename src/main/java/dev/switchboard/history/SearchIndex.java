package dev.switchboard.history;

import dev.switchboard.call.CallRepository;
import dev.switchboard.call.TranscriptLine;
import dev.switchboard.call.TranscriptRepository;
import dev.switchboard.db.Dialect;
import dev.switchboard.db.DirectStatement;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The write side of full-text search: one document per ended call (its summary, then the transcript a reader
 * sees), written in the caller's transaction so search never disagrees with the call for long. SQLite's FTS5
 * index follows the document table by trigger; PostgreSQL's vector is computed here. Stateless.
 */
public final class SearchIndex {
    /** The trigger that indexes a new document in SQLite, exactly as schema v8 creates it (the generator recreates it). */
    static final String SQLITE_INSERT_TRIGGER = "CREATE TRIGGER call_search_docs_ai AFTER INSERT ON call_search_docs BEGIN\n"
            + "    INSERT INTO call_search (rowid, tenant_key, body) VALUES (new.id, 'x' || lower(hex(new.tenant_id)), new.body);\n"
            + "END";

    private final Dialect dialect;

    public SearchIndex(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Rewrites the call's search document from what is stored now. */
    public void refresh(Handle h, String tenantId, String callId) {
        var call = new CallRepository(h).find(tenantId, callId);
        if (call.isEmpty()) return;
        String summary = call.get().summary();
        List<TranscriptLine> lines = new TranscriptRepository(h).lines(tenantId, callId);
        StringBuilder body = new StringBuilder(summary == null ? "" : summary).append('\n');
        for (TranscriptLine l : lines) body.append(l.text()).append('\n');
        write(h, tenantId, callId, call.get().createdAt(), body.toString());
    }

    /** Stores a document (insert or replace). */
    public void write(Handle h, String tenantId, String callId, long createdAt, String body) {
        if (dialect == Dialect.SQLITE) {
            if (DirectStatement.of(h, SQLITE_UPDATE).text(body).text(tenantId).text(callId).update() > 0) return;
            DirectStatement.of(h, SQLITE_INSERT).int64(freeId(h, createdAt)).text(tenantId).text(callId).text(body).update();
            return;
        }
        DirectStatement.of(h, POSTGRES_UPSERT).text(tenantId).text(callId).text(body).text(tenantKey(tenantId)).text(body).update();
    }

    /**
     * SQLite: a free document id in the call's millisecond (see schema v8), after the ones already there. A
     * millisecond that is full (a sender stamping thousands of calls with one creation time) spills into the first
     * free id after it: those calls then sort a few milliseconds late among search results, and nothing fails.
     */
    static long freeId(Handle h, long createdAt) {
        long base = Math.min(Math.max(0, createdAt), Long.MAX_VALUE / SLOTS - 1) * SLOTS;
        Long last = DirectStatement.of(h, LAST_ID).int64(base).int64(base + SLOTS).queryLong();
        if (last == null) return base;
        if (last + 1 < base + SLOTS) return last + 1;
        return h.createQuery("SELECT MIN(d.id) + 1 FROM call_search_docs d WHERE d.id >= :full "
                        + "AND NOT EXISTS (SELECT 1 FROM call_search_docs n WHERE n.id = d.id + 1)")
                .bind("full", last).mapTo(Long.class).one();
    }

    /** Document ids per millisecond of created_at (SQLite). */
    static final long SLOTS = 1000;

    /** Binds tenant, call, body, tenant key, body. */
    private static final String POSTGRES_UPSERT = "INSERT INTO call_search_docs (tenant_id, call_id, body, tsv) VALUES (?, ?, ?, "
                        + "to_tsvector('simple', ?) || to_tsvector('english', ?)) "
                        + "ON CONFLICT (tenant_id, call_id) DO UPDATE SET body = excluded.body, tsv = excluded.tsv";
    private static final String SQLITE_UPDATE = "UPDATE call_search_docs SET body = ? WHERE tenant_id = ? AND call_id = ?";
    private static final String SQLITE_INSERT = "INSERT INTO call_search_docs (id, tenant_id, call_id, body) VALUES (?, ?, ?, ?)";
    private static final String LAST_ID = "SELECT MAX(id) FROM call_search_docs WHERE id >= ? AND id < ?";

    /** The single token that stands for the tenant inside the index (the migration computes the same). */
    static String tenantKey(String tenantId) {
        return "x" + HexFormat.of().formatHex(tenantId.getBytes(StandardCharsets.UTF_8));
    }
}
