package dev.switchboard.tenant;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant settings are per tenant, once per dialect (see the subclasses). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantSettingsContract {
    static final CredentialCipher CIPHER = CredentialCipher.withKey(key(1), "test");
    Database db;

    static byte[] key(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return k;
    }

    String raw(String tenant, String column) {
        return db.read(h -> h.createQuery("SELECT " + column + " FROM tenant_settings WHERE tenant_id = :t").bind("t", tenant)
                .mapTo(String.class).one());
    }

    abstract DatabaseSettings database();

    @BeforeAll
    void open() {
        db = Database.open(database());
        db.jdbi().useHandle(h -> {
            new TenantRepository(h).createIfAbsent("acme", "Acme", 1);
            new TenantRepository(h).createIfAbsent("bravo", "Bravo", 1);
            new TenantRepository(h).createIfAbsent("carol", "Carol", 1);
            new TenantRepository(h).createIfAbsent("dave", "Dave", 1);
            new TenantRepository(h).createIfAbsent("erin", "Erin", 1);
        });
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void settingsAreKeptPerTenantAndUnsetFieldsKeepTheirValue() {
        db.jdbi().useHandle(h -> {
            TenantSettingsRepository r = new TenantSettingsRepository(h, CIPHER);
            assertThat(r.find("acme")).isEqualTo(TenantSettings.defaults("acme"));

            r.update("acme", new TenantSettingsRepository.SettingsChange(Optional.of("pk-acme"), Optional.empty()), 10);
            r.update("acme", new TenantSettingsRepository.SettingsChange(Optional.empty(), Optional.of(ListenFormat.STEREO)), 11);
            r.update("bravo", new TenantSettingsRepository.SettingsChange(Optional.empty(), Optional.of(ListenFormat.MONO)), 12);

            assertThat(r.find("acme")).isEqualTo(new TenantSettings("acme", "pk-acme", ListenFormat.STEREO));
            assertThat(r.find("bravo")).isEqualTo(new TenantSettings("bravo", null, ListenFormat.MONO));

            r.update("acme", new TenantSettingsRepository.SettingsChange(Optional.of(""), Optional.empty()), 13);
            assertThat(r.find("acme")).isEqualTo(new TenantSettings("acme", null, ListenFormat.STEREO));
        });
    }

    @Test
    void theDirectoryAnswersAWebhookFromMemoryOnlyOnceItsTenantAndAuthenticationWereRead() {
        try (GroupCommitter writer = new GroupCommitter(db.writerJdbi(), 100, 10, new SimpleMeterRegistry())) {
            TenantDirectory d = new TenantDirectory(db, writer, Clock.systemUTC(), CIPHER);
            assertThat(d.inMemory("dave")).isFalse();
            d.require("dave");
            assertThat(d.inMemory("dave")).as("the tenant without its webhook authentication").isFalse();
            d.webhookAuth("dave");
            assertThat(d.inMemory("dave")).isTrue();
            assertThat(d.inMemory("nobody")).isFalse();

            d.updateSettings("dave", new TenantSettingsRepository.SettingsChange(Optional.empty(), Optional.of(ListenFormat.MONO)));
            assertThat(d.inMemory("dave")).as("after a change of settings").isFalse();
        }
    }

    @Test
    void settingsNeedAnExistingTenant() {
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> new TenantSettingsRepository(h, CIPHER)
                .update("nobody", new TenantSettingsRepository.SettingsChange(Optional.of("k"), Optional.empty()), 1)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void theKeyNeverAppearsInTheSettingsDescription() {
        TenantSettings s = new TenantSettings("acme", "pk-secret-value", ListenFormat.AUTO);
        assertThat(s.toString()).doesNotContain("pk-secret-value").contains("(set)");
        assertThat(new TenantSettingsRepository.SettingsChange(Optional.of("pk-secret-value"), Optional.empty()).toString())
                .doesNotContain("pk-secret-value");
    }

    @Test
    void secretsAreStoredEncryptedAndReadBackDecrypted() {
        WebhookAuth hmac = WebhookAuth.none().withScheme(WebhookAuth.Scheme.HMAC).withSecret("whsec-0123456789-abcdef")
                .withAlgorithm(WebhookAuth.HmacAlgorithm.SHA512).withSignaturePrefix("sha512=").withReplayWindowSeconds(60);
        db.jdbi().useHandle(h -> new TenantSettingsRepository(h, CIPHER).update("carol", new TenantSettingsRepository.SettingsChange(
                Optional.of("pk-carol-public-key"), Optional.empty(), Optional.of(hmac), Optional.of("key_retell_carol_123")), 1));

        for (String column : new String[] {"vapi_public_key", "webhook_secret", "retell_api_key"}) {
            assertThat(raw("carol", column)).startsWith("enc:v1:").doesNotContain("carol").doesNotContain("0123456789");
        }
        TenantSettings read = db.read(h -> new TenantSettingsRepository(h, CIPHER).find("carol"));
        assertThat(read.vapiPublicKey()).isEqualTo("pk-carol-public-key");
        assertThat(read.retellApiKey()).isEqualTo("key_retell_carol_123");
        assertThat(read.webhookAuth()).isEqualTo(hmac);
        assertThat(read.toString()).doesNotContain("pk-carol-public-key", "key_retell_carol_123", "whsec-0123456789-abcdef");

        // Another master key cannot read them, and says which setting and why.
        CredentialCipher other = CredentialCipher.withKey(key(2), "other");
        assertThatThrownBy(() -> db.read(h -> new TenantSettingsRepository(h, other).find("carol")))
                .isInstanceOf(CredentialCipher.DecryptionException.class)
                .hasMessageContaining("tenant carol").hasMessageContaining("SWITCHBOARD_MASTER_KEY is not the key");
        // Nor can a ciphertext moved to another tenant's row.
        db.jdbi().useHandle(h -> {
            new TenantSettingsRepository(h, CIPHER).update("dave", new TenantSettingsRepository.SettingsChange(Optional.of("pk-dave-1234"), Optional.empty()), 1);
            h.createUpdate("UPDATE tenant_settings SET vapi_public_key = :v WHERE tenant_id = 'dave'").bind("v", raw("carol", "vapi_public_key")).execute();
        });
        assertThatThrownBy(() -> db.read(h -> new TenantSettingsRepository(h, CIPHER).find("dave")))
                .isInstanceOf(CredentialCipher.DecryptionException.class);
    }

    @Test
    void theVapiPrivateKeyIsStoredEncryptedPerTenantAndCanBeRemoved() {
        db.jdbi().useHandle(h -> {
            TenantSettingsRepository r = new TenantSettingsRepository(h, CIPHER);
            r.update("bravo", new TenantSettingsRepository.SettingsChange(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of("vapi-private-bravo-0001")), 1);
            assertThat(r.find("bravo").vapiPrivateKey()).isEqualTo("vapi-private-bravo-0001");
            assertThat(r.find("acme").vapiPrivateKey()).isNull();
            // Another change leaves it as it is.
            r.update("bravo", new TenantSettingsRepository.SettingsChange(Optional.empty(), Optional.of(ListenFormat.MONO)), 2);
            assertThat(r.find("bravo").vapiPrivateKey()).isEqualTo("vapi-private-bravo-0001");
        });
        assertThat(raw("bravo", "vapi_private_key")).startsWith("enc:v1:").doesNotContain("private");
        assertThat(db.read(h -> new TenantSettingsRepository(h, CIPHER).find("bravo")).toString()).doesNotContain("vapi-private-bravo-0001");
        db.jdbi().useHandle(h -> new TenantSettingsRepository(h, CIPHER).update("bravo", new TenantSettingsRepository.SettingsChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("")), 3));
        assertThat(raw("bravo", "vapi_private_key")).isNull();
    }

    @Test
    void aPlaintextKeyFromSchemaV2KeepsWorkingAndIsEncryptedInPlace() {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO tenant_settings (tenant_id, vapi_public_key, listen_format, updated_at) "
                + "VALUES ('erin', 'pk-legacy-plain', 'mono', 1) ON CONFLICT (tenant_id) DO UPDATE SET vapi_public_key = 'pk-legacy-plain'").execute());
        // Readable without any master key, and a non-secret change does not need one either.
        db.jdbi().useHandle(h -> {
            var noKey = new TenantSettingsRepository(h, CredentialCipher.none());
            assertThat(noKey.find("erin").vapiPublicKey()).isEqualTo("pk-legacy-plain");
            noKey.update("erin", new TenantSettingsRepository.SettingsChange(Optional.empty(), Optional.of(ListenFormat.STEREO)), 2);
        });
        assertThat(raw("erin", "vapi_public_key")).isEqualTo("pk-legacy-plain");

        boolean encrypted = db.jdbi().withHandle(h -> new TenantSettingsRepository(h, CIPHER).encryptLegacyPlaintext("erin"));
        assertThat(encrypted).isTrue();
        assertThat(raw("erin", "vapi_public_key")).startsWith("enc:v1:").doesNotContain("pk-legacy-plain");
        String decrypted = db.read(h -> new TenantSettingsRepository(h, CIPHER).find("erin").vapiPublicKey());
        assertThat(decrypted).isEqualTo("pk-legacy-plain");
        boolean again = db.jdbi().withHandle(h -> new TenantSettingsRepository(h, CIPHER).encryptLegacyPlaintext("erin"));
        assertThat(again).isFalse();
    }
}
