package dev.switchboard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.AppConfig;
import dev.switchboard.http.Json;
import dev.switchboard.testing.TestApp;
import dev.switchboard.webhook.vapi.VapiFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.switchboard.webhook.vapi.VapiFixtures.CALL_ID;
import static dev.switchboard.webhook.vapi.VapiFixtures.message;
import static dev.switchboard.webhook.vapi.VapiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhooks/vapi/{client_id}} against the real server on SQLite: every fixture is acknowledged
 * with the reply its type expects and stored verbatim once; every bad input gets its documented error and
 * stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookHttpTest {
    TestApp app;

    static String tenantFor(String fixture) {
        return "f-" + fixture.replace(".json", "");
    }

    @BeforeAll
    void start() {
        List<String> tenants = new ArrayList<>(List.of("acme", "bad", "dup", "odd", "hostile"));
        VapiFixtures.names().forEach(f -> tenants.add(tenantFor(f)));
        app = TestApp.start(null, c -> c, tenants.toArray(String[]::new));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static List<String> fixtures() {
        return VapiFixtures.names();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static List<Map<String, Object>> rawEvents(TestApp app, String tenant) {
        return app.app.database().read(h -> h.createQuery(
                        "SELECT event_type, call_id, payload, dedupe_key FROM webhook_events WHERE tenant_id = :t ORDER BY id")
                .bind("t", tenant).mapToMap().list());
    }

    static long tenantRows(TestApp app, String tenant) {
        return app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM tenants WHERE id = :t")
                .bind("t", tenant).mapTo(Long.class).one());
    }

    static void assertNothingStored(TestApp app, String tenant) {
        assertThat(rawEvents(app, tenant)).as("raw events of %s", tenant).isEmpty();
        assertThat(app.getJson("/api/" + tenant + "/calls")).as("calls of %s", tenant).isEmpty();
        long lines = app.app.database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM transcript_lines WHERE tenant_id = :t").bind("t", tenant).mapTo(Long.class).one());
        assertThat(lines).isZero();
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = TestApp.json(r.body());
        assertThat(body.size()).as("only the error object: %s", r.body()).isEqualTo(1);
        JsonNode error = body.path("error");
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("requestId").asText()).isNotBlank()
                .isEqualTo(r.headers().firstValue("X-Request-Id").orElse(null));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- every fixture ------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureIsAnsweredWithTheReplyItsTypeExpectsAndStoredVerbatimOnce(String fixture) {
        String tenant = tenantFor(fixture);
        String body = VapiFixtures.text(fixture);
        HttpResponse<String> r = app.post("/webhooks/vapi/" + tenant, body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(TestApp.json(r.body())).isEqualTo(VapiFixtures.expectedReply(fixture));

        List<Map<String, Object>> raw = rawEvents(app, tenant);
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0).get("event_type")).isEqualTo(VapiFixtures.typeOf(fixture));
        assertThat(raw.get(0).get("call_id")).isEqualTo(VapiFixtures.callIdOf(fixture));
        assertThat(raw.get(0).get("payload")).isEqualTo(body);

        JsonNode calls = app.getJson("/api/" + tenant + "/calls");
        String callId = VapiFixtures.callIdOf(fixture);
        if (callId == null) {
            assertThat(calls).isEmpty();
        } else {
            assertThat(calls).singleElement().satisfies(c -> assertThat(c.path("id").asText()).isEqualTo(callId));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "status-update-queued.json, queued",
            "status-update-ringing.json, ringing",
            "status-update-in-progress.json, in-progress",
            "status-update-forwarding.json, forwarding",
            "status-update-ended.json, ended",
            "transcript-partial.json, in-progress",
            "transcript-final.json, in-progress",
            "transcript-final-only.json, in-progress",
            "conversation-update.json, in-progress",
            "speech-update.json, in-progress",
            "user-interrupted.json, in-progress",
            "hang.json, in-progress",
            "model-output.json, in-progress",
            "transfer-update-number.json, forwarding",
            "transfer-update-sip.json, forwarding",
            "transfer-update-assistant.json, forwarding",
            "tool-calls.json, ringing",
            "assistant-request.json, ringing",
            "end-of-call-report.json, ended",
            "end-of-call-report-success-false.json, ended",
            "end-of-call-report-docs-sample-with-call-id.json, ended",
            "future-type.json, in-progress"})
    void aSingleMessageLeavesTheCallInTheStatusItImplies(String fixture, String status) {
        String tenant = tenantFor(fixture);
        app.post("/webhooks/vapi/" + tenant, VapiFixtures.text(fixture));  // idempotent if the test above ran first
        JsonNode call = app.getJson("/api/" + tenant + "/calls/" + VapiFixtures.callIdOf(fixture)).path("call");
        assertThat(call.path("status").asText()).isEqualTo(status);
        if (!status.equals("ended")) {
            assertThat(call.path("endedAt").isNull()).as("a %s call has not ended", status).isTrue();
        }
    }

    @Test
    void theBigReportIsAppliedWithItsTranscriptAnalysisAndRecording() {
        String tenant = tenantFor("end-of-call-report.json");
        app.post("/webhooks/vapi/" + tenant, VapiFixtures.text("end-of-call-report.json"));
        JsonNode detail = app.getJson("/api/" + tenant + "/calls/" + CALL_ID);
        JsonNode call = detail.path("call");
        assertThat(call.path("endedReason").asText()).isEqualTo("assistant-forwarded-call");
        assertThat(call.path("startedAt").asText()).isEqualTo("2025-11-22T04:03:32.000000");
        assertThat(call.path("endedAt").asText()).isEqualTo("2025-11-22T04:06:47.174000");
        assertThat(call.path("structuredData").path("satisfaction").asInt()).isEqualTo(9);
        assertThat(call.path("successEvaluation").asText()).isEqualTo("true");
        assertThat(call.path("costBreakdown")).hasSize(10);
        assertThat(call.path("recordingUrl").asText()).endsWith("-mono.wav").doesNotContain("X-Amz");
        assertThat(call.path("transferDestination").asText()).isEqualTo("+14155550199 ext. 42");
        assertThat(call.path("listenUrl").isNull()).as("an ended call offers no listening").isTrue();
        assertThat(detail.path("transcript")).hasSize(40);
        assertThat(detail.path("transcript").get(0).path("role").asText()).isEqualTo("assistant");
        assertThat(detail.toString()).doesNotContain("phone-call-websocket").doesNotContain("X-Amz-Signature");
    }

    // ---- bad input ----------------------------------------------------------------------------------------

    static Stream<org.junit.jupiter.params.provider.Arguments> badBodies() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":", "malformed_json"),
                org.junit.jupiter.params.provider.Arguments.of("not json at all", "malformed_json"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"c-1\"}}} trailing", "malformed_json"),
                org.junit.jupiter.params.provider.Arguments.of("", "malformed_json"),
                org.junit.jupiter.params.provider.Arguments.of("   ", "malformed_json"),
                org.junit.jupiter.params.provider.Arguments.of("[]", "invalid_payload"),
                org.junit.jupiter.params.provider.Arguments.of("\"status-update\"", "invalid_payload"),
                org.junit.jupiter.params.provider.Arguments.of("null", "invalid_payload"),
                org.junit.jupiter.params.provider.Arguments.of("{}", "invalid_payload"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":\"hang\"}", "invalid_payload"),
                org.junit.jupiter.params.provider.Arguments.of("{\"type\":\"status-update\",\"call\":{\"id\":\"c-1\"}}", "invalid_payload"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":\"" + "x".repeat(129) + "\"}}", "invalid_payload"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"call\":{\"id\":\"c-1\"},\"status\":\"ended\"}}", "missing_message_type"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":\"\",\"call\":{\"id\":\"c-1\"}}}", "missing_message_type"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":\"  \",\"call\":{\"id\":\"c-1\"}}}", "missing_message_type"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":7,\"call\":{\"id\":\"c-1\"}}}", "missing_message_type"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":null,\"call\":{\"id\":\"c-1\"}}}", "missing_message_type"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":\"\\u0000\",\"call\":{\"id\":\"c-1\"}}}", "missing_message_type"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"" + "c".repeat(300) + "\"}}}", "invalid_payload"),
                org.junit.jupiter.params.provider.Arguments.of("{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"c-1\"},\"x\":"
                        + "[".repeat(5_000) + "]".repeat(5_000) + "}}", "json_too_deep"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void aBadBodyGetsItsDocumentedErrorAndStoresNothing(String body, String code) {
        assertError(app.post("/webhooks/vapi/bad", body), 400, code);
        assertNothingStored(app, "bad");
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedJsonAndStoreNothing() {
        byte[] body = "{\"message\":{\"type\":\"hang\",\"call\":{\"id\":\"c-X\"}}}".getBytes(StandardCharsets.UTF_8);
        body[new String(body, StandardCharsets.UTF_8).indexOf('X')] = (byte) 0xFF;
        assertError(app.postBytes("/webhooks/vapi/bad", body), 400, "malformed_json");
        assertNothingStored(app, "bad");
    }

    @Test
    void anUnknownTenantIsNotFoundAndNeverCreated() {
        HttpResponse<String> r = app.post("/webhooks/vapi/nobody", VapiFixtures.text("status-update-in-progress.json"));
        assertError(r, 404, "unknown_tenant");
        assertThat(tenantRows(app, "nobody")).isZero();
        assertThat(app.getJson("/api/tenants")).extracting(t -> t.path("id").asText()).doesNotContain("nobody");
        assertThat(rawEvents(app, "nobody")).isEmpty();
        assertError(app.get("/api/nobody/calls"), 404, "unknown_tenant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACME", "acme%20", "%3Cscript%3Ealert(1)", "a%0Ab", "%E2%80%AEemca",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aTenantIdThatIsNotExactlyAKnownOneIsAnUnknownTenant(String encodedTenant) {
        long before = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM tenants").mapTo(Long.class).one());
        HttpResponse<String> r = app.post("/webhooks/vapi/" + encodedTenant, VapiFixtures.text("status-update-ringing.json"));
        assertError(r, 404, "unknown_tenant");
        assertThat(TestApp.json(r.body()).path("error").path("message").asText()).doesNotContain("\n");
        long after = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM tenants").mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
        long stored = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_events WHERE tenant_id NOT LIKE 'f-%' "
                + "AND tenant_id NOT IN ('acme','bad','dup','odd','hostile')").mapTo(Long.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void anUnknownTenantIsReportedBeforeTheBodyIsJudged() {
        assertError(app.post("/webhooks/vapi/nobody", "{not json"), 404, "unknown_tenant");
    }

    @Test
    void aGetOnTheWebhookUrlSaysWhetherItTakesWebhooksAndStoresNothing() {
        HttpResponse<String> r = app.send(java.net.http.HttpRequest.newBuilder(app.base().resolve("/webhooks/vapi/acme")).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestApp.json(r.body()).path("tenant").asText()).isEqualTo("acme");
        HttpResponse<String> unknown = app.send(java.net.http.HttpRequest.newBuilder(app.base().resolve("/webhooks/vapi/nobody")).GET().build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> put = app.send(app.asAdmin(java.net.http.HttpRequest.newBuilder(app.base().resolve("/webhooks/vapi/acme")))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(put.statusCode()).isIn(404, 405);
        assertThat(rawEvents(app, "bad")).isEmpty();
    }

    // ---- unknown types, redeliveries ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"chat.created", "session.updated", "call.artifact.upload", "workflow.node.started", "some-2027-type"})
    void aMessageTypeSwitchboardDoesNotKnowIsStoredRawAndAcknowledged(String type) {
        ObjectNode root = tree("future-type.json");
        message(root).put("type", type);
        ((ObjectNode) message(root).get("call")).put("id", "odd-" + type);
        String body = Json.write(root);
        HttpResponse<String> r = app.post("/webhooks/vapi/odd", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"received\":true}");
        assertThat(rawEvents(app, "odd")).filteredOn(e -> e.get("event_type").equals(type)).singleElement()
                .satisfies(e -> assertThat(e.get("payload")).isEqualTo(body));
    }

    @Test
    void aRedeliveredReportIsStoredOnceEvenWithFreshPresignedUrls() {
        String first = VapiFixtures.text("end-of-call-report.json");
        String retry = first.replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=0123abcd")
                .replace("X-Amz-Date=20251122T041000Z", "X-Amz-Date=20251122T041500Z");
        assertThat(retry).isNotEqualTo(first);

        HttpResponse<String> a = app.post("/webhooks/vapi/dup", first);
        long version = app.getJson("/api/dup/calls/" + CALL_ID).path("call").path("version").asLong();
        HttpResponse<String> b = app.post("/webhooks/vapi/dup", retry);
        HttpResponse<String> c = app.post("/webhooks/vapi/dup", first);

        assertThat(List.of(a.statusCode(), b.statusCode(), c.statusCode())).containsOnly(200);
        assertThat(b.body()).isEqualTo(a.body()).isEqualTo(c.body()).isEqualTo("{\"received\":true}");
        assertThat(rawEvents(app, "dup")).filteredOn(e -> e.get("event_type").equals("end-of-call-report")).hasSize(1);
        JsonNode detail = app.getJson("/api/dup/calls/" + CALL_ID);
        assertThat(detail.path("call").path("version").asLong()).isEqualTo(version);
        assertThat(detail.path("transcript")).hasSize(40);
    }

    @Test
    void aRedeliveredStatusUpdateIsStoredOnceButTheSameWordsSaidLaterAreKept() {
        String ringing = VapiFixtures.text("status-update-ringing.json");
        for (int i = 0; i < 3; i++) assertThat(app.post("/webhooks/vapi/dup", ringing).statusCode()).isEqualTo(200);
        assertThat(rawEvents(app, "dup")).filteredOn(e -> e.get("event_type").equals("status-update")).hasSize(1);

        ObjectNode yes = tree("transcript-final.json");
        message(yes).put("transcript", "Yes.");
        ObjectNode yesAgain = yes.deepCopy();
        message(yesAgain).put("timestamp", message(yes).get("timestamp").asLong() + 30_000);
        app.webhook("dup", Json.write(yes));
        app.webhook("dup", Json.write(yes));
        app.webhook("dup", Json.write(yesAgain));
        assertThat(rawEvents(app, "dup")).filteredOn(e -> e.get("event_type").equals("transcript")).hasSize(2);
    }

    // ---- hostile content ----------------------------------------------------------------------------------

    @Test
    void hostileTextIsStoredAndServedVerbatimAsJson() {
        String nasty = "<script>alert('x')</script>\u0007\u001b[2J\u202e \uD83D\uDE00 " + "word ".repeat(20_000);
        ObjectNode root = tree("transcript-final.json");
        message(root).put("transcript", nasty);
        ((ObjectNode) message(root).get("call")).put("id", "hostile-1");
        assertThat(app.webhook("hostile", Json.write(root)).toString()).isEqualTo("{\"received\":true}");
        JsonNode detail = app.getJson("/api/hostile/calls/hostile-1");
        assertThat(detail.path("transcript")).singleElement().satisfies(l -> assertThat(l.path("text").asText()).isEqualTo(nasty));
    }

    // ---- size limit ---------------------------------------------------------------------------------------

    @Test
    void aBodyOverTheConfiguredLimitIsTooLargeAndStoresNothing() {
        int limit = 4096;
        try (TestApp small = TestApp.start(null, c -> new AppConfig(c.port(), c.host(), c.dataDir(), c.database(), c.demo(),
                c.debugApi(), limit, c.tenants(), c.live(), c.simulator()), "acme")) {
            String compact = Json.write(tree("status-update-ringing.json"));
            assertThat(compact.length()).isLessThan(limit);
            String exactly = compact + " ".repeat(limit - compact.length());
            String oneOver = exactly + " ";

            assertError(small.post("/webhooks/vapi/acme", oneOver), 413, "payload_too_large");
            assertError(small.post("/webhooks/vapi/acme", VapiFixtures.text("end-of-call-report.json")), 413, "payload_too_large");
            byte[] big = (compact + " ".repeat(3 * limit)).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(small.base() + "/webhooks/vapi/acme"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
            assertError(chunked, 413, "payload_too_large");
            assertNothingStored(small, "acme");

            HttpResponse<String> atLimit = small.post("/webhooks/vapi/acme", exactly);
            assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(200);
            assertThat(rawEvents(small, "acme")).hasSize(1);
        }
    }
}
