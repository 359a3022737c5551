package dev.switchboard.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchboard.App;
import dev.switchboard.testing.CapturedLogs;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The request log's line for a failed request carries the id the caller got back, so an error report finds it. */
class RequestLogTest {

    @Test
    void aFailedRequestsLogLineCarriesTheRequestIdItsAnswerGave() {
        Predicate<ILoggingEvent> notFoundLine = e -> e.getFormattedMessage().startsWith("GET /api/nobody/calls -> 404");
        try (CapturedLogs logs = CapturedLogs.at(App.class.getName(), Level.INFO); TestApp app = TestApp.sqlite("acme")) {
            HttpResponse<String> missing = app.send(app.asAdmin(HttpRequest.newBuilder(app.base().resolve("/api/nobody/calls")))
                    .header(RequestIds.HEADER, "trace-77").build());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue(RequestIds.HEADER)).hasValue("trace-77");
            assertThat(TestApp.json(missing.body()).path("error").path("requestId").asText()).isEqualTo("trace-77");

            Eventually.await(() -> logs.events().stream().anyMatch(notFoundLine), Duration.ofSeconds(5), "the request log's line");
            ILoggingEvent line = logs.events().stream().filter(notFoundLine).findFirst().orElseThrow();
            assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "trace-77");
        }
    }
}
