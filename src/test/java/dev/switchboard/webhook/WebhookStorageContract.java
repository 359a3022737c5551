package dev.switchboard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.http.Json;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static dev.switchboard.webhook.vapi.VapiFixtures.message;
import static dev.switchboard.webhook.vapi.VapiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database makes of hostile but valid webhooks, once per dialect (see the subclasses): either stored
 * and served back verbatim, or a clear 4xx that stores nothing; never a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookStorageContract {
    TestApp app;

    abstract DatabaseSettings database();

    @BeforeAll
    void start() {
        app = TestApp.start(database(), c -> c, "acme");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String postTranscript(String callId, String text) {
        ObjectNode root = tree("transcript-final.json");
        message(root).put("transcript", text);
        ((ObjectNode) message(root).get("call")).put("id", callId);
        String body = Json.write(root);
        HttpResponse<String> r = app.post("/webhooks/vapi/acme", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"received\":true}");
        return body;
    }

    private JsonNode transcriptOf(String callId) {
        return app.getJson("/api/acme/calls/" + encode(callId)).path("transcript");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert('x')</script><img src=x onerror=alert(1)>",
            "bell\u0007 escape\u001b[2J tab\t newline\n return\r del\u007f",
            "right-to-left \u202eevil\u202c zero\u200bwidth \uFEFF bom",
            "emoji \uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD and CJK \u4e2d\u6587 and \u00e9\u00e8",
            "quotes \" ' ` and backslashes \\ \\\\ and percent %s %n {{customer.number}}",
            "'; DROP TABLE calls; --"})
    void hostileTranscriptTextIsStoredAndServedBackVerbatim(String text) {
        String callId = "hostile-" + Integer.toHexString(text.hashCode());
        postTranscript(callId, text);
        assertThat(transcriptOf(callId)).singleElement().satisfies(l -> assertThat(l.path("text").asText()).isEqualTo(text));
    }

    @Test
    void aHundredKilobyteTranscriptIsStoredAndServedBackVerbatim() {
        String huge = "The quick brown fox. ".repeat(5_000);
        postTranscript("hostile-huge", huge);
        assertThat(transcriptOf("hostile-huge")).singleElement().satisfies(l -> assertThat(l.path("text").asText()).isEqualTo(huge));
    }

    @Test
    void aNulCharacterInTextNeverCausesAServerError() {
        String body = postTranscript("hostile-nul", "before\u0000after");
        JsonNode lines = transcriptOf("hostile-nul");
        assertThat(lines).singleElement().satisfies(l -> assertThat(l.path("text").asText()).isEqualTo("beforeafter"));
        long raw = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_events WHERE tenant_id = 'acme' AND call_id = 'hostile-nul'")
                .mapTo(Long.class).one());
        assertThat(raw).isEqualTo(1);
        assertThat(body).contains("\\u0000");
    }

    @Test
    void aNulCharacterInTheCallIdOrSummaryIsDroppedInsteadOfFailingTheDelivery() {
        ObjectNode root = tree("end-of-call-report.json");
        ((ObjectNode) message(root).get("call")).put("id", "nul\u0000id");
        ((ObjectNode) message(root).get("analysis")).put("summary", "sum\u0000mary");
        HttpResponse<String> r = app.post("/webhooks/vapi/acme", Json.write(root));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode call = app.getJson("/api/acme/calls/nulid").path("call");
        assertThat(call.path("summary").asText()).isEqualTo("summary");
        assertThat(call.path("status").asText()).isEqualTo("ended");
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 255, 3_000, 10_000})
    void aCallIdOfOrdinaryLengthIsStoredWholeAndAnAbsurdOneIsRejectedClearly(int length) {
        java.util.Random random = new java.util.Random(length);
        StringBuilder id = new StringBuilder();
        while (id.length() < length) id.append(Character.forDigit(random.nextInt(36), 36));
        String callId = id.toString();
        ObjectNode root = tree("status-update-ringing.json");
        ((ObjectNode) message(root).get("call")).put("id", callId);
        HttpResponse<String> r = app.post("/webhooks/vapi/acme", Json.write(root));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(length <= 256 ? 200 : 400);
        long calls = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM calls WHERE id = :id")
                .bind("id", callId).mapTo(Long.class).one());
        long raw = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_events WHERE call_id = :id")
                .bind("id", callId).mapTo(Long.class).one());
        if (r.statusCode() == 200) {
            assertThat(calls).isEqualTo(1);
            assertThat(raw).isEqualTo(1);
        } else {
            assertThat(TestApp.json(r.body()).path("error").path("code").asText()).isEqualTo("invalid_payload");
            assertThat(calls).isZero();
            assertThat(raw).isZero();
        }
    }

    @Test
    void aLoneSurrogateInTextNeverCausesAServerError() {
        ObjectNode root = tree("transcript-final.json");
        ((ObjectNode) message(root).get("call")).put("id", "surrogate-1");
        String body = Json.write(root).replace("\"transcript\":\"", "\"transcript\":\"\\ud800 lone ");
        assertThat(body).contains("\\ud800 lone");
        HttpResponse<String> r = app.post("/webhooks/vapi/acme", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(transcriptOf("surrogate-1")).singleElement().satisfies(l -> assertThat(l.path("text").asText()).contains(" lone "));
    }

    @Test
    void aRedeliveryIsStoredOnceWhetherOrNotTheMessageBelongsToACall() {
        ObjectNode ringing = tree("status-update-ringing.json");
        ((ObjectNode) message(ringing).get("call")).put("id", "redelivered-1");
        String withCall = Json.write(ringing);
        String withoutCall = "{\"message\":{\"type\":\"future-announcement\",\"timestamp\":1763784211000,\"note\":\"no call\"}}";
        for (int delivery = 0; delivery < 2; delivery++) {
            assertThat(app.post("/webhooks/vapi/acme", withCall).statusCode()).isEqualTo(200);
            assertThat(app.post("/webhooks/vapi/acme", withoutCall).statusCode()).isEqualTo(200);
        }
        long ofCall = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_events WHERE call_id = 'redelivered-1'")
                .mapTo(Long.class).one());
        long withoutOne = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_events "
                + "WHERE call_id IS NULL AND event_type = 'future-announcement'").mapTo(Long.class).one());
        assertThat(ofCall).isEqualTo(1);
        assertThat(withoutOne).isEqualTo(1);
    }

    @Test
    void theRawPayloadIsKeptByteForByteIncludingUnicodeEscapes() {
        ObjectNode root = tree("transcript-final.json");
        ((ObjectNode) message(root).get("call")).put("id", "raw-1");
        String compact = Json.write(root);
        String sent = compact.substring(0, compact.length() - 2) + ",\"note\":\"\\u00e9\\ud83d\\ude00 <b>\\u0001 \u00e9\"}}";
        assertThat(app.post("/webhooks/vapi/acme", sent).statusCode()).isEqualTo(200);
        String stored = app.app.database().read(h -> h.createQuery("SELECT payload FROM webhook_events WHERE call_id = 'raw-1'")
                .mapTo(String.class).one());
        assertThat(stored).isEqualTo(sent);
    }
}
