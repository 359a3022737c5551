package dev.switchboard.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.tenant.TenantSettingsRepository.SettingsChange;
import dev.switchboard.testing.FakeVapi;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control actions against a stand-in control endpoint ({@link FakeVapi}): the outcome mapping for
 * answers the simulator does not give on demand (provider errors, slowness, unreachability), the audit,
 * validation and tenant isolation. The exact bodies are also asserted against the simulator's validator in
 * {@link SimulatedCallControlTest}.
 */
class CallControlTest {

    static void liveCall(TestApp app, String tenant, String callId, String controlUrl) {
        long now = System.currentTimeMillis();
        app.webhook(tenant, VapiMessages.statusUpdate(new VapiMessages.CallInfo(callId, "inboundPhoneCall", "+14155550123",
                "+14155550100", "asst-1", "Riley", now, null, controlUrl), "in-progress", now, null, null));
    }

    static void endedCall(TestApp app, String tenant, String callId, String controlUrl) {
        long now = System.currentTimeMillis();
        app.webhook(tenant, VapiMessages.statusUpdate(new VapiMessages.CallInfo(callId, "inboundPhoneCall", "+14155550123",
                "+14155550100", "asst-1", "Riley", now - 60_000, null, controlUrl), "ended", now, "customer-ended-call", null));
    }

    static HttpResponse<String> act(TestApp app, String tenant, String callId, String action, String body) {
        return app.post("/api/" + tenant + "/calls/" + callId + "/" + action, body);
    }

    static JsonNode error(HttpResponse<String> r) {
        return TestApp.json(r.body()).path("error");
    }

    static JsonNode actions(TestApp app, String tenant, String callId) {
        return app.getJson("/api/" + tenant + "/calls/" + callId).path("actions");
    }

    @Test
    void eachActionPostsExactlyTheProvidersBodyAndAnswersWithTheAuditedAction() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.controlUrl("c1"));
            List<String[]> cases = List.of(
                    new String[] {"transfer", "{\"number\":\"+1 (415) 555-0100\",\"message\":\"Transferring you now\",\"actor\":\"Sam\"}",
                            "{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"+14155550100\"},\"content\":\"Transferring you now\"}"},
                    new String[] {"transfer", "{\"sipUri\":\"sip:desk@pbx.example.com\"}",
                            "{\"type\":\"transfer\",\"destination\":{\"type\":\"sip\",\"sipUri\":\"sip:desk@pbx.example.com\"}}"},
                    new String[] {"say", "{\"text\":\"One moment please.\"}",
                            "{\"type\":\"say\",\"content\":\"One moment please.\",\"endCallAfterSpoken\":false}"},
                    new String[] {"say", "{\"text\":\"Goodbye.\",\"endCallAfterSpoken\":true}",
                            "{\"type\":\"say\",\"content\":\"Goodbye.\",\"endCallAfterSpoken\":true}"},
                    new String[] {"whisper", "{\"text\":\"Offer the Friday slot.\"}",
                            "{\"type\":\"add-message\",\"message\":{\"role\":\"system\",\"content\":\"Offer the Friday slot.\"},\"triggerResponseEnabled\":false}"},
                    new String[] {"mute", "{}", "{\"type\":\"control\",\"control\":\"mute-assistant\"}"},
                    new String[] {"unmute", "", "{\"type\":\"control\",\"control\":\"unmute-assistant\"}"},
                    new String[] {"end", "{}", "{\"type\":\"end-call\"}"});
            for (String[] c : cases) {
                HttpResponse<String> r = act(app, "acme", "c1", c[0], c[1]);
                assertThat(r.statusCode()).as(c[0] + " " + r.body()).isEqualTo(200);
                JsonNode action = TestApp.json(r.body()).path("action");
                assertThat(action.path("action").asText()).isEqualTo(c[0]);
                assertThat(action.path("outcome").asText()).isEqualTo("ok");
                assertThat(action.path("providerStatus").asInt()).isEqualTo(200);
                assertThat(action.path("latencyMs").isNumber()).isTrue();
            }
            assertThat(vapi.controlBodies.get("c1")).hasSize(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                assertThat(vapi.controlBodies.get("c1").get(i)).as(cases.get(i)[0]).isEqualTo(cases.get(i)[2]);
            }
            assertThat(vapi.authorizations).allMatch(String::isEmpty); // no key configured, none sent

            JsonNode audit = actions(app, "acme", "c1");
            assertThat(audit).extracting(a -> a.path("action").asText())
                    .containsExactly("transfer", "transfer", "say", "say", "whisper", "mute", "unmute", "end");
            JsonNode first = audit.get(0);
            assertThat(first.path("actor").asText()).isEqualTo(TestApp.ADMIN_EMAIL); // the signed-in user, not the body's "actor"
            assertThat(first.path("clientAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(first.path("parameters").toString()).isEqualTo("{\"number\":\"+14155550100\",\"message\":\"Transferring you now\"}");
            assertThat(first.path("at").asText()).isNotBlank();
            // The board follows the provider's webhooks; acting does not change the call itself.
            assertThat(app.getJson("/api/acme/calls/c1").path("call").path("status").asText()).isEqualTo("in-progress");
        }
    }

    @Test
    void theAuditNamesTheSignedInUserWhateverTheBodyOrHeaderClaims() throws Exception {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.controlUrl("c1"));
            HttpResponse<String> r = HttpClient.newHttpClient().send(app.asAdmin(HttpRequest.newBuilder(URI.create(app.base() + "/api/acme/calls/c1/mute")))
                    .header("X-Switchboard-Actor", "Dana (supervisor)").POST(HttpRequest.BodyPublishers.ofString("{\"actor\":\"Eve\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(TestApp.json(r.body()).path("action").path("actor").asText()).isEqualTo(TestApp.ADMIN_EMAIL);
        }
    }

    @Test
    void transferToANamedTargetSendsItsNumber() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.controlUrl("c1"));
            long id = TestApp.json(app.post("/api/acme/transfer-targets", "{\"name\":\"Front desk\",\"number\":\"+14155550111\"}").body())
                    .path("id").asLong();
            HttpResponse<String> r = act(app, "acme", "c1", "transfer", "{\"targetId\":" + id + "}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(vapi.controlBodies.get("c1")).containsExactly(
                    "{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"+14155550111\"}}");
            assertThat(TestApp.json(r.body()).path("action").path("parameters").toString())
                    .isEqualTo("{\"targetId\":" + id + ",\"targetName\":\"Front desk\",\"number\":\"+14155550111\"}");
            assertThat(act(app, "acme", "c1", "transfer", "{\"targetId\":99999}").statusCode()).isEqualTo(404);
            assertThat(error(act(app, "acme", "c1", "transfer", "{\"targetId\":99999}")).path("code").asText())
                    .isEqualTo("transfer_target_not_found");
        }
    }

    @Test
    void anEndedCallIsNotLiveAndACallWithoutControlUrlIsNotControllable() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            endedCall(app, "acme", "over", vapi.controlUrl("over"));
            liveCall(app, "acme", "blind", null);
            for (String action : List.of("transfer", "end", "say", "whisper", "mute", "unmute")) {
                String body = action.equals("transfer") ? "{\"number\":\"+14155550100\"}" : "{\"text\":\"hi\"}";
                HttpResponse<String> ended = act(app, "acme", "over", action, body);
                assertThat(ended.statusCode()).as(action).isEqualTo(409);
                assertThat(error(ended).path("code").asText()).isEqualTo("call_not_live");
                HttpResponse<String> blind = act(app, "acme", "blind", action, body);
                assertThat(blind.statusCode()).as(action).isEqualTo(409);
                assertThat(error(blind).path("code").asText()).isEqualTo("call_not_controllable");
            }
            assertThat(vapi.controlBodies).isEmpty();
            assertThat(actions(app, "acme", "over")).hasSize(6).allMatch(a -> a.path("outcome").asText().equals("rejected"));
        }
    }

    @Test
    void invalidNumbersAndRequestsAre400AndNothingIsSent() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.controlUrl("c1"));
            for (String number : List.of("4155550100", "+04155550100", "+1415", "+1415555010012345", "call me", "+1-415-555-01x0")) {
                HttpResponse<String> r = act(app, "acme", "c1", "transfer", "{\"number\":\"" + number + "\"}");
                assertThat(r.statusCode()).as(number).isEqualTo(400);
                assertThat(error(r).path("code").asText()).as(number).isEqualTo("invalid_number");
            }
            for (String[] c : List.of(
                    new String[] {"transfer", "{}"},
                    new String[] {"transfer", "{\"number\":\"+14155550100\",\"sipUri\":\"sip:a@b\"}"},
                    new String[] {"transfer", "{\"sipUri\":\"tel:+14155550100\"}"},
                    new String[] {"transfer", "{\"number\":14155550100}"},
                    new String[] {"say", "{}"},
                    new String[] {"say", "{\"text\":\"   \"}"},
                    new String[] {"say", "{\"text\":\"hi\",\"endCallAfterSpoken\":\"yes\"}"},
                    new String[] {"whisper", "{\"text\":\"" + "x".repeat(1001) + "\"}"},
                    new String[] {"end", "[1]"})) {
                HttpResponse<String> r = act(app, "acme", "c1", c[0], c[1]);
                assertThat(r.statusCode()).as(c[0] + " " + c[1]).isEqualTo(400);
                assertThat(error(r).path("code").asText()).isEqualTo("invalid_request");
            }
            HttpResponse<String> malformed = act(app, "acme", "c1", "say", "{\"text\":");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(error(malformed).path("code").asText()).isEqualTo("malformed_json");
            assertThat(vapi.controlBodies).isEmpty();
        }
    }

    @Test
    void aProviderRejectionIs502WithTheProvidersReason() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.controlUrl("c1"));
            vapi.answer("c1", new FakeVapi.Answer(400,
                    "{\"message\":[\"property phoneNumber should not exist\"],\"error\":\"Bad Request\",\"statusCode\":400}", Duration.ZERO));
            HttpResponse<String> r = act(app, "acme", "c1", "end", "{}");
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(error(r).path("code").asText()).isEqualTo("provider_rejected");
            assertThat(error(r).path("message").asText()).contains("HTTP 400").contains("property phoneNumber should not exist");

            vapi.answer("c1", new FakeVapi.Answer(404, "{\"message\":\"Call not found\",\"statusCode\":404}", Duration.ZERO));
            HttpResponse<String> gone = act(app, "acme", "c1", "end", "{}");
            assertThat(gone.statusCode()).isEqualTo(502);
            assertThat(error(gone).path("message").asText()).contains("Call not found");

            vapi.answer("c1", new FakeVapi.Answer(500, "upstream exploded", Duration.ZERO));
            HttpResponse<String> broken = act(app, "acme", "c1", "end", "{}");
            assertThat(broken.statusCode()).isEqualTo(502);
            assertThat(error(broken).path("code").asText()).isEqualTo("provider_rejected");
            assertThat(error(broken).path("message").asText()).contains("HTTP 500").contains("upstream exploded");

            // Users report Vapi answering 200 while rejecting the body: an error-shaped 2xx is a rejection too.
            vapi.answer("c1", new FakeVapi.Answer(200,
                    "{\"message\":[\"content must be a string\"],\"error\":\"Bad Request\",\"statusCode\":400}", Duration.ZERO));
            HttpResponse<String> disguised = act(app, "acme", "c1", "end", "{}");
            assertThat(disguised.statusCode()).isEqualTo(502);
            assertThat(error(disguised).path("code").asText()).isEqualTo("provider_rejected");
            assertThat(error(disguised).path("message").asText()).contains("content must be a string");

            JsonNode audit = actions(app, "acme", "c1");
            assertThat(audit).extracting(a -> a.path("outcome").asText()).containsExactly("rejected", "rejected", "failed", "rejected");
            assertThat(audit).extracting(a -> a.path("providerStatus").asInt()).containsExactly(400, 404, 500, 200);
            assertThat(audit.get(0).path("detail").asText()).isEqualTo("property phoneNumber should not exist");
        }
    }

    @Test
    void anUnreachableProviderIs502ProviderUnreachable() {
        try (TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", "http://127.0.0.1:1/calls/c1/control");
            HttpResponse<String> r = act(app, "acme", "c1", "mute", "{}");
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(error(r).path("code").asText()).isEqualTo("provider_unreachable");
            assertThat(error(r).path("message").asText()).doesNotContain("127.0.0.1:1");
            JsonNode a = actions(app, "acme", "c1").get(0);
            assertThat(a.path("outcome").asText()).isEqualTo("failed");
            assertThat(a.path("providerStatus").isNull()).isTrue();
        }
    }

    @Test
    void aProviderSlowerThanFiveSecondsIs504AfterAboutFiveSeconds() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            liveCall(app, "acme", "c1", vapi.controlUrl("c1"));
            vapi.answer("c1", new FakeVapi.Answer(200, "{\"status\":\"ok\"}", Duration.ofSeconds(8)));
            long t = System.nanoTime();
            HttpResponse<String> r = act(app, "acme", "c1", "say", "{\"text\":\"Still there?\"}");
            Duration took = Duration.ofNanos(System.nanoTime() - t);
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(error(r).path("code").asText()).isEqualTo("provider_timeout");
            assertThat(took).isBetween(Duration.ofMillis(4_900), Duration.ofMillis(6_500));
            JsonNode a = actions(app, "acme", "c1").get(0);
            assertThat(a.path("outcome").asText()).isEqualTo("timeout");
            assertThat(a.path("latencyMs").asLong()).isBetween(4_900L, 6_000L);
        }
    }

    @Test
    void theTenantsPublicKeyIsSentAsBearerToTheControlUrl() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme")) {
            app.app.tenants().updateSettings("acme", new SettingsChange(Optional.of("pk-ctl-777"), Optional.empty()));
            liveCall(app, "acme", "c1", vapi.controlUrl("c1"));
            assertThat(act(app, "acme", "c1", "unmute", "{}").statusCode()).isEqualTo(200);
            assertThat(vapi.authorizations).containsExactly("Bearer pk-ctl-777");
        }
    }

    @Test
    void tenantBCannotActOnTenantAsCallNorSeeItsActions() {
        try (FakeVapi vapi = new FakeVapi(); TestApp app = TestApp.sqlite("acme", "bravo")) {
            liveCall(app, "acme", "c1", vapi.controlUrl("c1"));
            assertThat(act(app, "acme", "c1", "mute", "{}").statusCode()).isEqualTo(200);
            for (String action : List.of("transfer", "end", "say", "whisper", "mute", "unmute")) {
                HttpResponse<String> r = act(app, "bravo", "c1", action, "{\"number\":\"+14155550100\",\"text\":\"hi\"}");
                assertThat(r.statusCode()).as(action).isEqualTo(404);
                assertThat(error(r).path("code").asText()).isEqualTo("call_not_found");
            }
            assertThat(act(app, "nobody", "c1", "mute", "{}").statusCode()).isEqualTo(404);
            assertThat(error(act(app, "nobody", "c1", "mute", "{}")).path("code").asText()).isEqualTo("unknown_tenant");
            assertThat(app.get("/api/bravo/calls/c1").statusCode()).isEqualTo(404);
            assertThat(vapi.controlBodies.get("c1")).hasSize(1);
            assertThat(actions(app, "acme", "c1")).hasSize(1);
        }
    }
}
