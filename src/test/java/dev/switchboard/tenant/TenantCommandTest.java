package dev.switchboard.tenant;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.Database;
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

/** {@code tenant create|list|set} against a real SQLite database in a temp directory. */
class TenantCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static final String MASTER_KEY = CredentialCipher.newKeyBase64();

    Run run(String stdin, String... args) {
        return runWith(Map.of("SWITCHBOARD_DATA_DIR", dir.toString(), CredentialCipher.ENV, MASTER_KEY), stdin, args);
    }

    Run runWith(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TenantCommand.run(args, env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    TenantSettings stored(String tenant) {
        try (Database db = Database.open(DatabaseSettings.sqliteIn(dir, 1))) {
            return db.read(h -> new TenantSettingsRepository(h,
                    CredentialCipher.withKey(java.util.Base64.getDecoder().decode(MASTER_KEY), "test")).find(tenant));
        }
    }

    @Test
    void tenantSetChangesTheTimeZoneAndRefusesOnesThatDoNotExist() {
        run("", "create", "acme");
        Run ok = run("", "set", "acme", "--time-zone", "America/New_York");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("time zone America/New_York");
        Run bad = run("", "set", "acme", "--time-zone", "Mars/Olympus");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("IANA time zone");
        try (Database db = Database.open(DatabaseSettings.sqliteIn(dir, 1))) {
            assertThat(db.read(h -> new TenantRepository(h).find("acme")).orElseThrow().timeZone()).isEqualTo("America/New_York");
        }
    }

    @Test
    void tenantSetStoresTheVapiPrivateKeyFromStandardInputAndNeverPrintsIt() {
        run("", "create", "acme");
        Run set = run("vapi-private-from-stdin-9876\n", "set", "acme", "--vapi-private-key", "-");
        assertThat(set.code()).isZero();
        assertThat(set.out()).contains("Vapi private key set (…9876)").doesNotContain("vapi-private-from-stdin");
        assertThat(stored("acme").vapiPrivateKey()).isEqualTo("vapi-private-from-stdin-9876");
        assertThat(run("", "set", "acme", "--vapi-private-key", "").out()).contains("Vapi private key not set");
        assertThat(stored("acme").vapiPrivateKey()).isNull();
    }

    @Test
    void tenantSetStoresTheKeyAndFormatWithoutEverPrintingTheKey() {
        assertThat(run("", "create", "acme", "Acme Dental").code()).isZero();
        Run set = run("", "set", "acme", "--vapi-public-key", "pk-cli-secret", "--listen-format", "mono");
        assertThat(set.code()).isZero();
        assertThat(set.out()).contains("updated tenant acme").contains("Vapi public key set (…cret)").contains("listen format mono")
                .doesNotContain("pk-cli-secret");
        assertThat(stored("acme")).isEqualTo(new TenantSettings("acme", "pk-cli-secret", ListenFormat.MONO));

        // Only what is given changes; "-" reads the key from standard input.
        assertThat(run("pk-from-stdin\n", "set", "acme", "--vapi-public-key", "-").out()).doesNotContain("pk-from-stdin");
        assertThat(stored("acme")).isEqualTo(new TenantSettings("acme", "pk-from-stdin", ListenFormat.MONO));
        assertThat(run("", "set", "acme", "--listen-format", "AUTO").code()).isZero();
        assertThat(stored("acme")).isEqualTo(new TenantSettings("acme", "pk-from-stdin", ListenFormat.AUTO));
        Run cleared = run("", "set", "acme", "--vapi-public-key", "");
        assertThat(cleared.out()).contains("Vapi public key not set");
        assertThat(stored("acme").vapiPublicKey()).isNull();
    }

    @Test
    void tenantSetRefusesUnknownTenantsOptionsAndFormats() {
        assertThat(run("", "create", "acme").code()).isZero();
        Run unknown = run("", "set", "nobody", "--listen-format", "mono");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("Unknown client_id 'nobody'");
        assertThatThrownBy(() -> run("", "set", "acme", "--listen-format", "surround")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto, mono or stereo");
        assertThatThrownBy(() -> run("", "set", "acme", "--colour", "red")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> run("", "set", "acme")).isInstanceOf(ConfigException.class).hasMessageContaining("nothing to set");
        assertThatThrownBy(() -> run("", "set", "acme", "--vapi-public-key", "pk with\nnewline")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("spaces or control characters").message().doesNotContain("newline");
        assertThatThrownBy(() -> run("", "set", "acme", "--vapi-public-key")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> run("", "set", "acme", "--vapi-public-key", "-")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("read nothing from standard input"); // an empty pipe never removes the key
        assertThatThrownBy(() -> run("", "set")).isInstanceOf(ConfigException.class).hasMessageContaining("tenant set <id>");
    }

    @Test
    void createAndListStillWork() {
        assertThat(run("", "list").out()).contains("no tenants yet");
        assertThat(run("", "create", "acme", "Acme", "Dental").out()).contains("created tenant acme (Acme Dental)");
        assertThat(run("", "create", "acme").out()).contains("already exists");
        assertThat(run("", "list").out()).contains("acme\tAcme Dental");
    }

    @Test
    void tenantSetConfiguresHmacWebhookAuthAndPrintsOnlyTheLastFourCharacters() {
        run("", "create", "acme");
        String secret = "hmac-secret-0123456789-WXYZ";
        Run set = run(secret + "\n", "set", "acme", "--webhook-auth", "hmac", "--webhook-secret", "-", "--hmac-algorithm", "sha512",
                "--signature-prefix", "sha512=", "--replay-window-seconds", "120", "--timestamp-header", "X-Ts");
        assertThat(set.code()).isZero();
        assertThat(set.out()).contains("webhook auth hmac sha512", "signature prefix 'sha512='", "replay window 120 s",
                "timestamp header X-Ts", "secret set (…WXYZ)", "payloadFormat {timestamp}.{body}").doesNotContain(secret);
        WebhookAuth stored = stored("acme").webhookAuth();
        assertThat(stored.scheme()).isEqualTo(WebhookAuth.Scheme.HMAC);
        assertThat(stored.secret()).isEqualTo(secret);
        assertThat(stored.algorithm()).isEqualTo(WebhookAuth.HmacAlgorithm.SHA512);
        assertThat(stored.signatureHeaderOrDefault()).isEqualTo("x-signature");

        // Changing one parameter keeps the secret; a Retell key and a switch to bearer without a header keep working.
        Run bearer = run("key_retell_abcdefgh9876\n", "set", "acme", "--webhook-auth", "bearer", "--bearer-prefix", "off",
                "--retell-api-key", "-");
        assertThat(bearer.out()).contains("webhook auth bearer (header Authorization, no prefix", "Retell API key set (…9876)")
                .doesNotContain(secret).doesNotContain("key_retell_abcdefgh9876");
        assertThat(stored("acme").webhookAuth().secret()).isEqualTo(secret);
        assertThat(stored("acme").retellApiKey()).isEqualTo("key_retell_abcdefgh9876");
        assertThat(run("", "set", "acme", "--webhook-auth", "none").out()).contains("webhook auth none");
    }

    @Test
    void tenantSetRefusesWeakMissingOrEmptyWebhookSecrets() {
        run("", "create", "acme");
        assertThatThrownBy(() -> run("", "set", "acme", "--webhook-auth", "secret")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("needs a secret");
        assertThatThrownBy(() -> run("", "set", "acme", "--webhook-auth", "hmac", "--webhook-secret", "short-one"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 16").message().doesNotContain("short-one");
        assertThatThrownBy(() -> run("\n", "set", "acme", "--webhook-auth", "hmac", "--webhook-secret", "-"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("read nothing from standard input");
        assertThatThrownBy(() -> run("", "set", "acme", "--hmac-algorithm", "md5")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sha256, sha512 or sha1");
        assertThatThrownBy(() -> run("", "set", "acme", "--webhook-header", "Bad Header")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("HTTP header name");
        assertThat(stored("acme").webhookAuth().scheme()).isEqualTo(WebhookAuth.Scheme.NONE);
    }

    @Test
    void storingASecretWithoutAMasterKeySaysHowToSetOne() {
        Map<String, String> noKey = Map.of("SWITCHBOARD_DATA_DIR", dir.toString());
        runWith(noKey, "", "create", "acme");
        assertThatThrownBy(() -> runWith(noKey, "", "set", "acme", "--vapi-public-key", "pk-needs-a-key-1234"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SWITCHBOARD_MASTER_KEY")
                .hasMessageContaining("openssl rand -base64 32").message().doesNotContain("pk-needs-a-key-1234");
        assertThat(runWith(noKey, "", "set", "acme", "--listen-format", "mono").code()).isZero(); // no secret: no key needed
    }
}
