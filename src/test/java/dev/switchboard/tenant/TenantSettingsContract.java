package dev.switchboard.tenant;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant settings are per tenant, once per dialect (see the subclasses). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantSettingsContract {
    Database db;

    abstract DatabaseSettings database();

    @BeforeAll
    void open() {
        db = Database.open(database());
        db.jdbi().useHandle(h -> {
            new TenantRepository(h).createIfAbsent("acme", "Acme", 1);
            new TenantRepository(h).createIfAbsent("bravo", "Bravo", 1);
        });
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void settingsAreKeptPerTenantAndUnsetFieldsKeepTheirValue() {
        db.jdbi().useHandle(h -> {
            TenantSettingsRepository r = new TenantSettingsRepository(h);
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
    void settingsNeedAnExistingTenant() {
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> new TenantSettingsRepository(h)
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
}
