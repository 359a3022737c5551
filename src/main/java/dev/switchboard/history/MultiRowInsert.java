package dev.switchboard.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers rows and writes them with multi-row INSERT statements ({@code VALUES (…), (…), …}), prepared once per
 * shape: for bulk loading, where one statement per row would spend its time in round trips and parsing. Values
 * are always bound. Not thread-safe.
 */
final class MultiRowInsert implements AutoCloseable {
    private final Connection connection;
    private final String prefix;
    private final String rowTemplate;
    private final int columns;
    private final int rowsPerStatement;
    private final List<Object[]> pending = new ArrayList<>();
    private PreparedStatement full;

    /** {@code rowTemplate} is one row's VALUES tuple with its placeholders, e.g. {@code (?, ?, lower(?))}. */
    MultiRowInsert(Connection connection, String prefix, String rowTemplate, int rowsPerStatement) {
        this.connection = connection;
        this.prefix = prefix;
        this.rowTemplate = rowTemplate;
        this.columns = (int) rowTemplate.chars().filter(c -> c == '?').count();
        this.rowsPerStatement = rowsPerStatement;
    }

    void add(Object... row) throws SQLException {
        if (row.length != columns) throw new IllegalArgumentException("expected " + columns + " values, got " + row.length);
        pending.add(row);
        if (pending.size() == rowsPerStatement) {
            if (full == null) full = connection.prepareStatement(sql(rowsPerStatement));
            execute(full, pending);
            pending.clear();
        }
    }

    /** Writes what is buffered (a shorter statement for the remainder). */
    void flush() throws SQLException {
        if (pending.isEmpty()) return;
        try (PreparedStatement rest = connection.prepareStatement(sql(pending.size()))) {
            execute(rest, pending);
        }
        pending.clear();
    }

    private void execute(PreparedStatement s, List<Object[]> rows) throws SQLException {
        int i = 1;
        for (Object[] row : rows) for (Object v : row) s.setObject(i++, v);
        s.executeUpdate();
    }

    private String sql(int rows) {
        StringBuilder b = new StringBuilder(prefix.length() + rows * (rowTemplate.length() + 2)).append(prefix).append(" VALUES ");
        for (int r = 0; r < rows; r++) b.append(r == 0 ? "" : ", ").append(rowTemplate);
        return b.toString();
    }

    @Override
    public void close() throws SQLException {
        if (full != null) full.close();
    }
}
