package dev.switchboard.history;

import dev.switchboard.call.CallRepository;
import dev.switchboard.call.TranscriptLine;
import dev.switchboard.call.TranscriptRepository;
import dev.switchboard.db.Dialect;
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
    private final Dialect dialect;

    public SearchIndex(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Rewrites the call's search document from what is stored now. */
    public void refresh(Handle h, String tenantId, String callId) {
        String summary = new CallRepository(h).find(tenantId, callId).map(c -> c.summary()).orElse(null);
        List<TranscriptLine> lines = new TranscriptRepository(h).lines(tenantId, callId);
        StringBuilder body = new StringBuilder(summary == null ? "" : summary).append('\n');
        for (TranscriptLine l : lines) body.append(l.text()).append('\n');
        write(h, tenantId, callId, body.toString());
    }

    /** Stores a document (insert or replace). */
    public void write(Handle h, String tenantId, String callId, String body) {
        h.createUpdate(upsertSql()).bind("t", tenantId).bind("c", callId).bind("body", body).bind("key", tenantKey(tenantId)).execute();
    }

    String upsertSql() {
        return dialect == Dialect.SQLITE
                ? "INSERT INTO call_search_docs (tenant_id, call_id, body) VALUES (:t, :c, :body) "
                        + "ON CONFLICT (tenant_id, call_id) DO UPDATE SET body = excluded.body"
                : "INSERT INTO call_search_docs (tenant_id, call_id, body, tsv) VALUES (:t, :c, :body, "
                        + "to_tsvector('simple', :key) || to_tsvector('english', :body)) "
                        + "ON CONFLICT (tenant_id, call_id) DO UPDATE SET body = excluded.body, tsv = excluded.tsv";
    }

    /** The single token that stands for the tenant inside the index (the migration computes the same). */
    static String tenantKey(String tenantId) {
        return "x" + HexFormat.of().formatHex(tenantId.getBytes(StandardCharsets.UTF_8));
    }
}
