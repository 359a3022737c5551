package dev.switchboard.tenant;

import dev.switchboard.audit.AuditLog;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code tenant create|list|set}: operator commands against the configured database (usage in {@code Cli}).
 * Secrets are never printed (only whether they are set and their last four characters); {@code -} reads one
 * from standard input so it stays out of the shell history and the process list.
 */
public final class TenantCommand {
    private TenantCommand() {}

    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) throw new ConfigException("usage: tenant create <id> [name] | tenant list | tenant set <id> [options]");
        AppConfig config = new ConfigLoader(env).load(false);
        try (Database db = Database.open(config.database());
             GroupCommitter writer = new GroupCommitter(db.jdbi(), 16, 16, new SimpleMeterRegistry())) {
            CredentialCipher cipher = CredentialCipher.fromEnvironment(env, config.dataDir(), false);
            TenantDirectory tenants = new TenantDirectory(db, writer, Clock.systemUTC(), cipher);
            AuditLog audit = new AuditLog(db, writer, Clock.systemUTC());
            return switch (args[0]) {
                case "create" -> create(tenants, audit, args, out);
                case "list" -> list(tenants, out);
                case "set" -> set(tenants, audit, args, in, out, err);
                default -> throw new ConfigException("unknown tenant command '" + args[0] + "' (create, list, set)");
            };
        }
    }

    private static int create(TenantDirectory tenants, AuditLog audit, String[] args, PrintStream out) {
        if (args.length < 2) throw new ConfigException("usage: tenant create <id> [name]");
        String id = ConfigLoader.requireTenantId(args[1], "tenant create");
        String name = args.length > 2 ? String.join(" ", Arrays.copyOfRange(args, 2, args.length)) : ConfigLoader.prettyName(id);
        boolean created = tenants.ensure(id, name);
        if (created) audit.record(id, AuditLog.Actor.cli(), "tenant.created", id, AuditLog.Outcome.OK, Map.of("name", name));
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

    private static int set(TenantDirectory tenants, AuditLog audit, String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].startsWith("--")) throw new ConfigException(TenantSetOptions.USAGE);
        String id = args[1];
        TenantSetOptions options = TenantSetOptions.parse(args, 2, in);
        SettingsEdit edit = options.edit;
        try {
            tenants.require(id);
            if (options.timeZone.isPresent()) edit.timeZone(options.timeZone.get());
            if (edit.isEmpty()) throw new ConfigException("nothing to set; " + TenantSetOptions.USAGE);
            TenantSettingsService.Updated updated;
            try {
                updated = new TenantSettingsService(tenants, audit).apply(id, edit, AuditLog.Actor.cli());
            } catch (ApiException e) {
                // The rules' refusals are usage errors here, like a bad option.
                if (e.code() == ErrorCode.INVALID_REQUEST || e.code() == ErrorCode.MASTER_KEY_MISSING) throw new ConfigException(e.getMessage());
                throw e;
            }
            if (options.timeZone.isPresent()) out.println("updated tenant " + id + ": time zone " + updated.tenant().timeZone());
            if (edit.fieldNames().equals(java.util.List.of("timeZone"))) return 0;
            TenantSettings s = updated.settings();
            out.println("updated tenant " + id + ": Vapi public key " + SecretStatus.of(s.vapiPublicKey()).describe()
                    + ", Vapi private key " + SecretStatus.of(s.vapiPrivateKey()).describe()
                    + ", listen format " + s.listenFormat().wire()
                    + ", Retell API key " + SecretStatus.of(s.retellApiKey()).describe()
                    + ", webhook auth " + s.webhookAuth().describe());
            if (edit.touchesWebhookAuth()) out.println(VapiSetupHint.of(id, s.webhookAuth()));
            return 0;
        } catch (ApiException e) {
            err.println("switchboard: " + e.getMessage());
            return 1;
        } catch (CredentialCipher.DecryptionException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
