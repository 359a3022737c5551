package dev.switchboard.auth;

import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstAdminTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void theAdminExistsBeforeTheServerStartsSoItsFirstSignInCannotRace() {
        Map<String, String> env = Map.of("SWITCHBOARD_DATA_DIR", dir.toString(),
                "SWITCHBOARD_ADMIN_EMAIL", "ops@example.com", "SWITCHBOARD_ADMIN_PASSWORD", "a long enough password");
        var config = new dev.switchboard.config.ConfigLoader(env).load(false);
        assertThat(FirstAdmin.ensure(config, env)).isTrue();
        java.util.Optional<Boolean> admin = UserCommand.withAccounts(config, a -> a.find("ops@example.com").map(User::agencyAdmin));
        assertThat(admin).contains(true);
        assertThat(FirstAdmin.ensure(config, env)).isFalse();
    }

    @Test
    void theEnvironmentsAdminIsCreatedOnceAsAnAgencyAdminAndNeverWithoutAPassword() {
        try (TestApp app = TestApp.sqlite("acme")) {
            Accounts accounts = app.app.accounts();
            assertThat(FirstAdmin.ensure(accounts, Map.of())).isFalse();
            assertThatThrownBy(() -> FirstAdmin.ensure(accounts, Map.of("SWITCHBOARD_ADMIN_EMAIL", "root@example.com")))
                    .hasMessageContaining("SWITCHBOARD_ADMIN_PASSWORD");
            Map<String, String> env = Map.of("SWITCHBOARD_ADMIN_EMAIL", "root@example.com", "SWITCHBOARD_ADMIN_PASSWORD", "a long enough password");
            assertThat(FirstAdmin.ensure(accounts, env)).isTrue();
            assertThat(FirstAdmin.ensure(accounts, env)).as("only once").isFalse();
            assertThat(accounts.find("root@example.com")).hasValueSatisfying(u -> assertThat(u.agencyAdmin()).isTrue());
            assertThat(accounts.signIn("root@example.com", "a long enough password", "127.0.0.1").identity().user().email())
                    .isEqualTo("root@example.com");
        }
    }
}
