package dev.switchboard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generating a webhook secret and sending the settings screen's test delivery, over real HTTP: the test goes
 * out of the server and back in through its own webhook endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestDeliveryHttpTest {
    static final String BODY = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"timestamp\":1700000000000,"
            + "\"call\":{\"id\":\"call-secret-1\",\"type\":\"inboundPhoneCall\"}}}";
    final HttpClient http = HttpClient.newHttpClient();
    TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.sqlite("acme", "bravo", "carol", "dave");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    HttpResponse<String> patch(String tenant, String body) {
        HttpResponse<String> r = app.send(app.asAdmin(HttpRequest.newBuilder(app.base().resolve("/api/" + tenant + "/settings")))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    int webhook(String tenant, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.base().resolve("/webhooks/vapi/" + tenant))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (header != null) b.header(header, value);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    JsonNode test(String tenant) {
        HttpResponse<String> r = app.post("/api/" + tenant + "/settings/test-webhook", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestApp.json(r.body());
    }

    long rows(String table, String tenant) {
        return app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t")
                .bind("t", tenant).mapTo(Long.class).one());
    }

    @Test
    void aGeneratedSecretIsShownOnceThenOnlyItsLastFourAndOnlyItOpensTheWebhook() throws Exception {
        patch("acme", "{\"webhookAuth\":{\"scheme\":\"bearer\",\"secret\":\"the-old-secret-0000111122223333\"}}");

        HttpResponse<String> r = app.post("/api/acme/settings/webhook-secret", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode created = TestApp.json(r.body());
        String secret = created.path("secret").asText();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes, base64url
        assertThat(created.path("note").asText()).contains("not shown again");
        JsonNode auth = created.path("settings").path("webhookAuth");
        assertThat(auth.path("scheme").asText()).as("the scheme is kept").isEqualTo("bearer");
        assertThat(auth.path("secret").path("last4").asText()).isEqualTo(secret.substring(secret.length() - 4));

        String later = app.get("/api/acme/settings").body();
        assertThat(later).doesNotContain(secret).contains(secret.substring(secret.length() - 4));
        assertThat(webhook("acme", "Authorization", "Bearer " + secret)).isEqualTo(200);
        assertThat(webhook("acme", "Authorization", "Bearer the-old-secret-0000111122223333")).isEqualTo(401);

        // Another one replaces it.
        String next = TestApp.json(app.post("/api/acme/settings/webhook-secret", "").body()).path("secret").asText();
        assertThat(next).isNotEqualTo(secret);
        assertThat(webhook("acme", "Authorization", "Bearer " + secret)).isEqualTo(401);
    }

    @Test
    void generatingASecretForATenantWithoutAuthTurnsOnTheSecretScheme() throws Exception {
        JsonNode created = TestApp.json(app.post("/api/bravo/settings/webhook-secret", "").body());
        String secret = created.path("secret").asText();
        assertThat(created.path("settings").path("webhookAuth").path("scheme").asText()).isEqualTo("secret");
        assertThat(webhook("bravo", null, null)).isEqualTo(401);
        assertThat(webhook("bravo", "x-vapi-secret", secret)).isEqualTo(200);
    }

    @Test
    void theTestDeliveryIsSignedLikeVapiWouldAcceptedAndLoggedButStoresNoCall() {
        JsonNode none = test("carol");
        assertThat(none.path("accepted").asBoolean()).isTrue();
        assertThat(none.path("status").asInt()).isEqualTo(200);
        assertThat(none.path("latencyMs").asLong()).isGreaterThanOrEqualTo(0);

        app.post("/api/carol/settings/webhook-secret", "");
        JsonNode secret = test("carol");
        assertThat(secret.path("accepted").asBoolean()).as(secret.toString()).isTrue();
        assertThat(secret.path("scheme").asText()).isEqualTo("secret");

        patch("carol", "{\"webhookAuth\":{\"scheme\":\"hmac\",\"algorithm\":\"sha512\",\"signaturePrefix\":\"sha512=\","
                + "\"signatureHeader\":\"x-vapi-signature\",\"replayWindowSeconds\":1}}");
        JsonNode hmac = test("carol");
        assertThat(hmac.path("accepted").asBoolean()).as(hmac.toString()).isTrue();
        assertThat(hmac.path("code").isNull()).isTrue();
        assertThat(hmac.path("reason").isNull()).isTrue();

        for (String table : new String[] {"calls", "call_status_events", "webhook_events", "transcript_lines"}) {
            assertThat(rows(table, "carol")).as(table).isZero();
        }
        assertThat(app.getJson("/api/carol/calls")).isEmpty();
        // In the delivery log at once (no wait for the periodic summary), with its type.
        JsonNode log = app.getJson("/api/carol/webhook-deliveries?outcome=accepted");
        assertThat(log.toString()).contains("\"switchboard-test\"");
        assertThat(log.get(0).path("provider").asText()).isEqualTo("vapi");
    }

    @Test
    void aTestThatCannotBeDeliveredSaysWhyAndWhatToFix() {
        // Host is a valid header name but no HTTP client may set it: neither could Vapi.
        patch("dave", "{\"webhookAuth\":{\"scheme\":\"bearer\",\"header\":\"Host\",\"secret\":\"dave-secret-0000111122223333\"}}");
        JsonNode r = test("dave");
        assertThat(r.path("accepted").asBoolean()).isFalse();
        assertThat(r.path("code").asText()).isEqualTo("header_not_sendable");
        assertThat(r.path("reason").asText()).contains("choose another header");
        assertThat(r.toString()).doesNotContain("dave-secret-0000111122223333");
    }

    @Test
    void theTestNeedsAKnownTenant() {
        assertThat(app.post("/api/nobody/settings/test-webhook", "").statusCode()).isEqualTo(404);
        assertThat(app.post("/api/nobody/settings/webhook-secret", "").statusCode()).isEqualTo(404);
    }
}
