package dev.switchboard.auth;

import dev.switchboard.config.ConfigException;
import dev.switchboard.tenant.TenantCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    Run user(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UserCommand.run(args, Map.of("SWITCHBOARD_DATA_DIR", dir.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createReadsThePasswordFromStdinAndNeverPrintsIt() {
        Run created = user("a long enough password\n", "create", "admin@example.com", "--agency-admin", "--password", "-");
        assertThat(created.code()).isZero();
        assertThat(created.out()).contains("created user admin@example.com (agency admin)").doesNotContain("a long enough password");
        assertThat(user("", "list").out()).contains("admin@example.com\tagency admin");
        assertThat(user("", "create", "ADMIN@example.com").code()).as("emails are unique in any case").isEqualTo(1);
    }

    @Test
    void withoutStdinAStrongPasswordIsGeneratedAndShownOnce() {
        Run created = user("", "create", "ops@example.com");
        assertThat(created.out()).containsPattern("password \\(shown once.*\\): [A-Za-z0-9_-]{20}");
    }

    @Test
    void weakPasswordsBadEmailsAndPasswordsInArgumentsAreRefused() {
        Run weak = user("short\n", "create", "ops@example.com", "--password", "-");
        assertThat(weak.code()).isEqualTo(1);
        assertThat(weak.err()).contains("at least 12");
        assertThat(user("", "create", "not-an-email").err()).contains("not an email address");
        assertThatThrownBy(() -> user("", "create", "ops@example.com", "--password", "hunter2hunter2"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("never the password itself");
    }

    @Test
    void grantGivesARoleInAnExistingTenantOnly() {
        TenantCommand.run(new String[] {"create", "acme"}, Map.of("SWITCHBOARD_DATA_DIR", dir.toString()), System.in,
                new PrintStream(new ByteArrayOutputStream()), System.err);
        user("", "create", "sam@example.com");
        assertThat(user("", "grant", "sam@example.com", "acme", "supervisor").out()).contains("sam@example.com is now supervisor of acme");
        assertThat(user("", "grant", "sam@example.com", "nowhere", "viewer").err()).contains("no tenant nowhere");
        assertThat(user("", "grant", "nobody@example.com", "acme", "viewer").err()).contains("no user nobody@example.com");
        assertThatThrownBy(() -> user("", "grant", "sam@example.com", "acme", "owner")).isInstanceOf(ConfigException.class);
    }

    @Test
    void operatorCommandsAreAuditedAsTheCliWithoutTheirSecrets() {
        Map<String, String> env = Map.of("SWITCHBOARD_DATA_DIR", dir.toString());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        TenantCommand.run(new String[] {"create", "acme"}, env, System.in, quiet, System.err);
        user("a long enough password\n", "create", "sam@example.com", "--password", "-");
        user("", "grant", "sam@example.com", "acme", "viewer");
        Run changed = user("", "password", "sam@example.com");
        TenantCommand.run(new String[] {"set", "acme", "--listen-format", "mono"}, env, System.in, quiet, System.err);

        try (var db = dev.switchboard.db.Database.open(dev.switchboard.config.DatabaseSettings.sqliteIn(dir, 2))) {
            var events = db.read(h -> new dev.switchboard.audit.AuditRepository(h).page(dev.switchboard.audit.AuditQuery.everything())).items();
            assertThat(events).extracting(e -> e.action() + " " + e.tenantId() + " " + e.target()).containsExactly(
                    "settings.changed acme acme", "user.password_changed null sam@example.com", "membership.granted acme sam@example.com",
                    "user.created null sam@example.com", "tenant.created acme acme");
            assertThat(events).allSatisfy(e -> {
                assertThat(e.actorKind()).isEqualTo(dev.switchboard.audit.AuditLog.ActorKind.CLI);
                assertThat(e.actor()).startsWith("cli:");
                assertThat(String.valueOf(e.detail())).doesNotContain("a long enough password");
            });
            String generated = changed.out().substring(changed.out().lastIndexOf(' ') + 1).trim();
            assertThat(events.toString()).doesNotContain(generated);
            assertThat(events.get(0).detail()).isEqualTo("{\"fields\":[\"listenFormat\"]}");
        }
    }
}
