package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.App;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.http.Json;
import dev.switchboard.tenant.CredentialCipher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The real application on a random port with a fresh database (a temp SQLite file unless a database is
 * given), plus a real HTTP client. Debug API on; no simulator. {@link #get}, {@link #post} and {@link #ws}
 * act as an agency admin (a real account, signed in over HTTP on first use); {@link #send} and
 * {@link #wsAnonymous} carry no credentials, for the tests of who may do what.
 */
public final class TestApp implements AutoCloseable {
    public final App app;
    private final Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static final String ADMIN_EMAIL = "test-admin@switchboard.test";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** The admin's session cookie and CSRF token, once signed in. */
    private volatile String[] admin;

    private TestApp(App app, Path dir) {
        this.app = app;
        this.dir = dir;
    }

    /** Signs in as the agency admin (creating the account the first time): {cookie header value, CSRF token}. */
    public String[] admin() {
        String[] a = admin;
        if (a != null) return a;
        synchronized (this) {
            if (admin == null) {
                if (app.accounts().find(ADMIN_EMAIL).isEmpty()) app.accounts().create(ADMIN_EMAIL, ADMIN_PASSWORD, true);
                admin = signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            }
            return admin;
        }
    }

    /** Signs in over HTTP: {cookie header value, CSRF token}. */
    public String[] signIn(String email, String password) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(base().resolve("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build());
        if (r.statusCode() != 200) throw new AssertionError("sign-in as " + email + " -> " + r.statusCode() + " " + r.body());
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("sb_session=")).findFirst().orElseThrow();
        return new String[] {cookie.substring(0, cookie.indexOf(';')), json(r.body()).path("csrfToken").asText()};
    }

    /** Adds the agency admin's session cookie and CSRF token. */
    public HttpRequest.Builder asAdmin(HttpRequest.Builder b) {
        String[] a = admin();
        return b.header("Cookie", a[0]).header("X-CSRF-Token", a[1]);
    }

    public static TestApp sqlite(String... tenants) {
        return start(null, c -> c, tenants);
    }

    /**
     * Demo mode with the simulator idle (0 calls per minute): tests start the calls they need through
     * {@code app.app.simulator()}, and its listen/control endpoints are served by the app.
     */
    public static TestApp demo(String... tenants) {
        return start(null, c -> new AppConfig(c.port(), c.host(), c.dataDir(), c.database(), true, true, c.maxWebhookBytes(),
                c.tenants(), c.live(), new AppConfig.SimulatorSettings(0, List.of(tenants), 1.0)), tenants);
    }

    public static TestApp start(DatabaseSettings database, UnaryOperator<AppConfig> tweak, String... tenants) {
        return start(database, tweak, CredentialCipher.withKey(Base64.getDecoder().decode(CredentialCipher.newKeyBase64()), "test"), null, tenants);
    }

    /**
     * With a given master key, and optionally an existing data directory (null: a fresh temp one, deleted on
     * close) so a test can restart on the same database.
     */
    public static TestApp start(DatabaseSettings database, UnaryOperator<AppConfig> tweak, CredentialCipher cipher, Path dataDir,
                                String... tenants) {
        try {
            Path dir = dataDir != null ? dataDir : Files.createTempDirectory("switchboard-test");
            DatabaseSettings db = database != null ? database : DatabaseSettings.sqliteIn(dir, 4);
            List<AppConfig.TenantSeed> seeds = Arrays.stream(tenants)
                    .map(t -> new AppConfig.TenantSeed(t, ConfigLoader.prettyName(t))).toList();
            AppConfig base = new ConfigLoader(Map.of()).load(false);
            AppConfig config = new AppConfig(0, "127.0.0.1", dir, db, false, true, base.maxWebhookBytes(), seeds,
                    base.live(), base.simulator());
            return new TestApp(App.start(tweak.apply(config), Clock.systemUTC(), cipher), dataDir != null ? null : dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    /** A WebSocket URI with a fresh single-use ticket of the agency admin. */
    public URI ws(String pathAndQuery) {
        HttpResponse<String> r = send(asAdmin(HttpRequest.newBuilder(base().resolve("/api/auth/ws-ticket")))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (r.statusCode() != 200) throw new AssertionError("ws-ticket -> " + r.statusCode() + " " + r.body());
        String ticket = json(r.body()).path("ticket").asText();
        return wsAnonymous(pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "ticket=" + ticket);
    }

    /** A WebSocket URI without credentials. */
    public URI wsAnonymous(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + app.port() + pathAndQuery);
    }

    public HttpResponse<String> post(String path, String body) {
        return send(asAdmin(HttpRequest.newBuilder(base().resolve(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postBytes(String path, byte[] body) {
        return send(asAdmin(HttpRequest.newBuilder(base().resolve(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> get(String path) {
        return send(asAdmin(HttpRequest.newBuilder(base().resolve(path))).GET().build());
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        return json(r.body());
    }

    /** Posts a webhook for the tenant and asserts it was acknowledged. */
    public JsonNode webhook(String tenant, String body) {
        HttpResponse<String> r = post("/webhooks/vapi/" + tenant, body);
        if (r.statusCode() != 200) throw new AssertionError("webhook -> " + r.statusCode() + " " + r.body());
        return json(r.body());
    }

    public LiveClient dashboard(String tenant) {
        return LiveClient.connect(ws("/ws/dashboard?client_id=" + tenant));
    }

    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request as it is: no credentials are added. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        if (dir == null) return; // the caller's directory
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up
        }
    }
}
