package dev.switchboard.simulator;

import dev.switchboard.tenant.WebhookAuth;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code simulate --webhook-auth …}: the load generator signs like a tenant's settings say. */
class SimulatorAuthArgsTest {
    @Test
    void webhookAuthOptionsBuildTheSchemeTheSimulatorSignsWith() throws Exception {
        SimulatorArgs a = SimulatorArgs.parse(new String[] {"--webhook-auth", "hmac", "--webhook-secret", "sim-secret-0123456789",
                "--hmac-algorithm", "sha1", "--signature-prefix=sha1=", "--timestamp-header", "X-Ts"});
        WebhookAuth auth = a.webhookAuth();
        assertThat(auth.scheme()).isEqualTo(WebhookAuth.Scheme.HMAC);
        assertThat(auth.algorithm()).isEqualTo(WebhookAuth.HmacAlgorithm.SHA1);
        assertThat(auth.signaturePrefix()).isEqualTo("sha1=");
        assertThat(auth.timestampHeaderOrDefault()).isEqualTo("X-Ts");
        assertThat(SimulatorArgs.parse(new String[0]).webhookAuth().scheme()).isEqualTo(WebhookAuth.Scheme.NONE);
    }

    @Test
    void aSchemeWithoutASecretIsAUsageError() {
        assertThatThrownBy(() -> SimulatorArgs.parse(new String[] {"--webhook-auth", "secret"}))
                .isInstanceOf(SimulatorArgs.UsageException.class).hasMessageContaining("--webhook-secret");
        assertThatThrownBy(() -> SimulatorArgs.parse(new String[] {"--webhook-auth", "oauth"}))
                .isInstanceOf(SimulatorArgs.UsageException.class).hasMessageContaining("none, secret, bearer or hmac");
    }
}
