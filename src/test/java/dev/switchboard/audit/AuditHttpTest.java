package dev.switchboard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.auth.Role;
import dev.switchboard.auth.User;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.testing.Caller;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.testing.Caller.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log over real HTTP: sign-ins, keys, transfer targets and supervisor actions leave events naming who
 * did what to what (and never a secret); the filters and the keyset cursor work; a tenant's admins see only
 * its events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditHttpTest {
    static final String PASSWORD = "a long enough password";
    TestApp app;
    Caller agency;
    Caller acmeAdmin;

    @BeforeAll
    void start() {
        app = TestApp.sqlite("acme", "bravo");
        agency = Caller.admin(app);
        User ada = app.app.accounts().create("ada@acme.test", PASSWORD, false);
        app.app.accounts().grant(ada.id(), "acme", Role.ADMIN);
        User bo = app.app.accounts().create("bo@bravo.test", PASSWORD, false);
        app.app.accounts().grant(bo.id(), "bravo", Role.ADMIN);
        acmeAdmin = Caller.signIn(app, "ada@acme.test", PASSWORD);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    JsonNode items(Caller who, String pathAndQuery) {
        return who.json(pathAndQuery).path("items");
    }

    HttpResponse<String> login(String email, String password) {
        return app.send(HttpRequest.newBuilder(app.base().resolve("/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build());
    }

    @Test
    void signInsFailuresThrottlingAndSignOutsAreRecordedWithoutPasswords() {
        app.app.accounts().create("cal@agency.test", PASSWORD, false);
        Caller cal = Caller.signIn(app, "cal@agency.test", PASSWORD);
        assertThat(cal.post("/api/auth/logout", null).statusCode()).isEqualTo(204);
        for (int i = 0; i < 6; i++) login("Victim@Agency.test", "guess-number-" + i);

        JsonNode login = items(agency, "/api/audit?action=auth.login&actor=cal@").get(0);
        assertThat(login.path("actor").asText()).isEqualTo("cal@agency.test");
        assertThat(login.path("actorKind").asText()).isEqualTo("user");
        assertThat(login.path("tenantId").isNull()).isTrue();
        assertThat(login.path("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(login.path("outcome").asText()).isEqualTo("ok");
        assertThat(items(agency, "/api/audit?action=auth.logout").get(0).path("target").asText()).isEqualTo("cal@agency.test");
        JsonNode failed = items(agency, "/api/audit?action=auth.login_failed");
        assertThat(failed).hasSize(5);
        assertThat(failed.get(0).path("target").asText()).isEqualTo("victim@agency.test");
        assertThat(failed.get(0).path("actorKind").asText()).isEqualTo("anonymous");
        assertThat(failed.get(0).path("outcome").asText()).isEqualTo("failed");
        JsonNode throttled = items(agency, "/api/audit?action=auth.login_throttled").get(0);
        assertThat(throttled.path("outcome").asText()).isEqualTo("denied");
        assertThat(agency.get("/api/audit?limit=200").body()).doesNotContain("guess-number").doesNotContain(PASSWORD);
    }

    @Test
    void keysAndTransferTargetsAreRecordedByPrefixNeverBySecret() {
        HttpResponse<String> created = acmeAdmin.post("/api/acme/api-keys", "{\"name\":\"CRM sync\",\"scope\":\"control\"}");
        String secret = TestApp.json(created.body()).path("secret").asText();
        JsonNode key = TestApp.json(created.body()).path("key");
        acmeAdmin.delete("/api/acme/api-keys/" + key.path("id").asLong());
        JsonNode keyEvents = items(acmeAdmin, "/api/acme/audit?action=api_key.");
        assertThat(keyEvents).extracting(e -> e.path("action").asText()).containsExactly("api_key.revoked", "api_key.created");
        assertThat(keyEvents.get(1).path("target").asText()).isEqualTo(key.path("prefix").asText());
        assertThat(keyEvents.get(1).path("actor").asText()).isEqualTo("ada@acme.test");
        assertThat(keyEvents.get(1).path("detail").toString()).isEqualTo("{\"name\":\"CRM sync\",\"scope\":\"control\"}");
        assertThat(keyEvents.toString()).doesNotContain(secret).doesNotContain(secret.substring(16));

        HttpResponse<String> target = acmeAdmin.post("/api/acme/transfer-targets", "{\"name\":\"Front desk\",\"number\":\"+14155550100\"}");
        acmeAdmin.delete("/api/acme/transfer-targets/" + TestApp.json(target.body()).path("id").asLong());
        JsonNode targets = items(acmeAdmin, "/api/acme/audit?action=transfer_target.");
        assertThat(targets).extracting(e -> e.path("action").asText() + " " + e.path("target").asText())
                .containsExactly("transfer_target.deleted Front desk", "transfer_target.created Front desk");
    }

    @Test
    void supervisorActionsAreInTheAuditWithTheirActorAndOutcome() {
        long now = System.currentTimeMillis();
        app.webhook("acme", VapiMessages.statusUpdate(new VapiMessages.CallInfo("call-7", "inboundPhoneCall", "+14155550123",
                "+14155550100", "a", "Riley", now, null, null), "in-progress", now, null, null));
        HttpResponse<String> mute = acmeAdmin.post("/api/acme/calls/call-7/mute", "{}");
        assertThat(mute.statusCode()).as("no control URL: refused, and audited").isEqualTo(409);
        JsonNode event = items(acmeAdmin, "/api/acme/audit?action=call.mute").get(0);
        assertThat(event.path("actor").asText()).isEqualTo("ada@acme.test");
        assertThat(event.path("target").asText()).isEqualTo("call-7");
        assertThat(event.path("outcome").asText()).isEqualTo("denied");
        assertThat(event.path("detail").path("result").asText()).isEqualTo("rejected");
        assertThat(items(agency, "/api/audit?action=call.").toString()).contains("call-7");
    }

    @Test
    void aTenantsAdminsSeeOnlyItsEventsAndTheAgencyCanNarrowToOne() {
        Caller bo = Caller.signIn(app, "bo@bravo.test", PASSWORD);
        bo.post("/api/bravo/transfer-targets", "{\"name\":\"Bravo desk\",\"number\":\"+14155550111\"}");
        acmeAdmin.post("/api/acme/transfer-targets", "{\"name\":\"Acme desk\",\"number\":\"+14155550112\"}");
        JsonNode acme = items(acmeAdmin, "/api/acme/audit?limit=200");
        assertThat(acme).isNotEmpty().allSatisfy(e -> assertThat(e.path("tenantId").asText().equals("acme")
                || e.path("action").asText().startsWith("auth.") && e.path("target").asText().equals("ada@acme.test")).isTrue());
        assertThat(acme.toString()).as("its members' sign-ins, nobody else's").contains("auth.login").doesNotContain("bo@bravo.test")
                .doesNotContain("Bravo desk").doesNotContain(TestApp.ADMIN_EMAIL + "\",\"action\":\"auth.login");
        assertThat(items(agency, "/api/audit?tenant=bravo&limit=200")).allSatisfy(e -> assertThat(e.path("tenantId").asText().equals("bravo")
                || e.path("target").asText().equals("bo@bravo.test")).isTrue());
        assertThat(items(agency, "/api/audit?limit=200").toString()).contains("Bravo desk").contains("Acme desk").contains("auth.login");
        assertThat(agency.get("/api/audit?tenant=nowhere").statusCode()).isEqualTo(404);
        assertThat(bo.get("/api/acme/audit").statusCode()).isEqualTo(404);
    }

    @Test
    void theCursorWalksEveryEventOnceNewestFirstAndTheTimeFilterBoundsIt() {
        Instant start = Instant.now();
        for (int i = 0; i < 7; i++) acmeAdmin.post("/api/acme/transfer-targets", "{\"name\":\"Page " + i + "\",\"number\":\"+1415555012" + i + "\"}");
        String filter = "/api/acme/audit?action=transfer_target.created&from=" + start + "&limit=3";
        List<String> seen = new ArrayList<>();
        String next = "";
        int pages = 0;
        do {
            JsonNode page = acmeAdmin.json(filter + (next.isEmpty() ? "" : "&before=" + next));
            page.path("items").forEach(e -> seen.add(e.path("target").asText()));
            next = page.path("next").isNull() ? "" : page.path("next").asText();
            pages++;
        } while (!next.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("Page 6", "Page 5", "Page 4", "Page 3", "Page 2", "Page 1", "Page 0");
        assertThat(items(acmeAdmin, "/api/acme/audit?action=transfer_target.created&to=" + start.minusSeconds(3600))).isEmpty();
    }

    @Test
    void badFiltersAreA400ThatSaysWhatIsExpected() {
        assertThat(message(agency.get("/api/audit?from=yesterday"))).contains("ISO instant");
        assertThat(message(agency.get("/api/audit?limit=500"))).contains("limit must be a whole number from 1 to 200");
        assertThat(message(agency.get("/api/audit?limit=0"))).contains("limit");
        assertThat(message(agency.get("/api/audit?before=abc"))).contains("before must be a whole number");
        assertThat(message(agency.get("/api/audit?action=DROP%20TABLE"))).contains("category ending in a dot");
        assertThat(message(agency.get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"))).contains("from must not be after to");
        assertThat(agency.get("/api/audit?actor=%25").statusCode()).isEqualTo(200);
    }
}
