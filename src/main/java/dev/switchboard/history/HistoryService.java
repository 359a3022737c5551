package dev.switchboard.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.switchboard.call.CallView;
import dev.switchboard.db.Database;
import dev.switchboard.http.IsoTime;
import org.jdbi.v3.core.Handle;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads history for one tenant at a time: pages (with highlights when searching), exports, raw provider events. */
public final class HistoryService {
    private static final int SUMMARY_PREVIEW = 240;

    private final Database database;

    public HistoryService(Database database) {
        this.database = database;
    }

    /** A page of a view: its rows, where the next starts (null at the end), and on a first page the capped count. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(List<Item> items, String next, Total total) {}

    /** How many calls the view has: exact up to the cap, else {@code atLeast}. */
    public record Total(int count, boolean atLeast) {}

    /** One part of a highlighted snippet: matched words have {@code match} true. */
    public record Part(String text, boolean match) {}

    /** A call in the history list (compact: the call page has the rest). */
    public record Item(String id, String createdAt, String startedAt, String endedAt, String status, String direction,
                       String type, String phoneNumber, String assistantId, String assistantName, String endedReason,
                       String endedCategory, Double durationSeconds, Double cost, boolean transferred,
                       @JsonRawValue String successEvaluation, String summary, List<Part> highlight) {}

    public Page page(String tenantId, HistoryQuery q) {
        return database.read(h -> h.inTransaction((Handle tx) -> {
            HistoryRepository repo = new HistoryRepository(tx, database.dialect());
            repo.planForTheseValues(q);
            List<HistoryRow> rows = repo.page(tenantId, q);
            boolean more = rows.size() > q.limit();
            if (more) rows = rows.subList(0, q.limit());
            Map<String, String> snippets = repo.snippets(tenantId, q, rows.stream().map(HistoryRow::id).toList());
            Total total = null;
            if (q.cursor() == null) {
                int n = more ? repo.cappedCount(tenantId, q) : rows.size();
                total = new Total(Math.min(n, HistoryRepository.COUNT_CAP), n > HistoryRepository.COUNT_CAP);
            }
            List<Item> items = new ArrayList<>(rows.size());
            for (HistoryRow r : rows) items.add(item(r, snippets.get(r.id())));
            return new Page(items, more ? rows.get(rows.size() - 1).cursor().encode() : null, total);
        }));
    }

    /**
     * Writes every row of the view to {@code out} in {@code format} ({@code csv} or {@code jsonl}) as it is read,
     * inside one read transaction (one consistent snapshot; PostgreSQL streams through a cursor). Returns the rows
     * written.
     */
    public long export(String tenantId, ZoneId zone, HistoryQuery q, String format, OutputStream out, long[] progress) {
        return database.jdbi().withHandle(h -> h.inTransaction((Handle tx) -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            ExportFormat f = ExportFormat.of(format, w, zone);
            f.begin();
            HistoryRepository repo = new HistoryRepository(tx, database.dialect());
            repo.planForTheseValues(q);
            long n = repo.stream(tenantId, q, row -> {
                f.row(row);
                progress[0]++;
            });
            try {
                w.flush();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            return n;
        }));
    }

    /** The provider's messages about the call, secrets and capability URLs removed (see {@link RawEvents}). */
    public List<RawEvents.Event> rawEvents(String tenantId, String callId) {
        return database.read(h -> RawEvents.of(h, tenantId, callId));
    }

    static Item item(HistoryRow r, String snippet) {
        String summary = r.summary();
        if (summary != null && summary.length() > SUMMARY_PREVIEW) summary = summary.substring(0, SUMMARY_PREVIEW - 1) + "…";
        return new Item(r.id(), IsoTime.of(r.createdAt()), IsoTime.of(r.startedAt()), IsoTime.of(r.endedAt()), r.status(),
                CallView.direction(r.callType()), r.callType(), r.phoneNumber(), r.assistantId(), r.assistantName(), r.endedReason(),
                r.endedCategory(), r.durationMs() == null ? null : r.durationMs() / 1000.0, r.cost(), r.transferred(),
                r.successEvaluation(), summary, snippet == null ? null : parts(snippet));
    }

    /** Splits a snippet with highlight marks into parts (the browser renders them as text, never as HTML). */
    static List<Part> parts(String snippet) {
        List<Part> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean match = false;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (c == HistoryRepository.MARK_START || c == HistoryRepository.MARK_END) {
                if (current.length() > 0) parts.add(new Part(current.toString(), match));
                current.setLength(0);
                match = c == HistoryRepository.MARK_START;
            } else {
                current.append(c == '\n' ? ' ' : c);
            }
        }
        if (current.length() > 0) parts.add(new Part(current.toString(), match));
        return parts;
    }
}
