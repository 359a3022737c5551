package dev.switchboard.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, the session cookie, who-am-I, CSRF on sign-out, and throttling, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInHttpTest {
    static final String PASSWORD = "a long enough password";
    TestApp app;

    @BeforeAll
    void start() {
        app = TestApp.sqlite("acme", "bravo");
        User ann = app.app.accounts().create("ann@example.com", PASSWORD, false);
        app.app.accounts().grant(ann.id(), "acme", Role.SUPERVISOR);
        app.app.accounts().create("root@example.com", PASSWORD, true);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    HttpResponse<String> login(String email, String password) {
        return app.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    static String sessionCookie(HttpResponse<String> r) {
        List<String> cookies = r.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(AuthRoutes.COOKIE + "=")).findFirst().orElseThrow();
    }

    static String token(HttpResponse<String> r) {
        String c = sessionCookie(r);
        return c.substring(c.indexOf('=') + 1, c.indexOf(';'));
    }

    HttpResponse<String> withCookie(String method, String path, String token, String csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.base().resolve(path)).header("Cookie", AuthRoutes.COOKIE + "=" + token);
        if (csrf != null) b.header(AuthRoutes.CSRF_HEADER, csrf);
        return app.send(b.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteSessionCookieAndReturnsTheUsersTenantsAndACsrfToken() {
        HttpResponse<String> r = login("ANN@example.com", PASSWORD);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(r)).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/")
                .doesNotContain("Secure"); // plain HTTP here; Secure over HTTPS
        JsonNode body = TestApp.json(r.body());
        assertThat(body.path("user").path("email").asText()).isEqualTo("ann@example.com");
        assertThat(body.path("user").path("agencyAdmin").asBoolean()).isFalse();
        assertThat(body.path("memberships").toString()).isEqualTo("[{\"tenantId\":\"acme\",\"role\":\"supervisor\"}]");
        assertThat(body.path("csrfToken").asText()).hasSizeGreaterThan(20);
        assertThat(r.body()).doesNotContain("argon2").doesNotContain(token(r));

        HttpResponse<String> me = withCookie("GET", "/api/auth/me", token(r), null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestApp.json(me.body()).path("user").path("email").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void theDatabaseHoldsOnlyAHashOfTheSessionToken() {
        String token = token(login("root@example.com", PASSWORD));
        List<String> stored = app.app.database().read(h -> h.createQuery("SELECT token_hash FROM sessions").mapTo(String.class).list());
        assertThat(stored).isNotEmpty().doesNotContain(token).contains(Sessions.hash(token));
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSame401() {
        HttpResponse<String> wrong = login("ann@example.com", "not the password at all");
        HttpResponse<String> unknown = login("nobody-here@example.com", "not the password at all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        JsonNode a = TestApp.json(wrong.body()).path("error");
        JsonNode b = TestApp.json(unknown.body()).path("error");
        assertThat(a.path("code").asText()).isEqualTo("invalid_credentials").isEqualTo(b.path("code").asText());
        assertThat(a.path("message").asText()).isEqualTo(b.path("message").asText());
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void withoutAValidSessionMeIs401AndMalformedSignInsAre400() {
        assertThat(app.send(HttpRequest.newBuilder(app.base().resolve("/api/auth/me")).build()).statusCode()).isEqualTo(401);
        assertThat(withCookie("GET", "/api/auth/me", "forged-token", null).statusCode()).isEqualTo(401);
        assertThat(app.post("/api/auth/login", "{\"email\":").statusCode()).isEqualTo(400);
        assertThat(app.post("/api/auth/login", "{\"email\":\"ann@example.com\"}").statusCode()).isEqualTo(400);
        assertThat(app.post("/api/auth/login", "{\"email\":\"ann@example.com\",\"password\":7}").statusCode()).isEqualTo(400);
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndThenTheSessionIsGone() {
        HttpResponse<String> in = login("ann@example.com", PASSWORD);
        String token = token(in);
        String csrf = TestApp.json(in.body()).path("csrfToken").asText();

        HttpResponse<String> forged = withCookie("POST", "/api/auth/logout", token, null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(TestApp.json(forged.body()).path("error").path("code").asText()).isEqualTo("csrf_failed");
        assertThat(withCookie("POST", "/api/auth/logout", token, "wrong").statusCode()).isEqualTo(403);
        assertThat(withCookie("GET", "/api/auth/me", token, null).statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> out = withCookie("POST", "/api/auth/logout", token, csrf);
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(sessionCookie(out)).startsWith(AuthRoutes.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970"); // cleared in the browser
        assertThat(withCookie("GET", "/api/auth/me", token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresForAnAccountAre429WithRetryAfterEvenWithTheRightPassword() {
        app.app.accounts().create("carol@example.com", PASSWORD, false);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) assertThat(login("carol@example.com", "wrong password " + i).statusCode()).isEqualTo(401);
        HttpResponse<String> locked = login("carol@example.com", PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(TestApp.json(locked.body()).path("error").path("code").asText()).isEqualTo("too_many_attempts");
        assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L, 900L);
        assertThat(login("ann@example.com", PASSWORD).statusCode()).as("other accounts unaffected").isEqualTo(200);
    }
}
