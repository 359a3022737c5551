package dev.switchboard.db;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps each prepared statement of one connection for reuse instead of preparing it again per call.
 * The writer runs the same dozen statements thousands of times a second on one long-lived connection,
 * and SQLite's driver has no statement cache of its own (preparing was a tenth of the writer's time).
 * Not thread-safe: one instance per connection, used by the one thread that owns the connection.
 */
final class CachingStatementBuilder extends DefaultStatementBuilder {
    static final StatementBuilderFactory FACTORY = connection -> new CachingStatementBuilder();

    private final Map<String, PreparedStatement> cache = new HashMap<>();
    /** The cached statements by identity: Jdbi hands back a statement with its own spelling of the SQL. */
    private final Set<Statement> kept = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        PreparedStatement cached = cache.get(sql);
        if (cached != null && !cached.isClosed()) return cached;
        return keep(sql, super.create(conn, sql, ctx));
    }

    /** The kept statement for {@code sql}, prepared on first use; for {@link DirectStatement}, which has no Jdbi context. */
    PreparedStatement prepared(Connection conn, String sql) throws SQLException {
        PreparedStatement cached = cache.get(sql);
        if (cached != null && !cached.isClosed()) return cached;
        return keep(sql, conn.prepareStatement(sql));
    }

    private PreparedStatement keep(String sql, PreparedStatement created) {
        PreparedStatement replaced = cache.put(sql, created);
        if (replaced != null) kept.remove(replaced);
        kept.add(created);
        return created;
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (kept.contains(stmt)) return; // kept for the next use
        super.close(conn, sql, stmt);
    }

    @Override
    public void close(Connection conn) {
        for (PreparedStatement s : cache.values()) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // the connection is going away anyway
            }
        }
        cache.clear();
        kept.clear();
    }
}
