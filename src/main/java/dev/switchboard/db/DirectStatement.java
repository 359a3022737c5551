package dev.switchboard.db;

import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One statement of the writer's hot path, bound by position and run straight on JDBC. At thousands of webhooks a
 * second, Jdbi's per-statement work (rendering and parsing the SQL, finding an argument factory for every value,
 * config lookups) was most of the writer thread's Java time, and the writer is the one thread every webhook
 * waits for. These statements are few and fixed, so they skip it. On the writer's connection the prepared
 * statement is kept and reused ({@link CachingStatementBuilder}); on any other handle it is prepared for this
 * use and closed by the terminal call ({@link #update}, {@link #queryLong}, …).
 *
 * <p>Nulls are bound with the type the setter names, so PostgreSQL accepts them for any column type. Not
 * thread-safe: build, bind and run it on the handle's thread, one statement at a time.
 */
public final class DirectStatement {
    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A statement that failed; the database's own exception is the cause. */
    public static final class Failed extends RuntimeException {
        Failed(String sql, SQLException cause) {
            super("statement failed: " + cause.getMessage() + " [" + sql + "]", cause);
        }
    }

    private final String sql;
    private final PreparedStatement ps;
    private final boolean ownStatement;
    private int index;

    private DirectStatement(String sql, PreparedStatement ps, boolean ownStatement) {
        this.sql = sql;
        this.ps = ps;
        this.ownStatement = ownStatement;
    }

    /** The statement {@code sql} on the handle's connection. Pass a constant: it is the cache key. */
    public static DirectStatement of(Handle h, String sql) {
        try {
            if (h.getStatementBuilder() instanceof CachingStatementBuilder cache) {
                return new DirectStatement(sql, cache.prepared(h.getConnection(), sql), false);
            }
            return new DirectStatement(sql, h.getConnection().prepareStatement(sql), true);
        } catch (SQLException e) {
            throw new Failed(sql, e);
        }
    }

    public DirectStatement text(String value) {
        return value == null ? bindNull(Types.VARCHAR) : bind((ps, i) -> ps.setString(i, value));
    }

    public DirectStatement int64(long value) {
        return bind((ps, i) -> ps.setLong(i, value));
    }

    public DirectStatement int64(Long value) {
        return value == null ? bindNull(Types.BIGINT) : int64(value.longValue());
    }

    public DirectStatement int32(Integer value) {
        return value == null ? bindNull(Types.INTEGER) : bind((ps, i) -> ps.setInt(i, value));
    }

    public DirectStatement float64(Double value) {
        return value == null ? bindNull(Types.DOUBLE) : bind((ps, i) -> ps.setDouble(i, value));
    }

    /** Binds a String, Long, Integer or Double by its own type; a null as {@code sqlType} ({@link Types}). */
    public DirectStatement typed(Object value, int sqlType) {
        if (value instanceof String v) return text(v);
        if (value instanceof Long v) return int64(v.longValue());
        if (value instanceof Integer v) return int32(v);
        if (value instanceof Double v) return float64(v);
        if (value != null) throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
        return bindNull(sqlType);
    }

    private DirectStatement bindNull(int sqlType) {
        return bind((ps, i) -> ps.setNull(i, sqlType));
    }

    /** Sets the next parameter. */
    private DirectStatement bind(Setter setter) {
        try {
            setter.set(ps, ++index);
            return this;
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @FunctionalInterface
    private interface Setter {
        void set(PreparedStatement ps, int index) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
    public int update() {
        try {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw fail(e);
        } finally {
            done();
        }
    }

    /** The first column of the first row as a number (a count, a {@code RETURNING id}); null for none or NULL. */
    public Long queryLong() {
        return queryFirst(rs -> {
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }).orElse(null);
    }

    /** The first row, if there is one. */
    public <T> Optional<T> queryFirst(Row<T> row) {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw fail(e);
        } finally {
            done();
        }
    }

    /** Every row. */
    public <T> List<T> queryList(Row<T> row) {
        try (ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(row.read(rs));
            return out;
        } catch (SQLException e) {
            throw fail(e);
        } finally {
            done();
        }
    }

    private Failed fail(SQLException e) {
        done();
        return new Failed(sql, e);
    }

    private void done() {
        index = 0;
        if (!ownStatement) return;
        try {
            ps.close();
        } catch (SQLException ignored) {
            // nothing was left to release
        }
    }
}
