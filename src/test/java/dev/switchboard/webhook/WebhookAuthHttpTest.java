package dev.switchboard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.simulator.SimulatedCall;
import dev.switchboard.simulator.SimulatorCallOptions;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.tenant.TenantSettingsRepository.SettingsChange;
import dev.switchboard.tenant.WebhookAuth;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import static dev.switchboard.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Webhook authentication end to end: the real app, real HTTP, a real SQLite file. */
class WebhookAuthHttpTest {
    static final String SECRET_A = "acme-webhook-secret-000111222333";
    static final String SECRET_B = "bravo-webhook-secret-999888777666";
    static final String BODY = "{\"message\":{\"type\":\"status-update\",\"status\":\"in-progress\",\"timestamp\":1700000000000,"
            + "\"call\":{\"id\":\"call-auth-1\",\"type\":\"inboundPhoneCall\"}}}";
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> post(TestApp app, String tenant, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.base().resolve("/webhooks/vapi/" + tenant))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    static void useAuth(TestApp app, String tenant, WebhookAuth auth) {
        app.app.tenants().updateSettings(tenant, new SettingsChange(Optional.empty(), Optional.empty(), Optional.of(auth), Optional.empty()));
    }

    static long count(TestApp app, String table, String tenant) {
        return app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t")
                .bind("t", tenant).mapTo(Long.class).one());
    }

    JsonNode deliveries(TestApp app, String tenant, String query) {
        app.app.deliveryLog().flush();
        return app.getJson("/api/" + tenant + "/webhook-deliveries" + query);
    }

    @Test
    void aRejectedDeliveryGets401StoresNothingAndIsLoggedWithoutTheSecret() throws Exception {
        try (TestApp app = TestApp.sqlite("acme")) {
            useAuth(app, "acme", WebhookAuth.none().withScheme(WebhookAuth.Scheme.SECRET).withSecret(SECRET_A));

            HttpResponse<String> wrong = post(app, "acme", BODY, "x-vapi-secret", "not-the-secret-at-all-000");
            assertThat(wrong.statusCode()).isEqualTo(401);
            JsonNode error = TestApp.json(wrong.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("webhook_auth_invalid");
            assertThat(error.path("requestId").asText()).isNotBlank();
            assertThat(wrong.body()).doesNotContain(SECRET_A, "not-the-secret-at-all-000");

            HttpResponse<String> empty = post(app, "acme", BODY, "x-vapi-secret", "");
            assertThat(empty.statusCode()).isEqualTo(401);
            assertThat(TestApp.json(empty.body()).path("error").path("code").asText()).isEqualTo("webhook_auth_missing");

            for (String table : new String[] {"calls", "call_status_events", "webhook_events", "transcript_lines"}) {
                assertThat(count(app, table, "acme")).as(table).isZero();
            }
            assertThat(app.getJson("/api/acme/calls")).isEmpty();

            JsonNode log = deliveries(app, "acme", "");
            assertThat(log).hasSize(2);
            JsonNode newest = log.get(0);
            assertThat(newest.path("outcome").asText()).isEqualTo("rejected");
            assertThat(newest.path("reason").asText()).isEqualTo("webhook_auth_missing");
            assertThat(newest.path("type").asText()).isEqualTo("status-update");
            assertThat(newest.path("provider").asText()).isEqualTo("vapi");
            assertThat(newest.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            assertThat(log.get(1).path("reason").asText()).isEqualTo("webhook_auth_invalid");
            assertThat(log.toString()).doesNotContain(SECRET_A, "not-the-secret-at-all-000");

            String metrics = app.get("/metrics").body();
            assertThat(metrics).contains("switchboard_webhooks_rejected_total{provider=\"vapi\",reason=\"webhook_auth_invalid\"}")
                    .contains("switchboard_webhooks_rejected_total{provider=\"vapi\",reason=\"webhook_auth_missing\"}");

            // The right secret is accepted, and stored.
            assertThat(post(app, "acme", BODY, "x-vapi-secret", SECRET_A).statusCode()).isEqualTo(200);
            assertThat(count(app, "calls", "acme")).isEqualTo(1);
            JsonNode accepted = deliveries(app, "acme", "?outcome=accepted");
            assertThat(accepted).hasSize(1);
            assertThat(accepted.get(0).path("count").asLong()).isEqualTo(1);
            assertThat(accepted.get(0).path("type").asText()).isEqualTo("status-update");
            assertThat(deliveries(app, "acme", "?limit=1")).hasSize(1);
            assertThat(app.get("/api/acme/webhook-deliveries?limit=0").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void identicalRejectionsShareOneLogRowWithTheirCount() throws Exception {
        try (TestApp app = TestApp.sqlite("acme")) {
            useAuth(app, "acme", WebhookAuth.none().withScheme(WebhookAuth.Scheme.BEARER).withSecret(SECRET_A));
            for (int i = 0; i < 5; i++) assertThat(post(app, "acme", BODY).statusCode()).isEqualTo(401);
            JsonNode log = deliveries(app, "acme", "?outcome=rejected");
            assertThat(log).hasSize(1);
            assertThat(log.get(0).path("count").asLong()).isEqualTo(5);
            assertThat(log.get(0).path("detail").asText()).contains("No Authorization header");
        }
    }

    @Test
    void tenantAsSecretDoesNotAuthenticateTenantB() throws Exception {
        try (TestApp app = TestApp.sqlite("acme", "bravo")) {
            useAuth(app, "acme", WebhookAuth.none().withScheme(WebhookAuth.Scheme.HMAC).withSecret(SECRET_A));
            useAuth(app, "bravo", WebhookAuth.none().withScheme(WebhookAuth.Scheme.HMAC).withSecret(SECRET_B));
            String ts = String.valueOf(System.currentTimeMillis());
            String signedForA = hmac(SECRET_A, ts, BODY);

            HttpResponse<String> toB = post(app, "bravo", BODY, "x-signature", signedForA, "x-timestamp", ts);
            assertThat(toB.statusCode()).isEqualTo(401);
            assertThat(TestApp.json(toB.body()).path("error").path("code").asText()).isEqualTo("webhook_auth_invalid");
            assertThat(count(app, "calls", "bravo")).isZero();

            assertThat(post(app, "acme", BODY, "x-signature", signedForA, "x-timestamp", ts).statusCode()).isEqualTo(200);
            // A stale but genuine signature: seconds-resolution timestamp from an hour ago.
            String old = String.valueOf(System.currentTimeMillis() / 1000 - 3600);
            HttpResponse<String> stale = post(app, "acme", BODY, "x-signature", hmac(SECRET_A, old, BODY), "x-timestamp", old);
            assertThat(TestApp.json(stale.body()).path("error").path("code").asText()).isEqualTo("webhook_signature_stale");

            // The log is per tenant.
            assertThat(deliveries(app, "bravo", "").toString()).contains("webhook_auth_invalid").doesNotContain("webhook_signature_stale");
            assertThat(deliveries(app, "acme", "?outcome=rejected").toString()).contains("webhook_signature_stale").doesNotContain("webhook_auth_invalid");
        }
    }

    @Test
    void theSettingsViewShowsSchemeAndParametersButOnlyTheLastFourOfEachSecret() {
        try (TestApp app = TestApp.sqlite("acme")) {
            app.app.tenants().updateSettings("acme", new SettingsChange(Optional.of("pk-public-key-abcd1234"), Optional.empty(),
                    Optional.of(WebhookAuth.none().withScheme(WebhookAuth.Scheme.HMAC).withSecret(SECRET_A).withSignaturePrefix("sha256=")),
                    Optional.of("key_retell_secret_5678")));
            HttpResponse<String> r = app.get("/api/acme/settings");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(SECRET_A, "pk-public-key-abcd1234", "key_retell_secret_5678");
            JsonNode s = TestApp.json(r.body());
            assertThat(s.path("vapiPublicKey").path("set").asBoolean()).isTrue();
            assertThat(s.path("vapiPublicKey").path("last4").asText()).isEqualTo("1234");
            assertThat(s.path("retellApiKey").path("last4").asText()).isEqualTo("5678");
            JsonNode auth = s.path("webhookAuth");
            assertThat(auth.path("scheme").asText()).isEqualTo("hmac");
            assertThat(auth.path("secret").path("last4").asText()).isEqualTo("2333");
            assertThat(auth.path("algorithm").asText()).isEqualTo("sha256");
            assertThat(auth.path("signatureHeader").asText()).isEqualTo("x-signature");
            assertThat(auth.path("timestampHeader").asText()).isEqualTo("x-timestamp");
            assertThat(auth.path("signaturePrefix").asText()).isEqualTo("sha256=");
            assertThat(auth.path("replayWindowSeconds").asInt()).isEqualTo(300);
            assertThat(app.get("/api/nobody/settings").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void withoutAuthConfiguredWebhooksAreAcceptedAsBefore() throws Exception {
        try (TestApp app = TestApp.sqlite("acme")) {
            assertThat(post(app, "acme", BODY).statusCode()).isEqualTo(200);
            assertThat(post(app, "acme", BODY.replace("in-progress", "ringing"), "x-vapi-secret", "").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theDemoSimulatorsWebhooksAreAcceptedWhenTheTenantUsesHmac() {
        try (TestApp app = TestApp.demo("t1")) {
            useAuth(app, "t1", WebhookAuth.none().withScheme(WebhookAuth.Scheme.HMAC).withSecret(SECRET_A)
                    .withAlgorithm(WebhookAuth.HmacAlgorithm.SHA512).withSignaturePrefix("sha512="));
            SimulatedCall call = app.app.simulator().startCall("t1", Scenario.APPOINTMENT_BOOKING,
                    SimulatorCallOptions.defaults().withPace(50).withPerfectDelivery());
            assertThat(call.awaitFinished(Duration.ofSeconds(30))).isTrue();
            await(() -> app.get("/api/t1/calls/" + call.id()).statusCode() == 200
                    && TestApp.json(app.get("/api/t1/calls/" + call.id()).body()).path("call").path("status").asText().equals("ended"),
                    Duration.ofSeconds(10), "the simulated call is stored and ended");
            assertThat(app.app.simulator().stats().toString()).doesNotContain(SECRET_A);
            JsonNode log = deliveries(app, "t1", "");
            assertThat(log.toString()).contains("\"accepted\"").doesNotContain("\"rejected\"");
        }
    }
}
