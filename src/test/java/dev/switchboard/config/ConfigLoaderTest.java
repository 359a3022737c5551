package dev.switchboard.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    static AppConfig load(Map<String, String> env) {
        return new ConfigLoader(env).load(false);
    }

    @Test
    void defaultsAreAnEmbeddedSqliteDatabaseOnPort8000WithoutDemoOrDebug() {
        AppConfig c = load(Map.of());
        assertThat(c.port()).isEqualTo(8000);
        assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("data").resolve("switchboard.db"));
        assertThat(c.demo()).isFalse();
        assertThat(c.debugApi()).isFalse();
        assertThat(c.maxWebhookBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(c.tenants()).isEmpty();
        assertThat(c.live().pingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.live().flushInterval()).isEqualTo(Duration.ofMillis(16));
    }

    @Test
    void demoModeCreatesTheThreeDemoTenantsAndTurnsTheDebugApiOn() {
        AppConfig c = new ConfigLoader(Map.of()).load(true);
        assertThat(c.demo()).isTrue();
        assertThat(c.debugApi()).isTrue();
        assertThat(c.tenants()).extracting(AppConfig.TenantSeed::id).containsExactly("demo-client", "acme-agency", "senior-life");
        assertThat(c.simulator().tenants()).containsExactly("demo-client", "acme-agency", "senior-life");
    }

    @Test
    void theDebugApiCanBeSwitchedOffInDemoMode() {
        assertThat(new ConfigLoader(Map.of("SWITCHBOARD_DEBUG_API", "false")).load(true).debugApi()).isFalse();
    }

    @Test
    void hostingPlatformPostgresUrlsBecomeJdbcUrlsWithSeparateCredentials() {
        AppConfig c = load(Map.of("DATABASE_URL", "postgres://app%40x:s3cr%3At@db.example.com:6543/switchboard?sslmode=require"));
        assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/switchboard?sslmode=require");
        assertThat(c.database().user()).isEqualTo("app@x");
        assertThat(c.database().password()).isEqualTo("s3cr:t");
        assertThat(c.database().isPostgres()).isTrue();
        assertThat(c.database().toString()).doesNotContain("s3cr");
    }

    @Test
    void postgresqlSchemeAndDefaultPortAreAccepted() {
        assertThat(load(Map.of("DATABASE_URL", "postgresql://u:p@localhost/db")).database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/db");
    }

    @Test
    void jdbcUrlsPassThrough() {
        assertThat(load(Map.of("DATABASE_URL", "jdbc:postgresql://h/db")).database().jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(load(Map.of("DATABASE_URL", "jdbc:sqlite:/var/lib/sb.db")).database().isPostgres()).isFalse();
    }

    @Test
    void tenantsCanBeDeclaredInTheEnvironmentWithOptionalNames() {
        AppConfig c = load(Map.of("SWITCHBOARD_TENANTS", "acme:Acme Dental, globex ,"));
        assertThat(c.tenants()).containsExactly(new AppConfig.TenantSeed("acme", "Acme Dental"), new AppConfig.TenantSeed("globex", "Globex"));
    }

    @Test
    void badValuesFailTheStartWithAMessageNamingTheVariable() {
        assertThatThrownBy(() -> load(Map.of("PORT", "eighty"))).isInstanceOf(ConfigException.class).hasMessageContaining("PORT");
        assertThatThrownBy(() -> load(Map.of("PORT", "70000"))).hasMessageContaining("PORT must be between 1 and 65535");
        assertThatThrownBy(() -> load(Map.of("SWITCHBOARD_DEMO", "maybe"))).hasMessageContaining("SWITCHBOARD_DEMO must be true or false");
        assertThatThrownBy(() -> load(Map.of("SWITCHBOARD_MAX_WEBHOOK_BYTES", "10"))).hasMessageContaining("SWITCHBOARD_MAX_WEBHOOK_BYTES");
        assertThatThrownBy(() -> load(Map.of("DATABASE_URL", "mysql://x/y"))).hasMessageContaining("DATABASE_URL must be");
        assertThatThrownBy(() -> load(Map.of("SWITCHBOARD_TENANTS", "Bad Tenant!"))).hasMessageContaining("not a valid tenant id");
        assertThatThrownBy(() -> load(Map.of("SWITCHBOARD_SIM_PACE", "0"))).hasMessageContaining("SWITCHBOARD_SIM_PACE");
    }

    @Test
    void aMistypedSettingIsReportedInsteadOfSilentlyIgnored() {
        ConfigLoader loader = new ConfigLoader(Map.of("SWITCHBOARD_DEMOO", "true"));
        loader.load(false);
        assertThat(loader.warnings()).singleElement().asString().contains("SWITCHBOARD_DEMOO");
    }
}
