package dev.switchboard.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code SWITCHBOARD_CORS_ORIGINS}: closed by default, exact origins only, a clear message otherwise. */
class CorsOriginsConfigTest {

    static AppConfig load(String value) {
        return new ConfigLoader(Map.of("SWITCHBOARD_CORS_ORIGINS", value)).load(false);
    }

    @Test
    void corsIsClosedByDefault() {
        assertThat(new ConfigLoader(Map.of()).load(false).corsOrigins()).isEmpty();
        assertThat(load(" ").corsOrigins()).isEmpty();
    }

    @Test
    void originsAreListedExactlyInTheFormBrowsersSend() {
        assertThat(load(" https://Console.Example.com , http://localhost:5173,https://console.example.com:443, https://x.example:8443")
                .corsOrigins())
                .containsExactly("https://console.example.com", "http://localhost:5173", "https://x.example:8443");
    }

    @Test
    void theSettingIsKnownSoItIsNotWarnedAbout() {
        ConfigLoader loader = new ConfigLoader(Map.of("SWITCHBOARD_CORS_ORIGINS", "https://a.example"));
        loader.load(false);
        assertThat(loader.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"console.example.com", "https://console.example.com/", "https://console.example.com/app",
            "ftp://files.example.com", "https://", "https://user@console.example.com", "https://a.example?x=1",
            "https://a.example, not an origin", "null"})
    void aValueThatIsNotAnOriginFailsTheStartNamingTheSettingAndTheForm(String bad) {
        assertThatThrownBy(() -> load(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SWITCHBOARD_CORS_ORIGINS")
                .hasMessageContaining("scheme://host[:port]");
    }

    @Test
    void aWildcardIsRefusedWithItsOwnMessage() {
        assertThatThrownBy(() -> load("*"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'*' is not allowed");
    }
}
