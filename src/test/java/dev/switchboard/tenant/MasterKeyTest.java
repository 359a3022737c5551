package dev.switchboard.tenant;

import dev.switchboard.config.ConfigException;
import dev.switchboard.tenant.TenantSettingsRepository.SettingsChange;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master key: where it comes from, and what a wrong or missing one does. */
class MasterKeyTest {
    @TempDir
    Path dir;

    static CredentialCipher cipher(String base64) {
        return CredentialCipher.withKey(Base64.getDecoder().decode(base64), "test");
    }

    @Test
    void encryptionRoundTripsWithAFreshNoncePerValue() {
        CredentialCipher c = cipher(CredentialCipher.newKeyBase64());
        String a = c.encrypt("acme", "webhook_secret", "s3cret-value-ünïcode");
        String b = c.encrypt("acme", "webhook_secret", "s3cret-value-ünïcode");
        assertThat(a).startsWith("enc:v1:").isNotEqualTo(b).doesNotContain("s3cret");
        assertThat(c.decrypt("acme", "webhook_secret", a)).isEqualTo("s3cret-value-ünïcode");
        assertThatThrownBy(() -> c.decrypt("acme", "retell_api_key", a)).isInstanceOf(CredentialCipher.DecryptionException.class);
        String damaged = a.substring(0, a.length() - 4) + (a.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> c.decrypt("acme", "webhook_secret", damaged)).isInstanceOf(CredentialCipher.DecryptionException.class);
    }

    @Test
    void theMasterKeyMustBe32BytesOfBase64AndSaysHowToMakeOne() {
        assertThatThrownBy(() -> CredentialCipher.fromEnvironment(Map.of(CredentialCipher.ENV, "c2hvcnQ="), dir, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("32 bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> CredentialCipher.fromEnvironment(Map.of(CredentialCipher.ENV, "not base64 !"), dir, false))
                .isInstanceOf(ConfigException.class).hasMessageContaining(CredentialCipher.ENV);
        assertThat(CredentialCipher.fromEnvironment(Map.of(), dir, false).hasKey()).isFalse();
    }

    @Test
    void demoModeGeneratesAKeyFileReadableOnlyByItsOwnerAndLaterRunsReuseIt() throws Exception {
        CredentialCipher demo = CredentialCipher.fromEnvironment(Map.of(), dir, true);
        Path file = dir.resolve("master.key");
        assertThat(demo.hasKey()).isTrue();
        assertThat(demo.source()).isEqualTo(file.toString());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        String stored = demo.encrypt("t", "c", "value");
        CredentialCipher later = CredentialCipher.fromEnvironment(Map.of(), dir, false);
        assertThat(later.decrypt("t", "c", stored)).isEqualTo("value");
    }

    @Test
    void aRestartWithAnotherMasterKeyStopsWithAClearMessageAndTheRightKeyStillWorks() {
        String key = CredentialCipher.newKeyBase64();
        try (TestApp app = TestApp.start(null, c -> c, cipher(key), dir, "acme")) {
            app.app.tenants().updateSettings("acme", new SettingsChange(Optional.empty(), Optional.empty(),
                    Optional.of(WebhookAuth.none().withScheme(WebhookAuth.Scheme.SECRET).withSecret("acme-secret-0123456789")), Optional.empty()));
        }
        assertThatThrownBy(() -> TestApp.start(null, c -> c, cipher(CredentialCipher.newKeyBase64()), dir, "acme"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tenant acme").hasMessageContaining("SWITCHBOARD_MASTER_KEY is not the key it was encrypted with")
                .message().doesNotContain("acme-secret-0123456789");
        assertThatThrownBy(() -> TestApp.start(null, c -> c, CredentialCipher.none(), dir, "acme"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no master key is configured");
        try (TestApp app = TestApp.start(null, c -> c, cipher(key), dir, "acme")) {
            assertThat(app.app.tenants().webhookAuth("acme").secret()).isEqualTo("acme-secret-0123456789");
        }
    }

    @Test
    void aPlaintextVapiKeyFromTheOlderSchemaIsEncryptedAtTheFirstStartWithAKey() {
        try (TestApp app = TestApp.start(null, c -> c, CredentialCipher.none(), dir, "acme")) {
            app.app.database().jdbi().useHandle(h -> h.createUpdate("INSERT INTO tenant_settings (tenant_id, vapi_public_key, listen_format, updated_at) "
                    + "VALUES ('acme', 'pk-plain-from-v2-9999', 'auto', 1)").execute());
            assertThat(app.app.tenants().settings("acme").vapiPublicKey()).isEqualTo("pk-plain-from-v2-9999"); // still works
        }
        try (TestApp app = TestApp.start(null, c -> c, cipher(CredentialCipher.newKeyBase64()), dir, "acme")) {
            String raw = app.app.database().read(h -> h.createQuery("SELECT vapi_public_key FROM tenant_settings WHERE tenant_id = 'acme'")
                    .mapTo(String.class).one());
            assertThat(raw).startsWith("enc:v1:").doesNotContain("pk-plain-from-v2-9999");
            assertThat(app.app.tenants().settings("acme").vapiPublicKey()).isEqualTo("pk-plain-from-v2-9999");
        }
    }
}
