package dev.switchboard.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.simulator.VapiMessages.CallInfo;
import dev.switchboard.simulator.VapiMessages.Report;
import dev.switchboard.simulator.VapiMessages.Turn;
import dev.switchboard.testing.LiveClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook over HTTP → database → dashboard WebSocket, end to end through the real server. Runs once per
 * database dialect (see the subclasses).
 */
abstract class CallFlowContract {
    static final long T0 = 1_763_784_211_000L;

    TestApp app;

    abstract DatabaseSettings database();

    @BeforeEach
    void start() {
        app = TestApp.start(database(), c -> c, "acme", "globex");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static CallInfo call(String id) {
        return new CallInfo(id, "inboundPhoneCall", "+14155550123", "+14155550100", "asst-1", "Riley (Reception)", T0,
                "wss://phone-call-websocket.example.vapi.ai/" + id + "/listen",
                "https://phone-call-websocket.example.vapi.ai/" + id + "/control");
    }

    @Test
    void aStatusUpdateAppearsOnTheDashboardAndInTheCallList() {
        try (LiveClient live = app.dashboard("acme")) {
            JsonNode snapshot = live.next("snapshot");
            assertThat(snapshot.path("calls")).isEmpty();

            app.webhook("acme", VapiMessages.statusUpdate(call("c-1"), "ringing", T0 + 100, null, null));

            JsonNode upsert = live.next("call-upsert");
            assertThat(upsert.path("clientId").asText()).isEqualTo("acme");
            assertThat(upsert.path("seq").asLong()).isEqualTo(snapshot.path("seq").asLong() + 1);
            JsonNode c = upsert.path("call");
            assertThat(c.path("id").asText()).isEqualTo("c-1");
            assertThat(c.path("status").asText()).isEqualTo("ringing");
            assertThat(c.path("phoneNumber").asText()).isEqualTo("+14155550123");
            assertThat(c.path("assistantName").asText()).isEqualTo("Riley (Reception)");
            assertThat(c.path("listenUrl").asText()).isEqualTo("/ws/listen/c-1?client_id=acme");
            assertThat(c.has("endedAt")).isTrue();
        }
        JsonNode list = app.getJson("/api/acme/calls");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("status").asText()).isEqualTo("ringing");
        assertThat(list.get(0).path("client_id").asText()).isEqualTo("acme");
    }

    @Test
    void anEndedCallStoresItsDurationEndedCategoryAndTransferForHistoryAndAnalytics() {
        CallInfo plain = call("c-facts-1");
        app.webhook("acme", VapiMessages.statusUpdate(plain, "in-progress", T0 + 1000, null, null));
        app.webhook("acme", VapiMessages.endOfCallReport(plain, new Report("customer-ended-call", T0 + 1000, T0 + 61_000, 0.5,
                "Booked.", Map.of(), true, null, null, null), List.of(), T0 + 62_000));
        CallInfo forwarded = call("c-facts-2");
        app.webhook("acme", VapiMessages.statusUpdate(forwarded, "in-progress", T0 + 1000, null, null));
        app.webhook("acme", VapiMessages.statusUpdate(forwarded, "forwarding", T0 + 5000, null, "+14155550199"));
        CallInfo live = call("c-facts-3");
        app.webhook("acme", VapiMessages.statusUpdate(live, "in-progress", T0 + 1000, null, null));

        var facts = app.app.database().read(h -> h.createQuery(
                        "SELECT id, duration_ms, ended_category, transferred FROM calls WHERE tenant_id = 'acme' ORDER BY id")
                .map((rs, ctx) -> rs.getString(1) + "|" + rs.getObject(2) + "|" + rs.getString(3) + "|" + rs.getInt(4)).list());
        assertThat(facts).containsExactly("c-facts-1|60000|customer_ended|0", "c-facts-2|null|null|1", "c-facts-3|null|null|0");
    }

    @Test
    void finalTranscriptsStreamAndAreStoredWhilePartialsAreOnlyLive() {
        CallInfo c = call("c-2");
        app.webhook("acme", VapiMessages.statusUpdate(c, "in-progress", T0 + 1000, null, null));
        try (LiveClient live = app.dashboard("acme")) {
            live.next("snapshot");
            app.webhook("acme", VapiMessages.transcript(c, "user", false, "I'd like to book", T0 + 2000));
            app.webhook("acme", VapiMessages.transcript(c, "user", true, "I'd like to book a table for two.", T0 + 2500));

            JsonNode partial = live.next("transcript-partial");
            assertThat(partial.path("text").asText()).isEqualTo("I'd like to book");
            JsonNode line = live.next("transcript");
            assertThat(line.path("callId").asText()).isEqualTo("c-2");
            assertThat(line.path("line").path("role").asText()).isEqualTo("user");
            assertThat(line.path("line").path("text").asText()).isEqualTo("I'd like to book a table for two.");
        }
        JsonNode detail = app.getJson("/api/acme/calls/c-2");
        assertThat(detail.path("transcript")).hasSize(1);
        assertThat(detail.path("transcript").get(0).path("text").asText()).isEqualTo("I'd like to book a table for two.");
    }

    @Test
    void theEndOfCallReportEndsTheCallWithItsAnalysisCostAndRecording() {
        CallInfo c = call("c-3");
        app.webhook("acme", VapiMessages.statusUpdate(c, "in-progress", T0 + 1000, null, null));
        List<Turn> turns = List.of(
                new Turn("assistant", "Thanks for calling, how can I help?", T0 + 1500, T0 + 3000, 0.5),
                new Turn("user", "Can I move my appointment to Friday?", T0 + 3500, T0 + 6000, 2.5));
        Report report = new Report("customer-ended-call", T0 + 1000, T0 + 60_000, 0.1234, "Caller rescheduled to Friday.",
                Map.of("nps_score", 9, "booked", true), "true", "https://storage.example/rec.wav",
                "https://storage.example/rec-stereo.wav", null);
        try (LiveClient live = app.dashboard("acme")) {
            live.next("snapshot");
            app.webhook("acme", VapiMessages.endOfCallReport(c, report, turns, T0 + 61_000));
            JsonNode ended = live.next("call-upsert").path("call");
            assertThat(ended.path("status").asText()).isEqualTo("ended");
            assertThat(ended.path("endedReason").asText()).isEqualTo("customer-ended-call");
            assertThat(ended.path("summary").asText()).isEqualTo("Caller rescheduled to Friday.");
            assertThat(ended.path("structuredData").path("nps_score").asInt()).isEqualTo(9);
            assertThat(ended.path("successEvaluation").asText()).isEqualTo("true");
            assertThat(ended.path("cost").asDouble()).isEqualTo(0.1234);
            assertThat(ended.path("costBreakdown").isArray()).isTrue();
            assertThat(ended.path("recordingUrl").asText()).isEqualTo("https://storage.example/rec.wav");
            assertThat(ended.path("listenUrl").isNull()).isTrue();
            assertThat(live.next("transcript-reset").path("callId").asText()).isEqualTo("c-3");
        }
        JsonNode detail = app.getJson("/api/acme/calls/c-3");
        assertThat(detail.path("transcript")).extracting(l -> l.path("text").asText())
                .containsExactly("Thanks for calling, how can I help?", "Can I move my appointment to Friday?");
        assertThat(detail.path("timeline")).extracting(e -> e.path("status").asText()).containsExactly("in-progress", "ended");
    }

    @Test
    void aRedeliveredMessageChangesNothingAndIsStillAcknowledged() {
        CallInfo c = call("c-4");
        String final1 = VapiMessages.transcript(c, "assistant", true, "Hello!", T0 + 2000);
        app.webhook("acme", VapiMessages.statusUpdate(c, "in-progress", T0 + 1000, null, null));
        app.webhook("acme", final1);
        long version = app.getJson("/api/acme/calls/c-4").path("call").path("version").asLong();
        try (LiveClient live = app.dashboard("acme")) {
            live.next("snapshot");
            app.webhook("acme", final1);
            app.webhook("acme", VapiMessages.statusUpdate(c, "in-progress", T0 + 1000, null, null));
            assertThat(live.drain(Duration.ofMillis(300))).noneMatch(m -> m.path("type").asText().matches("call-upsert|transcript"));
        }
        JsonNode detail = app.getJson("/api/acme/calls/c-4");
        assertThat(detail.path("transcript")).hasSize(1);
        assertThat(detail.path("call").path("version").asLong()).isEqualTo(version);
    }

    @Test
    void anEndedCallNeverGoesBackToInProgress() {
        CallInfo c = call("c-5");
        app.webhook("acme", VapiMessages.statusUpdate(c, "ended", T0 + 5000, "customer-ended-call", null));
        app.webhook("acme", VapiMessages.statusUpdate(c, "in-progress", T0 + 1000, null, null));
        app.webhook("acme", VapiMessages.transcript(c, "user", true, "late line", T0 + 2000));
        JsonNode call = app.getJson("/api/acme/calls/c-5").path("call");
        assertThat(call.path("status").asText()).isEqualTo("ended");
        assertThat(call.path("endedReason").asText()).isEqualTo("customer-ended-call");
        assertThat(call.path("startedAt").asText()).isEqualTo("2025-11-22T04:03:32.000000");
    }

    @Test
    void aTenantsSocketNeverSeesAnotherTenantsCalls() {
        app.webhook("acme", VapiMessages.statusUpdate(call("a-1"), "in-progress", T0, null, null));
        try (LiveClient globex = app.dashboard("globex"); LiveClient acme = app.dashboard("acme")) {
            assertThat(globex.next("snapshot").path("calls")).isEmpty();
            assertThat(acme.next("snapshot").path("calls")).hasSize(1);

            app.webhook("acme", VapiMessages.transcript(call("a-1"), "user", true, "secret account number 1234", T0 + 10));
            app.webhook("acme", VapiMessages.statusUpdate(call("a-2"), "ringing", T0 + 20, null, null));
            acme.next("call-upsert");

            List<JsonNode> leaked = globex.drain(Duration.ofMillis(400));
            assertThat(leaked).allMatch(m -> m.path("type").asText().equals("ping"));
        }
        assertThat(app.get("/api/globex/calls/a-1").statusCode()).isEqualTo(404);
        assertThat(app.getJson("/api/globex/calls")).isEmpty();
    }
}
