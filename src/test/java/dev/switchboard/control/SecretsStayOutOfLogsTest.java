package dev.switchboard.control;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.tenant.TenantSettingsRepository.SettingsChange;
import dev.switchboard.testing.CapturedLogs;
import dev.switchboard.testing.FakeVapi;
import dev.switchboard.testing.ListenClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's listen and control URLs are capabilities and the tenant's public key a secret: a whole
 * listen and control session, failures included, with Switchboard's logging at DEBUG, leaves none of them
 * in the logs or in any API answer.
 */
class SecretsStayOutOfLogsTest {
    static final String KEY = "pk-never-log-me-6f1d";

    @Test
    void listenAndControlLeaveNoUrlOrKeyInTheLogsOrTheApi() throws Exception {
        CapturedLogs logs = CapturedLogs.at("dev.switchboard", Level.DEBUG);
        List<String> answers = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        try (logs; FakeVapi vapi = new FakeVapi()) {
            secrets.addAll(List.of(KEY, vapi.listenUrl("c1"), vapi.controlUrl("c1"), "/calls/c1/listen", "/calls/c1/control",
                    "secret-listen-path", "secret-control-path"));
            try (TestApp app = TestApp.sqlite("acme")) {
                app.app.tenants().updateSettings("acme", new SettingsChange(Optional.of(KEY), Optional.empty()));
                long now = System.currentTimeMillis();
                app.webhook("acme", VapiMessages.statusUpdate(new VapiMessages.CallInfo("c1", "inboundPhoneCall", "+14155550123",
                        "+14155550100", "a", "Riley", now, vapi.listenUrl("c1"), vapi.controlUrl("c1")), "in-progress", now, null, null));
                app.webhook("acme", VapiMessages.statusUpdate(new VapiMessages.CallInfo("c2", "inboundPhoneCall", "+14155550123",
                        "+14155550100", "a", "Riley", now, "ws://127.0.0.1:1/secret-listen-path", "http://127.0.0.1:1/secret-control-path"),
                        "in-progress", now, null, null));

                try (ListenClient ann = ListenClient.connect(app.ws("/ws/listen/c1?client_id=acme&name=Ann"))) {
                    ann.nextText(Duration.ofSeconds(5));
                    ann.frames(10, Duration.ofSeconds(5));
                }
                try (ListenClient bob = ListenClient.connect(app.ws("/ws/listen/c2?client_id=acme&name=Bob"))) {
                    answers.add(bob.nextText(Duration.ofSeconds(8)).toString()); // upstream-error
                }
                answers.add(app.post("/api/acme/calls/c1/say", "{\"text\":\"hello\"}").body());
                vapi.answer("c1", new FakeVapi.Answer(400, "{\"message\":[\"property x should not exist\"],\"statusCode\":400}", Duration.ZERO));
                answers.add(app.post("/api/acme/calls/c1/mute", "{}").body());
                answers.add(app.post("/api/acme/calls/c2/end", "{}").body()); // unreachable
                answers.add(app.post("/api/acme/calls/c1/transfer", "{\"number\":\"123\"}").body());
                Thread.sleep(300);
                answers.add(app.get("/api/acme/calls/c1").body());
                answers.add(app.get("/api/acme/calls/c2").body());
                answers.add(app.get("/api/acme/calls").body());
                answers.add(app.get("/api/tenants").body());
                try (var board = app.dashboard("acme")) {
                    answers.add(board.next("snapshot").toString());
                }
            }
        }
        assertThat(logs.events()).as("something was logged at all").isNotEmpty();
        for (ILoggingEvent e : logs.events()) {
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            for (String secret : secrets) assertThat(text).as("a log line from " + e.getLoggerName()).doesNotContain(secret);
        }
        for (String answer : answers) {
            for (String secret : secrets) assertThat(answer).doesNotContain(secret);
        }
    }
}
