package dev.switchboard.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.App;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request log's line for a failed request carries the id the caller got back, so an error report finds it. */
class RequestLogTest {

    @Test
    void aFailedRequestsLogLineCarriesTheRequestIdItsAnswerGave() {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger appLog = logs.getLogger(App.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        appLog.addAppender(captured);
        Level before = appLog.getLevel();
        appLog.setLevel(Level.INFO); // the tests' logging config keeps our loggers at WARN
        try (TestApp app = TestApp.sqlite("acme")) {
            HttpResponse<String> missing = app.send(app.asAdmin(HttpRequest.newBuilder(app.base().resolve("/api/nobody/calls")))
                    .header(RequestIds.HEADER, "trace-77").build());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue(RequestIds.HEADER)).hasValue("trace-77");
            assertThat(TestApp.json(missing.body()).path("error").path("requestId").asText()).isEqualTo("trace-77");

            Eventually.await(() -> lines(captured).stream().anyMatch(e -> e.getFormattedMessage().startsWith("GET /api/nobody/calls -> 404")),
                    Duration.ofSeconds(5), "the request log's line");
            ILoggingEvent line = lines(captured).stream().filter(e -> e.getFormattedMessage().startsWith("GET /api/nobody/calls -> 404"))
                    .findFirst().orElseThrow();
            assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "trace-77");
        } finally {
            appLog.detachAppender(captured);
            appLog.setLevel(before);
        }
    }

    private static List<ILoggingEvent> lines(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }
}
