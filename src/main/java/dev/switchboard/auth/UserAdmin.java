package dev.switchboard.auth;

import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Changes to users and memberships with the rules that keep the console manageable: there is always an
 * agency admin, a tenant that has an admin keeps one, and nobody deletes themselves. Each rule is checked
 * in the same write transaction as the change it guards; the single writer runs transactions one at a
 * time, so two admins demoting each other at once cannot both succeed on one instance. Thread-safe.
 */
public final class UserAdmin {
    /** A user and what they may see, for the agency's user list (never the hash). */
    public record UserSummary(User user, List<Membership> memberships) {}

    private final Database database;
    private final GroupCommitter writer;
    private final Accounts accounts;

    public UserAdmin(Database database, GroupCommitter writer, Accounts accounts) {
        this.database = database;
        this.writer = writer;
        this.accounts = accounts;
    }

    public List<UserSummary> users() {
        return database.read(h -> {
            UserRepository r = new UserRepository(h);
            Map<Long, List<Membership>> byUser = r.allMemberships().stream().collect(Collectors.groupingBy(Membership::userId));
            return r.list().stream().map(u -> new UserSummary(u, byUser.getOrDefault(u.id(), List.of()))).toList();
        });
    }

    public User require(long userId) {
        return database.read(h -> new UserRepository(h).find(userId)).orElseThrow(() -> noUser(userId));
    }

    public Optional<User> findByEmail(String email) {
        return accounts.find(email);
    }

    /** Creates a user (400 for a malformed email or a weak password, 409 when the email is taken). */
    public User create(String email, String password, boolean agencyAdmin) {
        if (accounts.find(email).isPresent()) {
            throw new ApiException(ErrorCode.ALREADY_EXISTS, "A user with this email already exists: add them to a client instead");
        }
        try {
            return accounts.create(email, password, agencyAdmin);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, capitalised(e.getMessage()));
        }
    }

    /** Makes the user an agency admin or not; the last agency admin stays one. */
    public void setAgencyAdmin(long userId, boolean agencyAdmin) {
        writer.submitAndWait(h -> {
            UserRepository r = new UserRepository(h);
            User u = r.find(userId).orElseThrow(() -> noUser(userId));
            if (u.agencyAdmin() && !agencyAdmin && r.countAgencyAdmins() <= 1) {
                throw new ApiException(ErrorCode.LAST_ADMIN, u.email() + " is the last agency admin: make someone else one first");
            }
            r.setAgencyAdmin(userId, agencyAdmin);
            return null;
        });
    }

    /** Sets a new password and signs the user out everywhere (400 for a weak password). */
    public void resetPassword(long userId, String password) {
        require(userId);
        try {
            accounts.setPassword(userId, password);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, capitalised(e.getMessage()));
        }
    }

    /** Deletes the user (not oneself, not the last agency admin) and returns who it was. */
    public User delete(long actingUserId, long userId) {
        if (actingUserId == userId) {
            throw new ApiException(ErrorCode.CANNOT_REMOVE_SELF, "You cannot delete your own account: ask another agency admin");
        }
        return writer.submitAndWait(h -> {
            UserRepository r = new UserRepository(h);
            User u = r.find(userId).orElseThrow(() -> noUser(userId));
            if (u.agencyAdmin() && r.countAgencyAdmins() <= 1) {
                throw new ApiException(ErrorCode.LAST_ADMIN, u.email() + " is the last agency admin and cannot be deleted");
            }
            r.delete(userId);
            return u;
        });
    }

    public List<UserRepository.Member> members(String tenantId) {
        return database.read(h -> new UserRepository(h).members(tenantId));
    }

    /** A member of the tenant; 404 for anyone else, whether or not the user exists (ids reveal nothing). */
    public UserRepository.Member member(String tenantId, long userId) {
        return members(tenantId).stream().filter(m -> m.userId() == userId).findFirst().orElseThrow(() -> notMember(tenantId));
    }

    /** Adds the user to the tenant with the role (409 when they are already in it). */
    public void addMember(String tenantId, long userId, Role role) {
        writer.submitAndWait(h -> {
            UserRepository r = new UserRepository(h);
            if (r.roleIn(userId, tenantId).isPresent()) {
                throw new ApiException(ErrorCode.ALREADY_EXISTS, "This user is already a member of " + tenantId + ": change their role instead");
            }
            r.grant(userId, tenantId, role);
            return null;
        });
    }

    /** Changes a member's role and returns the previous one; the tenant's last admin stays an admin. */
    public Role changeRole(String tenantId, long userId, Role role) {
        return writer.submitAndWait(h -> {
            UserRepository r = new UserRepository(h);
            Role before = r.roleIn(userId, tenantId).orElseThrow(() -> notMember(tenantId));
            if (before == Role.ADMIN && role != Role.ADMIN) requireAnotherAdmin(r, tenantId, "demoted");
            r.grant(userId, tenantId, role);
            return before;
        });
    }

    /** Takes the member out of the tenant and returns their role there; the last admin stays. */
    public Role removeMember(String tenantId, long userId) {
        return writer.submitAndWait(h -> {
            UserRepository r = new UserRepository(h);
            Role before = r.roleIn(userId, tenantId).orElseThrow(() -> notMember(tenantId));
            if (before == Role.ADMIN) requireAnotherAdmin(r, tenantId, "removed");
            r.revoke(userId, tenantId);
            return before;
        });
    }

    private static void requireAnotherAdmin(UserRepository r, String tenantId, String what) {
        if (r.countRole(tenantId, Role.ADMIN) <= 1) {
            throw new ApiException(ErrorCode.LAST_ADMIN, "This is the last admin of " + tenantId + " and cannot be " + what
                    + ": make another member an admin first");
        }
    }

    private static ApiException noUser(long id) {
        return new ApiException(ErrorCode.USER_NOT_FOUND, "No user with id " + id);
    }

    private static ApiException notMember(String tenantId) {
        return new ApiException(ErrorCode.USER_NOT_FOUND, "No such member of " + tenantId);
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
