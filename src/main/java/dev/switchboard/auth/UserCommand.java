package dev.switchboard.auth;

import dev.switchboard.audit.AuditLog;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code user create|grant|password|list}: operator commands against the configured database. Passwords
 * come from standard input ({@code --password -}) or are generated and shown once; they never appear in
 * arguments, so they stay out of shell history and the process list.
 */
public final class UserCommand {
    static final String USAGE = "usage: user create <email> [--agency-admin] [--password -] | user grant <email> <tenant> <admin|supervisor|viewer> "
            + "| user password <email> [--password -] | user list";

    private UserCommand() {}

    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) throw new ConfigException(USAGE);
        AppConfig config = new ConfigLoader(env).load(false);
        return withAccounts(config, (accounts, audit) -> {
            try {
                return switch (args[0]) {
                    case "create" -> create(accounts, audit, args, in, out);
                    case "grant" -> grant(accounts, audit, args, out);
                    case "password" -> password(accounts, audit, args, in, out);
                    case "list" -> list(accounts, out);
                    default -> throw new ConfigException("unknown user command '" + args[0] + "'; " + USAGE);
                };
            } catch (IllegalArgumentException e) {
                err.println("user " + args[0] + ": " + e.getMessage());
                return 1;
            }
        });
    }

    /** Runs the work with accounts on the configured database (opened, migrated and closed around it). */
    static <T> T withAccounts(AppConfig config, java.util.function.Function<Accounts, T> work) {
        return withAccounts(config, (accounts, audit) -> work.apply(accounts));
    }

    /** The same, with the audit log the commands record their changes in (as the CLI actor). */
    static <T> T withAccounts(AppConfig config, java.util.function.BiFunction<Accounts, AuditLog, T> work) {
        try (Database db = Database.open(config.database());
             GroupCommitter writer = new GroupCommitter(db.jdbi(), 16, 16, new SimpleMeterRegistry())) {
            Clock clock = Clock.systemUTC();
            return work.apply(new Accounts(db, writer, new Sessions(db, writer, clock), new LoginThrottle(), clock),
                    new AuditLog(db, writer, clock));
        }
    }

    private static int create(Accounts accounts, AuditLog audit, String[] args, InputStream in, PrintStream out) {
        if (args.length < 2) throw new ConfigException(USAGE);
        boolean agencyAdmin = false;
        boolean fromStdin = false;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--agency-admin" -> agencyAdmin = true;
                case "--password" -> {
                    if (i + 1 >= args.length || !args[i + 1].equals("-")) {
                        throw new ConfigException("--password takes only - (read it from standard input), never the password itself");
                    }
                    fromStdin = true;
                    i++;
                }
                default -> throw new ConfigException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        String password = fromStdin ? readLine(in) : Sessions.randomToken(15);
        User u = accounts.create(args[1], password, agencyAdmin);
        audit.record(null, AuditLog.Actor.cli(), "user.created", u.email(), AuditLog.Outcome.OK, Map.of("agencyAdmin", agencyAdmin));
        out.println("created user " + u.email() + (agencyAdmin ? " (agency admin)" : ""));
        if (!fromStdin) out.println("password (shown once, change it with `user password`): " + password);
        return 0;
    }

    private static int grant(Accounts accounts, AuditLog audit, String[] args, PrintStream out) {
        if (args.length != 4) throw new ConfigException(USAGE);
        User u = accounts.find(args[1]).orElseThrow(() -> new IllegalArgumentException("no user " + args[1]));
        Role role = Role.parse(args[3]).orElseThrow(() -> new ConfigException("role must be admin, supervisor or viewer"));
        try {
            accounts.grant(u.id(), args[2], role);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no tenant " + args[2] + " (create it with `tenant create`)");
        }
        audit.record(args[2], AuditLog.Actor.cli(), "membership.granted", u.email(), AuditLog.Outcome.OK, Map.of("role", role.wire()));
        out.println(u.email() + " is now " + role.wire() + " of " + args[2]);
        return 0;
    }

    private static int password(Accounts accounts, AuditLog audit, String[] args, InputStream in, PrintStream out) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--password") && args[3].equals("-"))) throw new ConfigException(USAGE);
        User u = accounts.find(args[1]).orElseThrow(() -> new IllegalArgumentException("no user " + args[1]));
        boolean fromStdin = args.length == 4;
        String password = fromStdin ? readLine(in) : Sessions.randomToken(15);
        accounts.setPassword(u.id(), password);
        audit.record(null, AuditLog.Actor.cli(), "user.password_changed", u.email(), AuditLog.Outcome.OK, Map.of("reset", true));
        out.println("password changed for " + u.email() + "; their sessions are signed out");
        if (!fromStdin) out.println("new password (shown once): " + password);
        return 0;
    }

    private static int list(Accounts accounts, PrintStream out) {
        List<User> users = accounts.list();
        if (users.isEmpty()) out.println("no users yet: java -jar switchboard.jar user create <email> --agency-admin");
        users.forEach(u -> out.println(u.email() + (u.agencyAdmin() ? "\tagency admin" : "")));
        return 0;
    }

    private static String readLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) throw new ConfigException("--password - read nothing from standard input");
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
