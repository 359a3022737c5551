package dev.switchboard.audit;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code audit_events} table. Reads are scoped: a query names one tenant (its events, and the sign-ins
 * of its members), or explicitly all of them ({@link AuditQuery#allTenants}), never an accidental mix.
 */
public final class AuditRepository {
    private static final String COLUMNS = "id, tenant_id, at, actor_kind, actor, client_address, action, target, outcome, detail";

    private final Handle h;

    public AuditRepository(Handle h) {
        this.h = h;
    }

    public long insert(AuditEvent e) {
        return h.createQuery("INSERT INTO audit_events (tenant_id, at, actor_kind, actor, client_address, action, target, outcome, detail) "
                        + "VALUES (:tenant, :at, :kind, :actor, :address, :action, :target, :outcome, :detail) RETURNING id")
                .bind("tenant", e.tenantId()).bind("at", e.at()).bind("kind", e.actorKind().wire()).bind("actor", e.actor())
                .bind("address", e.clientAddress()).bind("action", e.action()).bind("target", e.target())
                .bind("outcome", e.outcome().wire()).bind("detail", e.detail())
                .mapTo(Long.class).one();
    }

    /** One page, newest first; fetches one extra row to know whether there is a next page. */
    public AuditQuery.Page page(AuditQuery q) {
        List<String> where = new ArrayList<>();
        // A tenant's view also has the sign-ins of its current members: they are agency-wide events (one sign-in
        // opens every tenant of the user), but a tenant admin investigating their team needs them.
        if (!q.allTenants()) {
            where.add("(tenant_id = :tenant OR (tenant_id IS NULL AND action LIKE 'auth.%' AND lower(target) IN "
                    + "(SELECT lower(u.email) FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.tenant_id = :tenant)))");
        }
        if (q.action() != null) where.add(q.action().endsWith(".") ? "action LIKE :action ESCAPE '\\'" : "action = :action");
        if (q.actor() != null) where.add("lower(actor) LIKE :actor ESCAPE '\\'");
        if (q.from() != null) where.add("at >= :from");
        if (q.to() != null) where.add("at <= :to");
        if (q.before() != null) where.add("id < :before");
        String sql = "SELECT " + COLUMNS + " FROM audit_events" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC LIMIT :limit";
        Query query = h.createQuery(sql).bind("limit", q.limit() + 1);
        if (!q.allTenants()) query.bind("tenant", q.tenantId());
        if (q.action() != null) query.bind("action", q.action().endsWith(".") ? likeEscape(q.action()) + "%" : q.action());
        if (q.actor() != null) query.bind("actor", "%" + likeEscape(q.actor().toLowerCase(Locale.ROOT)) + "%");
        if (q.from() != null) query.bind("from", q.from());
        if (q.to() != null) query.bind("to", q.to());
        if (q.before() != null) query.bind("before", q.before());
        List<AuditEvent> rows = query.map((rs, ctx) -> map(rs)).list();
        if (rows.size() <= q.limit()) return new AuditQuery.Page(rows, null);
        List<AuditEvent> items = rows.subList(0, q.limit());
        return new AuditQuery.Page(List.copyOf(items), items.get(items.size() - 1).id());
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getString("tenant_id"), rs.getLong("at"), AuditLog.ActorKind.parse(rs.getString("actor_kind")),
                rs.getString("actor"), rs.getString("client_address"), rs.getString("action"), rs.getString("target"),
                AuditLog.Outcome.parse(rs.getString("outcome")), rs.getString("detail"));
    }
}
