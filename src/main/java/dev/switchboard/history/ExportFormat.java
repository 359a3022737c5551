package dev.switchboard.history;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.switchboard.http.IsoTime;
import dev.switchboard.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;

/**
 * The export's columns and how one row is written in each format. The README's "Export" section lists the same
 * columns; keep them in step. One instance per export (it holds the writer); not thread-safe.
 */
abstract sealed class ExportFormat {
    static final List<String> COLUMNS = List.of("id", "created_at", "created_local", "started_at", "ended_at", "status",
            "direction", "call_type", "phone_number", "our_number", "assistant_id", "assistant_name", "ended_reason",
            "ended_category", "duration_seconds", "cost", "transferred", "transfer_destination", "success_evaluation",
            "structured_data", "summary", "recording_url");

    protected final Writer out;
    protected final ZoneId zone;

    ExportFormat(Writer out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    static ExportFormat of(String name, Writer out, ZoneId zone) {
        return name.equals("csv") ? new Csv(out, zone) : new JsonLines(out, zone);
    }

    abstract void begin();

    abstract void row(HistoryRow r);

    /** The values of a row, in {@link #COLUMNS} order; numbers as numbers, JSON fields as their JSON text. */
    Object[] values(HistoryRow r) {
        return new Object[] {r.id(), IsoTime.of(r.createdAt()), IsoTime.local(r.createdAt(), zone),
                IsoTime.of(r.startedAt()), IsoTime.of(r.endedAt()), r.status(), dev.switchboard.call.CallView.direction(r.callType()),
                r.callType(), r.phoneNumber(), r.ourNumber(), r.assistantId(), r.assistantName(), r.endedReason(),
                r.endedCategory(), r.durationMs() == null ? null : r.durationMs() / 1000.0, r.cost(), r.transferred(),
                r.transferDestination(), r.successEvaluation(), r.structuredData(), r.summary(), r.recordingUrl()};
    }

    /**
     * RFC 4180 CSV in UTF-8 with a byte-order mark (Excel then reads it as UTF-8), CRLF line ends. A text value that
     * starts with =, +, -, @, tab or CR gets a leading apostrophe: a spreadsheet would otherwise run it as a
     * formula (CSV injection), and caller-supplied text (summaries, structured data, names) ends up here.
     */
    static final class Csv extends ExportFormat {
        Csv(Writer out, ZoneId zone) {
            super(out, zone);
        }

        @Override
        void begin() {
            write("\uFEFF" + String.join(",", COLUMNS) + "\r\n");
        }

        @Override
        void row(HistoryRow r) {
            Object[] v = values(r);
            StringBuilder line = new StringBuilder(256);
            for (int i = 0; i < v.length; i++) {
                if (i > 0) line.append(',');
                line.append(field(v[i]));
            }
            write(line.append("\r\n").toString());
        }

        static String field(Object value) {
            if (value == null) return "";
            String s;
            if (value instanceof Double d) s = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : format(d);
            else s = value.toString();
            if (value instanceof String && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
            boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
            return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
        }

        /** Plain decimal notation, never an exponent (what BigDecimal.valueOf(d).toPlainString() gives, cheaper). */
        private static String format(double d) {
            String s = Double.toString(d);
            return s.indexOf('E') < 0 ? s : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    /** One JSON object per line (UTF-8, LF), the same columns, JSON fields as nested JSON. */
    static final class JsonLines extends ExportFormat {
        JsonLines(Writer out, ZoneId zone) {
            super(out, zone);
        }

        @Override
        void begin() {}

        @Override
        void row(HistoryRow r) {
            Object[] v = values(r);
            try {
                JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out);
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                for (int i = 0; i < v.length; i++) {
                    String name = COLUMNS.get(i);
                    Object value = v[i];
                    if (value == null) g.writeNullField(name);
                    else if (name.equals("success_evaluation") || name.equals("structured_data")) {
                        // Stored JSON text Switchboard itself serialized: copied, not re-parsed per row.
                        g.writeFieldName(name);
                        g.writeRawValue((String) value);
                    } else g.writeObjectField(name, value);
                }
                g.writeEndObject();
                g.flush();
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    protected void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
