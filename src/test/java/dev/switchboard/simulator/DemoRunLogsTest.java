package dev.switchboard.simulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.switchboard.auth.Role;
import dev.switchboard.auth.User;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.tenant.TenantSettingsRepository.SettingsChange;
import dev.switchboard.tenant.WebhookAuth;
import dev.switchboard.testing.CapturedLogs;
import dev.switchboard.testing.Caller;
import dev.switchboard.testing.ListenClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.switchboard.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole demo run, with Switchboard's logging at DEBUG: a tenant with a webhook secret, a Vapi public key
 * and a Retell API key; sign-ins (one failed), an API key in use, a live simulated call listened to and
 * controlled, a password change. Every log event of the run is captured, and none holds a secret, the key,
 * a password, a session or CSRF token, a socket ticket, or the call's provider listen/control URL.
 */
class DemoRunLogsTest {
    static final String VAPI_KEY = "pk-demo-never-log-7c1e";
    static final String RETELL_KEY = "key_retell_never_log_91ab";
    static final String WEBHOOK_SECRET = "whsec-never-log-4d2f8a";
    static final String PASSWORD = "supervisor-password-33";
    static final String WRONG_PASSWORD = "typed-in-the-wrong-box-55";
    static final String NEW_PASSWORD = "brand-new-password-77";

    @Test
    void aFullDemoRunLogsNoSecretKeyPasswordTokenOrProviderUrl() {
        CapturedLogs logs = CapturedLogs.at("dev.switchboard", Level.DEBUG);
        List<String> secrets = new ArrayList<>(List.of(VAPI_KEY, RETELL_KEY, WEBHOOK_SECRET, PASSWORD, WRONG_PASSWORD, NEW_PASSWORD,
                TestApp.ADMIN_PASSWORD));
        try (logs; TestApp app = TestApp.demo("t1", "t2")) {
            VapiSimulator sim = app.app.simulator();
            app.app.tenants().updateSettings("t1", new SettingsChange(Optional.of(VAPI_KEY), Optional.empty(),
                    Optional.of(WebhookAuth.none().withScheme(WebhookAuth.Scheme.SECRET).withSecret(WEBHOOK_SECRET)), Optional.of(RETELL_KEY)));
            sim.setListenKey("t1", VAPI_KEY);
            sim.setControlKey("t1", VAPI_KEY);

            Caller admin = Caller.admin(app);
            User sue = app.app.accounts().create("sue@t1.test", PASSWORD, false);
            app.app.accounts().grant(sue.id(), "t1", Role.SUPERVISOR);
            HttpResponse<String> failed = app.send(HttpRequest.newBuilder(app.base().resolve("/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + WRONG_PASSWORD + "\",\"password\":\"" + WRONG_PASSWORD + "\"}")).build());
            assertThat(failed.statusCode()).isEqualTo(401);
            Caller sueIn = Caller.signIn(app, "sue@t1.test", PASSWORD);
            secrets.addAll(List.of(token(admin), admin.csrf(), token(sueIn), sueIn.csrf()));

            HttpResponse<String> key = admin.post("/api/t1/api-keys", "{\"name\":\"ops\",\"scope\":\"control\"}");
            String apiKey = TestApp.json(key.body()).path("secret").asText();
            secrets.add(apiKey);
            HttpRequest.Builder withKey = HttpRequest.newBuilder(app.base().resolve("/api/t1/calls")).header("Authorization", "Bearer " + apiKey);
            assertThat(app.send(withKey.build()).statusCode()).isEqualTo(200);

            SimulatedCall call = sim.startCall("t1", Scenario.APPOINTMENT_BOOKING,
                    SimulatorCallOptions.defaults().longRunning(true).withPerfectDelivery());
            SimulatorUrls urls = SimulatorUrls.of(URI.create("http://127.0.0.1:" + app.app.port()));
            secrets.addAll(List.of(urls.listen(call.id()), urls.control(call.id()), "/simulator/calls/" + call.id()));
            await(() -> sueIn.get("/api/t1/calls/" + call.id()).body().contains("\"controllable\":true"), Duration.ofSeconds(15),
                    "the call is live and controllable");

            URI listen = ticketed(app, sueIn, "/ws/listen/" + call.id() + "?client_id=t1", secrets);
            try (ListenClient ears = ListenClient.connect(listen)) {
                ears.nextText(Duration.ofSeconds(5));
                ears.frames(5, Duration.ofSeconds(10));
            }
            HttpResponse<String> say = app.send(HttpRequest.newBuilder(app.base().resolve("/api/t1/calls/" + call.id() + "/say"))
                    .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"One moment please.\"}")).build());
            assertThat(say.statusCode()).as(say.body()).isEqualTo(200);
            assertThat(sueIn.post("/api/t1/calls/" + call.id() + "/mute", "{}").statusCode()).isEqualTo(200);
            assertThat(sueIn.post("/api/auth/password", "{\"current\":\"" + PASSWORD + "\",\"new\":\"" + NEW_PASSWORD + "\"}").statusCode())
                    .isEqualTo(204);
            assertThat(sueIn.post("/api/auth/logout", null).statusCode()).isEqualTo(204);
            call.hangUp();
            call.awaitEnded(Duration.ofSeconds(10));
            String audit = admin.get("/api/audit?limit=200").body();
            assertThat(audit).contains("call.say").contains("call.listen").contains("auth.login_failed");
            // The audit keeps what was typed as the email of a failed sign-in (admins need it), by design; nothing else.
            for (String secret : secrets) {
                if (!secret.equals(WRONG_PASSWORD)) assertThat(audit).as("the audit API").doesNotContain(secret);
            }
        }
        assertThat(logs.events()).as("the run logged something").hasSizeGreaterThan(5);
        for (ILoggingEvent e : logs.events()) {
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))
                    + e.getMDCPropertyMap();
            for (String secret : secrets) assertThat(text).as("a log line from " + e.getLoggerName()).doesNotContain(secret);
        }
    }

    static String token(Caller c) {
        return c.cookie().substring(c.cookie().indexOf('=') + 1);
    }

    /** A socket URI with a fresh ticket of the caller; the ticket is a secret too. */
    static URI ticketed(TestApp app, Caller who, String pathAndQuery, List<String> secrets) {
        String ticket = TestApp.json(who.post("/api/auth/ws-ticket", null).body()).path("ticket").asText();
        secrets.add(ticket);
        return app.wsAnonymous(pathAndQuery + "&ticket=" + ticket);
    }
}
