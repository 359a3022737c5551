package dev.switchboard.history;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A call as history lists and exports it (no capability URLs; JSON-valued fields as stored JSON text). */
record HistoryRow(
        String id,
        String status,
        String callType,
        String phoneNumber,
        String ourNumber,
        String assistantId,
        String assistantName,
        long createdAt,
        Long startedAt,
        Long endedAt,
        String endedReason,
        String endedCategory,
        Long durationMs,
        Double cost,
        boolean transferred,
        String transferDestination,
        String successEvaluation,
        String structuredData,
        String summary,
        String recordingUrl,
        long doc) {

    /** Reads the columns of {@link HistorySql#COLUMNS}, by position (the export reads millions of rows). */
    static HistoryRow read(ResultSet rs, boolean withDoc) throws SQLException {
        return new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), nullableLong(rs, 9), nullableLong(rs, 10), rs.getString(11),
                rs.getString(12), nullableLong(rs, 13), nullableDouble(rs, 14), rs.getInt(15) == 1, rs.getString(16),
                rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), withDoc ? rs.getLong(21) : 0);
    }

    Cursor cursor() {
        return new Cursor(createdAt, doc, id);
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
