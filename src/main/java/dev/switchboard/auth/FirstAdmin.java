package dev.switchboard.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The first agency admin from the environment ({@code SWITCHBOARD_ADMIN_EMAIL} and
 * {@code SWITCHBOARD_ADMIN_PASSWORD}), for platforms where running a command before the first start is
 * awkward. Created once, if that email has no account yet; never a default password.
 */
public final class FirstAdmin {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private FirstAdmin() {}

    /**
     * Before the server starts (so it never answers a sign-in the admin cannot pass yet): creates the admin
     * on the configured database if both variables are set and the account does not exist.
     */
    public static boolean ensure(dev.switchboard.config.AppConfig config, Map<String, String> env) {
        String email = env.get("SWITCHBOARD_ADMIN_EMAIL");
        if (email == null || email.isBlank()) return false;
        return UserCommand.withAccounts(config, (accounts, audit) -> {
            boolean created = ensure(accounts, env);
            if (created) {
                audit.record(null, dev.switchboard.audit.AuditLog.Actor.system(), "user.created", email.trim(),
                        dev.switchboard.audit.AuditLog.Outcome.OK, Map.of("agencyAdmin", true, "from", "SWITCHBOARD_ADMIN_EMAIL"));
            }
            return created;
        });
    }

    /** Creates the admin if both variables are set and the account does not exist; false otherwise. */
    public static boolean ensure(Accounts accounts, Map<String, String> env) {
        String email = env.get("SWITCHBOARD_ADMIN_EMAIL");
        String password = env.get("SWITCHBOARD_ADMIN_PASSWORD");
        if (email == null || email.isBlank()) return false;
        if (accounts.find(email).isPresent()) return false;
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("SWITCHBOARD_ADMIN_EMAIL is set but SWITCHBOARD_ADMIN_PASSWORD is not: set both, or neither");
        }
        User u = accounts.create(email, password, true);
        log.info("created agency admin {} from SWITCHBOARD_ADMIN_EMAIL", u.email());
        return true;
    }
}
