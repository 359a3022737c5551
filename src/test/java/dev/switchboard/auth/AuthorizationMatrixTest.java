package dev.switchboard.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.testing.Handshake;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role, every key scope and an anonymous caller against every class of route and both sockets,
 * expecting the exact status. Tenant {@code acme} has a live call {@code c1} (no listen or control URL, so
 * an authorised listen or action gets 409, proving it passed the gate); {@code bravo} is another tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    static final String PASSWORD = "matrix-password-1";
    /** Principals, in the column order of the expectations below. */
    static final List<String> WHO = List.of("anonymous", "viewer", "supervisor", "admin", "agency", "readKey", "controlKey", "bravoAdmin");

    TestApp app;
    final Map<String, Credentials> credentials = new LinkedHashMap<>();
    final AtomicInteger names = new AtomicInteger();

    /** How a principal authenticates: a cookie and CSRF token, a Bearer key, or nothing. */
    record Credentials(String cookie, String csrf, String key) {
        HttpRequest.Builder apply(HttpRequest.Builder b) {
            if (cookie != null) b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
            if (key != null) b.header("Authorization", "Bearer " + key);
            return b;
        }
    }

    @BeforeAll
    void start() {
        app = TestApp.sqlite("acme", "bravo");
        Accounts accounts = app.app.accounts();
        credentials.put("anonymous", new Credentials(null, null, null));
        for (var e : Map.of("viewer", Role.VIEWER, "supervisor", Role.SUPERVISOR, "admin", Role.ADMIN).entrySet()) {
            User u = accounts.create(e.getKey() + "@acme.test", PASSWORD, false);
            accounts.grant(u.id(), "acme", e.getValue());
        }
        User bravo = accounts.create("admin@bravo.test", PASSWORD, false);
        accounts.grant(bravo.id(), "bravo", Role.ADMIN);
        for (String who : List.of("viewer", "supervisor", "admin")) credentials.put(who, signedIn(who + "@acme.test", PASSWORD));
        credentials.put("agency", signedIn(TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD));
        credentials.put("readKey", new Credentials(null, null, createKey("read")));
        credentials.put("controlKey", new Credentials(null, null, createKey("control")));
        credentials.put("bravoAdmin", signedIn("admin@bravo.test", PASSWORD));
        long now = System.currentTimeMillis();
        app.webhook("acme", VapiMessages.statusUpdate(new VapiMessages.CallInfo("c1", "inboundPhoneCall", "+14155550123",
                "+14155550100", "a", "Riley", now, null, null), "in-progress", now, null, null));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    Credentials signedIn(String email, String password) {
        if (email.equals(TestApp.ADMIN_EMAIL)) app.admin();
        String[] c = app.signIn(email, password);
        return new Credentials(c[0], c[1], null);
    }

    String createKey(String scope) {
        HttpResponse<String> r = app.post("/api/acme/api-keys", "{\"name\":\"" + scope + " key\",\"scope\":\"" + scope + "\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        return TestApp.json(r.body()).path("secret").asText();
    }

    HttpResponse<String> call(String who, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.base().resolve(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return app.send(credentials.get(who).apply(b).build());
    }

    int socket(String who, String pathAndQuery) {
        Credentials c = credentials.get(who);
        if (c.cookie() == null && c.key() == null) return Handshake.attempt(app.wsAnonymous(pathAndQuery)).status();
        HttpResponse<String> t = app.send(c.apply(HttpRequest.newBuilder(app.base().resolve("/api/auth/ws-ticket")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(t.statusCode()).as("ticket for " + who).isEqualTo(200);
        String ticket = TestApp.json(t.body()).path("ticket").asText();
        return Handshake.attempt(app.wsAnonymous(pathAndQuery + "&ticket=" + ticket)).status();
    }

    /** One row: a request and the status each principal gets, in {@link #WHO} order. */
    void row(String method, String path, String body, int... expected) {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < WHO.size(); i++) {
            String b = body == null ? null : body.replace("#", Integer.toString(names.incrementAndGet()));
            int got = call(WHO.get(i), method, path, b).statusCode();
            if (got != expected[i]) wrong.add(WHO.get(i) + " got " + got + " (expected " + expected[i] + ")");
        }
        assertThat(wrong).as(method + " " + path).isEmpty();
    }

    @Test
    void everyRouteClassAnswersEachPrincipalWithTheExactStatus() {
        //                                                                          anon viewer sup  admin agency read ctrl bravo
        row("GET", "/healthz", null,                                                  200, 200, 200, 200, 200, 200, 200, 200);
        row("GET", "/", null,                                                         200, 200, 200, 200, 200, 200, 200, 200);
        row("GET", "/metrics", null,                                                  401, 403, 403, 403, 200, 403, 403, 403);
        row("GET", "/api/tenants", null,                                              401, 200, 200, 200, 200, 200, 200, 200);
        row("GET", "/api/acme/calls", null,                                           401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/acme/calls/c1", null,                                        401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/acme/calls/c1/events", null,                                 401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/acme/history", null,                                         401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/acme/history?q=hello&status=ended", null,                    401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/acme/history/export.csv", null,                              401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/acme/history/export.jsonl", null,                            401, 200, 200, 200, 200, 200, 200, 404);
        row("POST", "/api/acme/calls/c1/mute", "{}",                                  401, 403, 409, 409, 409, 403, 409, 404);
        row("POST", "/api/acme/calls/c1/transfer", "{\"number\":\"+14155550100\"}",   401, 403, 409, 409, 409, 403, 409, 404);
        row("GET", "/api/acme/analytics/summary?range=30d", null,                     401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/acme/analytics/summary?range=someday", null,                 401, 400, 400, 400, 400, 400, 400, 404);
        row("GET", "/api/acme/analytics/trend?days=7", null,                          401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/acme/analytics/hourly", null,                                401, 200, 200, 200, 200, 200, 200, 404);
        row("GET", "/api/bravo/analytics/summary", null,                              401, 404, 404, 404, 200, 404, 404, 200);
        row("GET", "/api/analytics/overview", null,                                   401, 403, 403, 403, 200, 403, 403, 403);
        row("GET", "/api/acme/transfer-targets", null,                                401, 200, 200, 200, 200, 200, 200, 404);
        row("POST", "/api/acme/transfer-targets", "{\"name\":\"Desk #\",\"number\":\"+14155550100\"}",
                                                                                      401, 403, 403, 201, 201, 403, 403, 404);
        row("GET", "/api/acme/api-keys", null,                                        401, 403, 403, 200, 200, 403, 403, 404);
        row("POST", "/api/acme/api-keys", "{\"name\":\"k#\"}",                        401, 403, 403, 201, 201, 403, 403, 404);
        row("DELETE", "/api/acme/api-keys/999999", null,                              401, 403, 403, 404, 404, 403, 403, 404);
        row("GET", "/api/acme/settings", null,                                        401, 403, 403, 200, 200, 403, 403, 404);
        row("PATCH", "/api/acme/settings", "{\"listenFormat\":\"auto\"}",               401, 403, 403, 200, 200, 403, 403, 404);
        row("POST", "/api/acme/settings/webhook-secret", null,                        401, 403, 403, 200, 200, 403, 403, 404);
        row("POST", "/api/acme/settings/test-webhook", null,                          401, 403, 403, 200, 200, 403, 403, 404);
        row("GET", "/api/acme/webhook-deliveries", null,                              401, 403, 403, 200, 200, 403, 403, 404);
        row("POST", "/api/debug/create-test-call/acme", "{}",                         401, 403, 403, 403, 200, 403, 403, 403);
        row("GET", "/api/debug/status-events/acme/c1", null,                          401, 403, 403, 403, 200, 403, 403, 403);
        row("POST", "/api/auth/ws-ticket", null,                                      401, 200, 200, 200, 200, 200, 200, 200);
        row("GET", "/api/auth/me", null,                                              401, 200, 200, 200, 200, 401, 401, 200);
        row("POST", "/api/auth/password", "{\"current\":\"not-the-password\",\"new\":\"whatever-new-password\"}",
                                                                                      401, 400, 400, 400, 400, 403, 403, 400);
    }

    @Test
    void usersMembersTenantsAndTheAuditAnswerEachPrincipalWithTheExactStatus() {
        Accounts accounts = app.app.accounts();
        User target = accounts.create("target@agency.test", PASSWORD, false);
        User member = accounts.create("member@acme.test", PASSWORD, false);
        accounts.grant(member.id(), "acme", Role.VIEWER);
        User leaver = accounts.create("leaver@acme.test", PASSWORD, false);
        accounts.grant(leaver.id(), "acme", Role.VIEWER);
        User doomed = accounts.create("doomed@agency.test", PASSWORD, false);
        String newUser = "{\"email\":\"u#@agency.test\",\"password\":\"" + PASSWORD + "\"}";
        String newMember = "{\"email\":\"m#@acme.test\",\"role\":\"viewer\",\"password\":\"" + PASSWORD + "\"}";
        //                                                                          anon viewer sup  admin agency read ctrl bravo
        row("GET", "/api/users", null,                                                401, 403, 403, 403, 200, 403, 403, 403);
        row("POST", "/api/users", newUser,                                            401, 403, 403, 403, 201, 403, 403, 403);
        row("PATCH", "/api/users/" + target.id(), "{\"agencyAdmin\":false}",          401, 403, 403, 403, 200, 403, 403, 403);
        row("DELETE", "/api/users/" + doomed.id(), null,                              401, 403, 403, 403, 204, 403, 403, 403);
        row("GET", "/api/acme/members", null,                                         401, 403, 403, 200, 200, 403, 403, 404);
        row("POST", "/api/acme/members", newMember,                                   401, 403, 403, 201, 201, 403, 403, 404);
        row("PATCH", "/api/acme/members/" + member.id(), "{\"role\":\"viewer\"}",     401, 403, 403, 200, 200, 403, 403, 404);
        row("DELETE", "/api/acme/members/" + leaver.id(), null,                       401, 403, 403, 204, 404, 403, 403, 404);
        row("GET", "/api/acme/audit", null,                                           401, 403, 403, 200, 200, 403, 403, 404);
        row("GET", "/api/audit", null,                                                401, 403, 403, 403, 200, 403, 403, 403);
        row("POST", "/api/tenants", "{\"id\":\"tenant-#\",\"name\":\"T\"}",          401, 403, 403, 403, 201, 403, 403, 403);
        row("PATCH", "/api/tenants/bravo", "{\"name\":\"Bravo\"}",                    401, 403, 403, 403, 200, 403, 403, 403);
    }

    @Test
    void theSocketsAnswerEachPrincipalWithTheExactStatusBeforeTheUpgrade() {
        Map<String, int[]> expected = Map.of(
                "/ws/dashboard?client_id=acme", new int[] {401, 101, 101, 101, 101, 101, 101, 404},
                "/ws/listen/c1?client_id=acme", new int[] {401, 403, 409, 409, 409, 403, 409, 404});
        expected.forEach((path, statuses) -> {
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < WHO.size(); i++) {
                int got = socket(WHO.get(i), path);
                if (got != statuses[i]) wrong.add(WHO.get(i) + " got " + got + " (expected " + statuses[i] + ")");
            }
            assertThat(wrong).as(path).isEmpty();
        });
    }

    @Test
    void anotherTenantsUserSeesNoTraceOfItEvenByGuessingIds() {
        HttpResponse<String> guessed = call("bravoAdmin", "GET", "/api/acme/calls/c1", null);
        HttpResponse<String> missing = call("bravoAdmin", "GET", "/api/no-such-tenant/calls/c1", null);
        assertThat(guessed.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        JsonNode a = TestApp.json(guessed.body()).path("error");
        JsonNode b = TestApp.json(missing.body()).path("error");
        assertThat(a.path("code").asText()).isEqualTo("unknown_tenant");
        assertThat(a.path("message").asText().replace("acme", "X")).isEqualTo(b.path("message").asText().replace("no-such-tenant", "X"));
        assertThat(TestApp.json(call("bravoAdmin", "GET", "/api/tenants", null).body()).toString())
                .contains("\"bravo\"").doesNotContain("\"acme\"");
        assertThat(TestApp.json(call("readKey", "GET", "/api/tenants", null).body()).toString())
                .isEqualTo("[{\"id\":\"acme\",\"name\":\"Acme\",\"role\":\"viewer\",\"timeZone\":\"UTC\"}]");
        // History, its exports and a call's raw events look exactly like a tenant that does not exist.
        for (String path : List.of("/history", "/history/export.csv?q=x", "/history/export.jsonl", "/calls/c1/events")) {
            HttpResponse<String> other = call("bravoAdmin", "GET", "/api/acme" + path, null);
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(TestApp.json(other.body()).path("error").path("code").asText()).as(path).isEqualTo("unknown_tenant");
            assertThat(call("readKey", "GET", "/api/bravo" + path, null).statusCode()).as("acme's key: " + path).isEqualTo(404);
            assertThat(call("bravoAdmin", "GET", "/api/bravo" + path.replace("c1", "no-such-call"), null).statusCode()).as(path)
                    .isEqualTo(path.startsWith("/calls") ? 404 : 200);
        }
    }

    @Test
    void cookieWritesWithoutTheCsrfTokenAreRefusedAndKeysNeedNone() {
        Credentials admin = credentials.get("admin");
        HttpResponse<String> forged = app.send(HttpRequest.newBuilder(app.base().resolve("/api/acme/transfer-targets"))
                .header("Cookie", admin.cookie()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\",\"number\":\"+14155550100\"}")).build());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(TestApp.json(forged.body()).path("error").path("code").asText()).isEqualTo("csrf_failed");
        assertThat(TestApp.json(app.get("/api/acme/transfer-targets").body()).toString()).doesNotContain("Forged");
        assertThat(call("controlKey", "POST", "/api/acme/calls/c1/end", "{}").statusCode()).as("a key is not a cookie").isEqualTo(409);
    }

    @Test
    void aRevokedKeyOrAForgedOneOpensNothing() {
        HttpResponse<String> created = app.post("/api/acme/api-keys", "{\"name\":\"short-lived\",\"scope\":\"control\"}");
        String secret = TestApp.json(created.body()).path("secret").asText();
        long id = TestApp.json(created.body()).path("key").path("id").asLong();
        HttpRequest.Builder withKey = HttpRequest.newBuilder(app.base().resolve("/api/acme/calls")).header("Authorization", "Bearer " + secret);
        assertThat(app.send(withKey.build()).statusCode()).isEqualTo(200);
        assertThat(app.send(app.asAdmin(HttpRequest.newBuilder(app.base().resolve("/api/acme/api-keys/" + id))).DELETE().build()).statusCode())
                .isEqualTo(204);
        assertThat(app.send(withKey.build()).statusCode()).isEqualTo(401);
        String forged = secret.substring(0, secret.length() - 4) + "AAAA";
        assertThat(app.send(HttpRequest.newBuilder(app.base().resolve("/api/acme/calls")).header("Authorization", "Bearer " + forged).build())
                .statusCode()).isEqualTo(401);
        JsonNode listed = TestApp.json(app.get("/api/acme/api-keys").body());
        assertThat(listed.toString()).doesNotContain(secret).contains("\"revokedAt\"");
    }

    @Test
    void aWebSocketTicketWorksOnceAndOnlyForItsHoldersTenants() {
        HttpResponse<String> t = call("bravoAdmin", "POST", "/api/auth/ws-ticket", null);
        String ticket = TestApp.json(t.body()).path("ticket").asText();
        assertThat(Handshake.attempt(app.wsAnonymous("/ws/dashboard?client_id=acme&ticket=" + ticket)).status()).isEqualTo(404);
        assertThat(Handshake.attempt(app.wsAnonymous("/ws/dashboard?client_id=bravo&ticket=" + ticket)).status())
                .as("used up by the first attempt").isEqualTo(401);
        String fresh = TestApp.json(call("bravoAdmin", "POST", "/api/auth/ws-ticket", null).body()).path("ticket").asText();
        assertThat(Handshake.attempt(app.wsAnonymous("/ws/dashboard?client_id=bravo&ticket=" + fresh)).status()).isEqualTo(101);
    }
}
