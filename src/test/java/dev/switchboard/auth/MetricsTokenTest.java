package dev.switchboard.auth;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsTokenTest {
    static final String TOKEN = "prometheus-scrape-token-0123";

    @Test
    void theMetricsTokenOpensMetricsAndNothingElse() {
        try (TestApp app = TestApp.start(null, c -> c.withMetricsToken(TOKEN), "acme")) {
            HttpRequest.Builder metrics = HttpRequest.newBuilder(app.base().resolve("/metrics")).header("Authorization", "Bearer " + TOKEN);
            assertThat(app.send(metrics.build()).statusCode()).isEqualTo(200);
            assertThat(app.send(metrics.build()).body()).contains("# TYPE jvm_");
            HttpRequest calls = HttpRequest.newBuilder(app.base().resolve("/api/acme/calls")).header("Authorization", "Bearer " + TOKEN).build();
            assertThat(app.send(calls).statusCode()).isEqualTo(401);
            HttpRequest wrong = HttpRequest.newBuilder(app.base().resolve("/metrics")).header("Authorization", "Bearer " + TOKEN + "x").build();
            assertThat(app.send(wrong).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aShortMetricsTokenStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SWITCHBOARD_METRICS_TOKEN", "short")).load(false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SWITCHBOARD_METRICS_TOKEN");
        assertThat(new ConfigLoader(Map.of("SWITCHBOARD_METRICS_TOKEN", TOKEN)).load(false).metricsToken()).isEqualTo(TOKEN);
    }
}
