package dev.switchboard.history;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallWriteListener;
import dev.switchboard.db.DirectStatement;
import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * SQLite: the top-level values of every call's structured data as rows of {@code call_data_values} (schema v10),
 * so a {@code data.<field>=<value>} filter reads an index in time order instead of parsing each call's JSON until
 * enough match (a value in one call of twenty meant parsing thousands of calls for one page and its count).
 * The rows are made by SQLite from the stored JSON with the very expression the filter compares
 * ({@code structured_data -> '$.field'}), so the index answers exactly what the filter would. Kept in step as a
 * {@link CallWriteListener}: in the writing transaction, and only when a write changed the data or the creation
 * time. PostgreSQL needs none of this (its planner estimates the filter and reads few rows). Stateless.
 */
public final class DataValues implements CallWriteListener {
    /** A value whose JSON text is longer is not indexed; a filter on so long a value parses the JSON instead. */
    static final int MAX_VALUE_LENGTH = 256;

    /**
     * The rows of the calls a condition on {@code c} selects (the migration's backfill is the same statement).
     * Only fields a filter can name (letters, digits, _, up to 64) with a value it can equal (not an object or
     * array) are kept; a call whose data is not a JSON object has none.
     */
    private static final String INSERT_OF_CALLS = "INSERT OR IGNORE INTO call_data_values (tenant_id, field, value, created_at, call_id) "
            + "SELECT tenant_id, field, value, created_at, call_id FROM ("
            + "SELECT c.tenant_id, '$.' || j.key AS field, c.structured_data -> ('$.' || j.key) AS value, c.created_at, c.id AS call_id "
            + "FROM calls c, json_each(CASE WHEN json_valid(c.structured_data) AND json_type(c.structured_data) = 'object' "
            + "THEN c.structured_data ELSE '{}' END) j "
            + "WHERE %s AND j.type NOT IN ('object', 'array') AND length(j.key) BETWEEN 1 AND 64 "
            + "AND j.key NOT GLOB '*[^A-Za-z0-9_]*') WHERE length(value) <= " + MAX_VALUE_LENGTH;

    private static final String INSERT_OF_CALL = String.format(INSERT_OF_CALLS, "c.tenant_id = ? AND c.id = ?");
    private static final String DELETE_OF_CALL = "DELETE FROM call_data_values WHERE tenant_id = ? AND call_id = ?";

    @Override
    public void written(Handle h, Call before, Call after) {
        if (before != null && before.createdAt() == after.createdAt()
                && Objects.equals(before.structuredData(), after.structuredData())) {
            return;
        }
        if (before != null && before.structuredData() != null) {
            DirectStatement.of(h, DELETE_OF_CALL).text(after.tenantId()).text(after.id()).update();
        }
        if (after.structuredData() != null) {
            DirectStatement.of(h, INSERT_OF_CALL).text(after.tenantId()).text(after.id()).update();
        }
    }

    /** Whether a filter on this value (JSON text) can be answered from the index. */
    static boolean indexable(String jsonValue) {
        return jsonValue.length() <= MAX_VALUE_LENGTH;
    }

    /** Bulk loads (the history generator): the rows of every call stored after rowid {@code after}. */
    static void indexCallsAfter(Connection c, long after) throws SQLException {
        try (var st = c.prepareStatement(String.format(INSERT_OF_CALLS, "c.rowid > ?"))) {
            st.setLong(1, after);
            st.executeUpdate();
        }
    }

    /** The calls table's last rowid now (0 when empty), for {@link #indexCallsAfter}. */
    static long lastRowid(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(rowid), 0) FROM calls")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
