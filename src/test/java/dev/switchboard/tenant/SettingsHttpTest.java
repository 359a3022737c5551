package dev.switchboard.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET|PATCH /api/{client_id}/settings} over real HTTP against the real app and a real SQLite file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsHttpTest {
    static final String PRIVATE_KEY = "vapi-private-0000-1111-2222-pk01";
    static final String PUBLIC_KEY = "vapi-public-3333-4444-5555-pk02";
    static final String RETELL_KEY = "key_retell_6666777788889999";
    static final String WEBHOOK_SECRET = "whsec-aaaa-bbbb-cccc-dddd-eeee";

    TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.start(null, c -> c.withPublicUrl("https://ops.example.com"), "acme", "bravo", "carol", "dave", "erin");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    HttpResponse<String> patch(String tenant, String body) {
        return app.send(app.asAdmin(HttpRequest.newBuilder(app.base().resolve("/api/" + tenant + "/settings")))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestApp.json(r.body());
    }

    String error(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode e = TestApp.json(r.body()).path("error");
        assertThat(e.path("code").asText()).isEqualTo("invalid_request");
        return e.path("message").asText();
    }

    @Test
    void everyFieldCanBeSetAndTheAnswerShowsOnlyWhetherEachSecretIsSetAndItsLastFour() {
        HttpResponse<String> r = patch("acme", "{\"timeZone\":\"America/Chicago\",\"listenFormat\":\"stereo\","
                + "\"vapiPrivateKey\":\"" + PRIVATE_KEY + "\",\"vapiPublicKey\":\"" + PUBLIC_KEY + "\",\"retellApiKey\":\"" + RETELL_KEY + "\","
                + "\"webhookAuth\":{\"scheme\":\"hmac\",\"secret\":\"" + WEBHOOK_SECRET + "\",\"algorithm\":\"sha512\","
                + "\"signatureHeader\":\"x-vapi-signature\",\"timestampHeader\":\"x-vapi-timestamp\",\"signaturePrefix\":\"sha512=\","
                + "\"replayWindowSeconds\":60}}");
        JsonNode s = ok(r);
        assertThat(r.body()).doesNotContain(PRIVATE_KEY, PUBLIC_KEY, RETELL_KEY, WEBHOOK_SECRET);
        assertThat(s.path("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(s.path("listenFormat").asText()).isEqualTo("stereo");
        assertThat(s.path("vapiPrivateKey").path("last4").asText()).isEqualTo("pk01");
        assertThat(s.path("vapiPublicKey").path("last4").asText()).isEqualTo("pk02");
        assertThat(s.path("retellApiKey").path("last4").asText()).isEqualTo("9999");
        JsonNode auth = s.path("webhookAuth");
        assertThat(auth.path("scheme").asText()).isEqualTo("hmac");
        assertThat(auth.path("secret").path("set").asBoolean()).isTrue();
        assertThat(auth.path("secret").path("last4").asText()).isEqualTo("eeee");
        assertThat(auth.path("algorithm").asText()).isEqualTo("sha512");
        assertThat(auth.path("signatureHeader").asText()).isEqualTo("x-vapi-signature");
        assertThat(auth.path("timestampHeader").asText()).isEqualTo("x-vapi-timestamp");
        assertThat(auth.path("signaturePrefix").asText()).isEqualTo("sha512=");
        assertThat(auth.path("replayWindowSeconds").asInt()).isEqualTo(60);

        // Stored (decrypted here with the app's key) and read back the same way.
        TenantSettings stored = app.app.tenants().settings("acme");
        assertThat(stored.vapiPrivateKey()).isEqualTo(PRIVATE_KEY);
        assertThat(stored.webhookAuth().secret()).isEqualTo(WEBHOOK_SECRET);
        HttpResponse<String> get = app.get("/api/acme/settings");
        assertThat(get.body()).doesNotContain(PRIVATE_KEY, PUBLIC_KEY, RETELL_KEY, WEBHOOK_SECRET);
        assertThat(TestApp.json(get.body())).isEqualTo(s);

        // Bearer has its own fields; switching keeps the secret.
        JsonNode bearer = ok(patch("acme", "{\"webhookAuth\":{\"scheme\":\"bearer\",\"header\":\"X-Api-Token\",\"bearerPrefix\":false}}"));
        assertThat(bearer.path("webhookAuth").path("header").asText()).isEqualTo("X-Api-Token");
        assertThat(bearer.path("webhookAuth").path("bearerPrefix").asBoolean()).isFalse();
        assertThat(bearer.path("webhookAuth").path("secret").path("last4").asText()).isEqualTo("eeee");
        assertThat(bearer.path("webhookSetup").path("vapiHeaders").toString()).contains("X-Api-Token: <the webhook secret>");
    }

    @Test
    void aNullClearsASecretAndLeavesEverythingElseAlone() {
        ok(patch("bravo", "{\"vapiPrivateKey\":\"" + PRIVATE_KEY + "\",\"retellApiKey\":\"" + RETELL_KEY + "\",\"listenFormat\":\"mono\"}"));
        JsonNode s = ok(patch("bravo", "{\"vapiPrivateKey\":null}"));
        assertThat(s.path("vapiPrivateKey").path("set").asBoolean()).isFalse();
        assertThat(s.path("vapiPrivateKey").path("last4").isNull()).isTrue();
        assertThat(s.path("retellApiKey").path("set").asBoolean()).isTrue();
        assertThat(s.path("listenFormat").asText()).isEqualTo("mono");
        assertThat(app.app.tenants().settings("bravo").vapiPrivateKey()).isNull();

        // The webhook secret cannot be cleared while a scheme needs it; with the scheme back to none it can.
        ok(patch("bravo", "{\"webhookAuth\":{\"scheme\":\"secret\",\"secret\":\"" + WEBHOOK_SECRET + "\"}}"));
        assertThat(error(patch("bravo", "{\"webhookAuth\":{\"secret\":null}}"))).contains("webhookAuth.scheme", "needs a secret");
        JsonNode none = ok(patch("bravo", "{\"webhookAuth\":{\"scheme\":\"none\",\"secret\":null}}"));
        assertThat(none.path("webhookAuth").path("secret").path("set").asBoolean()).isFalse();
    }

    @Test
    void anInvalidRequestSaysWhichFieldIsWrongAndChangesNothing() {
        ok(patch("carol", "{\"timeZone\":\"Europe/Berlin\",\"listenFormat\":\"mono\",\"vapiPublicKey\":\"" + PUBLIC_KEY + "\"}"));
        String before = app.get("/api/carol/settings").body();

        // Each has a valid field next to the invalid one: the valid one must not be applied either.
        assertThat(error(patch("carol", "{\"listenFormat\":\"stereo\",\"timeZone\":\"Mars/Olympus\"}"))).contains("timeZone", "IANA");
        assertThat(error(patch("carol", "{\"listenFormat\":\"surround\"}"))).contains("listenFormat", "auto, mono or stereo");
        assertThat(error(patch("carol", "{\"listenFormat\":\"stereo\",\"vapiPrivateKey\":\"\"}"))).contains("vapiPrivateKey", "send null");
        assertThat(error(patch("carol", "{\"listenFormat\":\"stereo\",\"vapiPrivateKey\":\"has a space\"}")))
                .contains("vapiPrivateKey", "spaces").doesNotContain("has a space");
        assertThat(error(patch("carol", "{\"listenFormat\":\"stereo\",\"webhookAuth\":{\"scheme\":\"secret\",\"secret\":\"short-one\"}}")))
                .contains("webhookAuth.secret", "at least 16").doesNotContain("short-one");
        assertThat(error(patch("carol", "{\"listenFormat\":\"stereo\",\"webhookAuth\":{\"scheme\":\"hmac\"}}")))
                .contains("webhookAuth.scheme", "needs a secret", "webhook-secret");
        assertThat(error(patch("carol", "{\"webhookAuth\":{\"replayWindowSeconds\":0}}"))).contains("replayWindowSeconds", "1 to 3600");
        assertThat(error(patch("carol", "{\"webhookAuth\":{\"header\":\"Bad Header\"}}"))).contains("webhookAuth.header", "HTTP header name");
        assertThat(error(patch("carol", "{\"webhookAuth\":{\"algorithm\":\"md5\"}}"))).contains("webhookAuth.algorithm", "sha256");
        assertThat(error(patch("carol", "{\"webhookAuth\":{\"bearerPrefix\":\"yes\"}}"))).contains("bearerPrefix", "true or false");
        assertThat(error(patch("carol", "{\"webhookAuth\":\"hmac\"}"))).contains("webhookAuth must be an object");
        assertThat(error(patch("carol", "{\"timeZone\":null}"))).contains("timeZone", "cannot be cleared");
        assertThat(error(patch("carol", "{\"vapiPublicKey\":42}"))).contains("vapiPublicKey", "string, or null");
        assertThat(error(patch("carol", "{\"listenFormat\":\"stereo\",\"vapiSecretKey\":\"x\"}"))).contains("Unknown field vapiSecretKey");
        assertThat(error(patch("carol", "{\"webhookAuth\":{\"sceme\":\"none\"}}"))).contains("Unknown field webhookAuth.sceme");
        assertThat(error(patch("carol", "{}"))).contains("Nothing to change");
        assertThat(patch("carol", "[1]").statusCode()).isEqualTo(400);
        assertThat(patch("carol", "{not json").statusCode()).isEqualTo(400);

        assertThat(app.get("/api/carol/settings").body()).isEqualTo(before);
        assertThat(patch("nobody", "{\"listenFormat\":\"mono\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void theWebhookSetupGivesTheExactUrlFromThePublicUrlAndTheHeadersVapiMustSend() {
        JsonNode setup = TestApp.json(app.get("/api/dave/settings").body()).path("webhookSetup");
        assertThat(setup.path("vapiUrl").asText()).isEqualTo("https://ops.example.com/webhooks/vapi/dave");
        assertThat(setup.path("baseUrlFrom").asText()).isEqualTo("configured");
        assertThat(setup.path("vapiHeaders")).isEmpty();
        assertThat(setup.path("vapiSteps").get(0).asText()).contains("https://ops.example.com/webhooks/vapi/dave", "no authentication");
        assertThat(setup.path("retellUrl").isNull()).isTrue();
        assertThat(setup.path("retellNote").asText()).contains("not accepted yet");

        JsonNode secret = ok(patch("dave", "{\"webhookAuth\":{\"scheme\":\"secret\",\"secret\":\"" + WEBHOOK_SECRET + "\"}}"))
                .path("webhookSetup");
        assertThat(secret.path("vapiHeaders").toString()).contains("x-vapi-secret: <the webhook secret>");
        assertThat(secret.path("vapiSteps").toString()).contains("X-Vapi-Secret").doesNotContain(WEBHOOK_SECRET);
    }

    @Test
    void withoutAPublicUrlTheWebhookUrlComesFromTheRequestsHost() {
        try (TestApp plain = TestApp.sqlite("acme")) {
            JsonNode setup = plain.getJson("/api/acme/settings").path("webhookSetup");
            assertThat(setup.path("vapiUrl").asText()).isEqualTo("http://127.0.0.1:" + plain.app.port() + "/webhooks/vapi/acme");
            assertThat(setup.path("baseUrlFrom").asText()).isEqualTo("request");
        }
    }

    @Test
    void storingASecretWithoutAMasterKeyIsRefusedWithWhatToDoAndChangesNothing() {
        try (TestApp noKey = TestApp.start(null, c -> c, CredentialCipher.none(), null, "acme")) {
            HttpResponse<String> r = noKey.send(noKey.asAdmin(HttpRequest.newBuilder(noKey.base().resolve("/api/acme/settings")))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"listenFormat\":\"mono\",\"vapiPrivateKey\":\"" + PRIVATE_KEY + "\"}"))
                    .build());
            assertThat(r.statusCode()).isEqualTo(409);
            JsonNode e = TestApp.json(r.body()).path("error");
            assertThat(e.path("code").asText()).isEqualTo("master_key_missing");
            assertThat(e.path("message").asText()).contains("SWITCHBOARD_MASTER_KEY", "openssl rand -base64 32", "Nothing was changed");
            assertThat(r.body()).doesNotContain(PRIVATE_KEY);
            assertThat(noKey.getJson("/api/acme/settings").path("listenFormat").asText()).isEqualTo("auto");
            // A change without a secret needs no key.
            assertThat(noKey.send(noKey.asAdmin(HttpRequest.newBuilder(noKey.base().resolve("/api/acme/settings")))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"listenFormat\":\"mono\"}")).build()).statusCode()).isEqualTo(200);
        }
    }
}
