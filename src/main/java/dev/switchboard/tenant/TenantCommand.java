package dev.switchboard.tenant;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tenant create|list|set}: operator commands against the configured database (usage in {@code Cli}).
 * The Vapi public key is never printed; {@code --vapi-public-key -} reads it from standard input so it
 * stays out of the shell history and the process list.
 */
public final class TenantCommand {
    private TenantCommand() {}

    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) throw new ConfigException("usage: tenant create <id> [name] | tenant list | tenant set <id> [options]");
        AppConfig config = new ConfigLoader(env).load(false);
        try (Database db = Database.open(config.database());
             GroupCommitter writer = new GroupCommitter(db.jdbi(), 16, 16, new SimpleMeterRegistry())) {
            TenantDirectory tenants = new TenantDirectory(db, writer, Clock.systemUTC());
            return switch (args[0]) {
                case "create" -> create(tenants, args, out);
                case "list" -> list(tenants, out);
                case "set" -> set(tenants, args, in, out, err);
                default -> throw new ConfigException("unknown tenant command '" + args[0] + "' (create, list, set)");
            };
        }
    }

    private static int create(TenantDirectory tenants, String[] args, PrintStream out) {
        if (args.length < 2) throw new ConfigException("usage: tenant create <id> [name]");
        String id = ConfigLoader.requireTenantId(args[1], "tenant create");
        String name = args.length > 2 ? String.join(" ", Arrays.copyOfRange(args, 2, args.length)) : ConfigLoader.prettyName(id);
        boolean created = tenants.ensure(id, name);
        out.println(created ? "created tenant " + id + " (" + name + ")" : "tenant " + id + " already exists");
        out.println("Vapi server URL: https://<your-host>/webhooks/vapi/" + id);
        return 0;
    }

    private static int list(TenantDirectory tenants, PrintStream out) {
        List<Tenant> all = tenants.list();
        if (all.isEmpty()) out.println("no tenants yet: java -jar switchboard.jar tenant create <id> [name]");
        all.forEach(t -> out.println(t.id() + "\t" + t.name()));
        return 0;
    }

    private static int set(TenantDirectory tenants, String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].startsWith("--")) throw new ConfigException(SET_USAGE);
        String id = args[1];
        Optional<String> key = Optional.empty();
        Optional<ListenFormat> format = Optional.empty();
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) throw new ConfigException(option + " needs a value; " + SET_USAGE);
            String value = args[++i];
            switch (option) {
                case "--vapi-public-key" -> key = Optional.of(value.equals("-") ? readLine(in) : value.trim());
                case "--listen-format" -> format = Optional.of(ListenFormat.parse(value).orElseThrow(() ->
                        new ConfigException("--listen-format must be auto, mono or stereo")));
                default -> throw new ConfigException("unknown option " + option + "; " + SET_USAGE);
            }
        }
        if (key.isPresent() && key.get().chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConfigException("--vapi-public-key must not contain spaces or control characters");
        }
        var change = new TenantSettingsRepository.SettingsChange(key, format);
        if (change.isEmpty()) throw new ConfigException("nothing to set; " + SET_USAGE);
        try {
            TenantSettings s = tenants.updateSettings(id, change);
            out.println("updated tenant " + id + ": Vapi public key " + (s.hasVapiPublicKey() ? "set (not shown)" : "not set")
                    + ", listen format " + s.listenFormat().wire());
            return 0;
        } catch (ApiException e) {
            err.println("switchboard: " + e.getMessage());
            return 1;
        }
    }

    static final String SET_USAGE = "usage: tenant set <id> [--vapi-public-key KEY|-] [--listen-format auto|mono|stereo]";

    private static String readLine(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            // An empty pipe is a mistake (a missing file, an unset variable), not a request to remove the key.
            if (line == null || line.isBlank()) {
                throw new ConfigException("--vapi-public-key - read nothing from standard input; to remove the key pass ''");
            }
            return line.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
