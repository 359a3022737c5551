package dev.switchboard.auth;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code users} and {@code memberships} tables. Emails are matched case-insensitively. */
public final class UserRepository {
    private static final String COLUMNS = "id, email, password_hash, agency_admin, created_at, password_changed_at";

    private final Handle h;

    public UserRepository(Handle h) {
        this.h = h;
    }

    /** Creates the user; empty when the email is taken. */
    public Optional<User> create(String email, String passwordHash, boolean agencyAdmin, long now) {
        if (findByEmail(email).isPresent()) return Optional.empty();
        long id = h.createQuery("INSERT INTO users (email, password_hash, agency_admin, created_at, password_changed_at) "
                        + "VALUES (:email, :hash, :admin, :now, :now) RETURNING id")
                .bind("email", email).bind("hash", passwordHash).bind("admin", agencyAdmin ? 1 : 0).bind("now", now)
                .mapTo(Long.class).one();
        return Optional.of(new User(id, email, passwordHash, agencyAdmin, now, now));
    }

    public Optional<User> findByEmail(String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(:email)")
                .bind("email", email).map((rs, ctx) -> map(rs)).findOne();
    }

    public Optional<User> find(long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    public List<User> list() {
        return h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY lower(email)").map((rs, ctx) -> map(rs)).list();
    }

    public void setPassword(long userId, String passwordHash, long now) {
        h.createUpdate("UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE id = :id")
                .bind("hash", passwordHash).bind("now", now).bind("id", userId).execute();
    }

    /** Gives the user this role in the tenant (replacing any other role there). */
    public void grant(long userId, String tenantId, Role role) {
        h.createUpdate("INSERT INTO memberships (user_id, tenant_id, role) VALUES (:u, :t, :r) "
                        + "ON CONFLICT (user_id, tenant_id) DO UPDATE SET role = excluded.role")
                .bind("u", userId).bind("t", tenantId).bind("r", role.wire()).execute();
    }

    /** Takes the user out of the tenant; false if they were not in it. */
    public boolean revoke(long userId, String tenantId) {
        return h.createUpdate("DELETE FROM memberships WHERE user_id = :u AND tenant_id = :t")
                .bind("u", userId).bind("t", tenantId).execute() == 1;
    }

    /** The user's tenants and roles, by tenant id. */
    public List<Membership> memberships(long userId) {
        return h.createQuery("SELECT user_id, tenant_id, role FROM memberships WHERE user_id = :u ORDER BY tenant_id")
                .bind("u", userId)
                .map((rs, ctx) -> new Membership(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)).orElseThrow()))
                .list();
    }

    public void setAgencyAdmin(long userId, boolean agencyAdmin) {
        h.createUpdate("UPDATE users SET agency_admin = :admin WHERE id = :id").bind("admin", agencyAdmin ? 1 : 0).bind("id", userId).execute();
    }

    /** Deletes the user; their memberships and sessions go with them (foreign keys cascade). */
    public boolean delete(long userId) {
        h.createUpdate("DELETE FROM memberships WHERE user_id = :id").bind("id", userId).execute();
        h.createUpdate("DELETE FROM sessions WHERE user_id = :id").bind("id", userId).execute();
        return h.createUpdate("DELETE FROM users WHERE id = :id").bind("id", userId).execute() == 1;
    }

    public int countAgencyAdmins() {
        return h.createQuery("SELECT count(*) FROM users WHERE agency_admin = 1").mapTo(Integer.class).one();
    }

    /** How many users have this role in the tenant. */
    public int countRole(String tenantId, Role role) {
        return h.createQuery("SELECT count(*) FROM memberships WHERE tenant_id = :t AND role = :r")
                .bind("t", tenantId).bind("r", role.wire()).mapTo(Integer.class).one();
    }

    /** The user's role in the tenant, if they are a member. */
    public Optional<Role> roleIn(long userId, String tenantId) {
        return h.createQuery("SELECT role FROM memberships WHERE user_id = :u AND tenant_id = :t")
                .bind("u", userId).bind("t", tenantId).mapTo(String.class).findOne().flatMap(Role::parse);
    }

    /** A tenant's members with their accounts, by email. */
    public List<Member> members(String tenantId) {
        return h.createQuery("SELECT u.id, u.email, u.agency_admin, m.role FROM memberships m JOIN users u ON u.id = m.user_id "
                        + "WHERE m.tenant_id = :t ORDER BY lower(u.email)")
                .bind("t", tenantId)
                .map((rs, ctx) -> new Member(rs.getLong(1), rs.getString(2), rs.getInt(3) == 1, Role.parse(rs.getString(4)).orElseThrow()))
                .list();
    }

    /** Every membership of every user (the agency's user list shows them all in one read). */
    public List<Membership> allMemberships() {
        return h.createQuery("SELECT user_id, tenant_id, role FROM memberships ORDER BY tenant_id")
                .map((rs, ctx) -> new Membership(rs.getLong(1), rs.getString(2), Role.parse(rs.getString(3)).orElseThrow()))
                .list();
    }

    /** A member of a tenant as its admins see them. */
    public record Member(long userId, String email, boolean agencyAdmin, Role role) {}

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"), rs.getInt("agency_admin") == 1,
                rs.getLong("created_at"), rs.getLong("password_changed_at"));
    }
}
