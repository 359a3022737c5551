package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Someone signed in over HTTP (a session cookie and its CSRF token) making requests to a {@link TestApp}. */
public record Caller(TestApp app, String cookie, String csrf) {
    public static Caller signIn(TestApp app, String email, String password) {
        String[] c = app.signIn(email, password);
        return new Caller(app, c[0], c[1]);
    }

    /** The test app's agency admin. */
    public static Caller admin(TestApp app) {
        String[] c = app.admin();
        return new Caller(app, c[0], c[1]);
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    public HttpResponse<String> patch(String path, String body) {
        return send("PATCH", path, body);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    public JsonNode json(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        return TestApp.json(r.body());
    }

    public HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.base().resolve(path)).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return app.send(b.build());
    }

    /** The error code of a refusal, e.g. {@code last_admin}. */
    public static String code(HttpResponse<String> r) {
        return TestApp.json(r.body()).path("error").path("code").asText();
    }

    public static String message(HttpResponse<String> r) {
        return TestApp.json(r.body()).path("error").path("message").asText();
    }
}
