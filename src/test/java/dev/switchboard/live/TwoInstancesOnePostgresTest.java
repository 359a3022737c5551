package dev.switchboard.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.testing.Postgres;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Switchboard instances share one PostgreSQL database and a load balancer spreads one call's webhooks
 * over both. Each instance's cached view of the call is then stale half the time; writes conditional on
 * the version must still produce the same call as a single instance would.
 */
class TwoInstancesOnePostgresTest {

    @Test
    void aCallWhoseWebhooksAlternateBetweenInstancesEndsUpExactlyRight() {
        DatabaseSettings db = Postgres.freshDatabase();
        try (TestApp a = TestApp.start(db, c -> c, "acme"); TestApp b = TestApp.start(db, c -> c, "acme")) {
            var unnamed = new VapiMessages.CallInfo("lb-1", "inboundPhoneCall", "+14155550123", "+14155550100", "a", null,
                    1_000_000L, null, null);
            var call = new VapiMessages.CallInfo("lb-1", "inboundPhoneCall", "+14155550123", "+14155550100", "a", "Riley",
                    1_000_000L, null, null);
            a.webhook("acme", VapiMessages.statusUpdate(unnamed, "ringing", 1_000_100L, null, null));
            b.webhook("acme", VapiMessages.statusUpdate(unnamed, "in-progress", 1_001_000L, null, null));
            b.webhook("acme", VapiMessages.statusUpdate(unnamed, "ended", 1_060_000L, "customer-ended-call", null));
            // A still holds the call as ringing; this message changes that stale copy (it names the assistant), and
            // writing it blindly would put the ended call back to in-progress.
            a.webhook("acme", VapiMessages.transcript(call, "user", true, "Hello?", 1_002_000L));
            a.webhook("acme", VapiMessages.statusUpdate(unnamed, "in-progress", 1_001_000L, null, null)); // late redelivery
            assertThat(a.getJson("/api/acme/calls/lb-1").path("call").path("status").asText()).isEqualTo("ended");
            assertThat(b.getJson("/api/acme/calls/lb-1").path("call").path("assistantName").asText()).isEqualTo("Riley");
            a.webhook("acme", VapiMessages.endOfCallReport(call, new VapiMessages.Report("customer-ended-call", 1_001_000L,
                    1_060_000L, 0.05, "Short call.", Map.of("nps_score", 7), "true", null, null, null),
                    List.of(new VapiMessages.Turn("user", "Hello?", 1_002_000L, 1_002_500L, 1.0)), 1_061_000L));

            for (TestApp instance : List.of(a, b)) {
                JsonNode c = instance.getJson("/api/acme/calls/lb-1").path("call");
                assertThat(c.path("status").asText()).isEqualTo("ended");
                assertThat(c.path("endedReason").asText()).isEqualTo("customer-ended-call");
                assertThat(c.path("summary").asText()).isEqualTo("Short call.");
                assertThat(c.path("structuredData").path("nps_score").asInt()).isEqualTo(7);
                assertThat(c.path("startedAt").asText()).isEqualTo("1970-01-01T00:16:41.000000");
            }
        }
    }
}
