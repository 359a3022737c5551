package dev.switchboard.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.LiveClient;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API the user's existing frontend already uses ({@code shared/seeds/001}): paths, field names,
 * defaults, status codes and the {@code call-upsert} message, exactly as documented.
 */
class SeedContractTest {
    static final Pattern SEED_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.sqlite("demo-client", "acme-agency");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    @Test
    void createTestCallWithABodyUpsertsTheCallAndBroadcastsACallUpsert() {
        try (LiveClient live = app.dashboard("demo-client")) {
            live.next("snapshot");
            HttpResponse<String> r = app.post("/api/debug/create-test-call/demo-client",
                    "{\"call_id\":\"call-xyz-1\",\"phone_number\":\"+18885550111\",\"status\":\"ringing\",\"event_payload\":{\"note\":\"first\"}}");
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = TestApp.json(r.body());
            assertThat(fieldNames(body)).containsExactly("ok", "call_id", "updated", "status_event_id");
            assertThat(body.path("ok").asBoolean()).isTrue();
            assertThat(body.path("call_id").asText()).isEqualTo("call-xyz-1");
            assertThat(body.path("updated").asBoolean()).isFalse();
            assertThat(body.path("status_event_id").isIntegralNumber()).isTrue();

            JsonNode msg = live.next("call-upsert");
            assertThat(msg.path("type").asText()).isEqualTo("call-upsert");
            assertThat(msg.path("clientId").asText()).isEqualTo("demo-client");
            JsonNode call = msg.path("call");
            assertThat(fieldNames(call)).startsWith("id", "status", "phoneNumber", "startedAt", "endedAt", "listenUrl");
            assertThat(call.path("id").asText()).isEqualTo("call-xyz-1");
            assertThat(call.path("status").asText()).isEqualTo("ringing");
            assertThat(call.path("phoneNumber").asText()).isEqualTo("+18885550111");
            assertThat(call.path("startedAt").asText()).matches(SEED_TIME);
            assertThat(call.path("endedAt").isNull()).isTrue();
            assertThat(call.path("listenUrl").isNull()).isTrue();
        }

        JsonNode again = TestApp.json(app.post("/api/debug/create-test-call/demo-client",
                "{\"call_id\":\"call-xyz-1\",\"status\":\"in-progress\"}").body());
        assertThat(again.path("updated").asBoolean()).isTrue();
        assertThat(again.path("status_event_id").asLong()).isGreaterThan(0);
    }

    @Test
    void createTestCallWithoutABodyUsesTheDocumentedDefaults() {
        HttpResponse<String> r = app.post("/api/debug/create-test-call/acme-agency", "");
        assertThat(r.statusCode()).isEqualTo(200);
        String id = TestApp.json(r.body()).path("call_id").asText();
        assertThat(id).matches("debug-\\d+");

        JsonNode calls = app.getJson("/api/acme-agency/calls");
        JsonNode call = null;
        for (JsonNode c : calls) if (c.path("id").asText().equals(id)) call = c;
        assertThat(call).isNotNull();
        assertThat(call.path("phone_number").asText()).isEqualTo("+15555550123");
        assertThat(call.path("status").asText()).isEqualTo("in-progress");
    }

    @Test
    void theCallListHasTheDocumentedSnakeCaseFields() {
        app.post("/api/debug/create-test-call/demo-client", "{\"call_id\":\"list-1\"}");
        HttpResponse<String> r = app.get("/api/demo-client/calls");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode call = null;
        for (JsonNode c : TestApp.json(r.body())) if (c.path("id").asText().equals("list-1")) call = c;
        assertThat(call).isNotNull();
        assertThat(fieldNames(call)).startsWith("id", "client_id", "phone_number", "status", "started_at", "ended_at",
                "created_at", "updated_at", "listen_url");
        assertThat(call.path("client_id").asText()).isEqualTo("demo-client");
        assertThat(call.path("created_at").asText()).matches(SEED_TIME);
        assertThat(call.path("updated_at").asText()).matches(SEED_TIME);
        assertThat(call.path("ended_at").isNull()).isTrue();
        assertThat(call.path("listen_url").isNull()).isTrue();
    }

    @Test
    void statusEventsAreLoggedAndListedChronologicallyWithTheirPayloads() {
        app.post("/api/debug/create-test-call/demo-client", "{\"call_id\":\"ev-1\",\"status\":\"ringing\",\"event_payload\":{\"source\":\"initial\"}}");
        HttpResponse<String> logged = app.post("/api/debug/log-status-event/demo-client/ev-1",
                "{\"status\":\"in-progress\",\"payload\":{\"source\":\"connected\"}}");
        assertThat(logged.statusCode()).isEqualTo(200);
        JsonNode body = TestApp.json(logged.body());
        assertThat(fieldNames(body)).containsExactly("ok", "event_id");
        assertThat(body.path("ok").asBoolean()).isTrue();

        JsonNode events = app.getJson("/api/debug/status-events/demo-client/ev-1");
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        assertThat(fieldNames(first)).containsExactly("id", "call_id", "client_id", "status", "created_at", "payload");
        assertThat(first.path("status").asText()).isEqualTo("ringing");
        assertThat(first.path("call_id").asText()).isEqualTo("ev-1");
        assertThat(first.path("client_id").asText()).isEqualTo("demo-client");
        assertThat(first.path("payload").path("source").asText()).isEqualTo("initial");
        assertThat(first.path("created_at").asText()).matches(SEED_TIME);
        assertThat(events.get(1).path("status").asText()).isEqualTo("in-progress");
        assertThat(events.get(1).path("id").asLong()).isEqualTo(body.path("event_id").asLong());
        assertThat(events.get(1).path("payload").path("source").asText()).isEqualTo("connected");
    }

    @Test
    void statusEventsOfOneTenantAreInvisibleToAnother() {
        app.post("/api/debug/create-test-call/demo-client", "{\"call_id\":\"private-1\"}");
        assertThat(app.getJson("/api/debug/status-events/acme-agency/private-1")).isEmpty();
        assertThat(app.post("/api/debug/log-status-event/acme-agency/private-1", "{\"status\":\"ended\"}").statusCode()).isEqualTo(404);
        assertThat(app.getJson("/api/debug/status-events/demo-client/private-1")).hasSize(1);
    }

    @Test
    void unknownTenantsGet404WithASpecificCodeAndAreNeverCreated() {
        for (HttpResponse<String> r : List.of(
                app.get("/api/nobody/calls"),
                app.post("/api/debug/create-test-call/nobody", "{}"),
                app.post("/webhooks/vapi/nobody", "{\"message\":{\"type\":\"status-update\"}}"))) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(TestApp.json(r.body()).path("error").path("code").asText()).isEqualTo("unknown_tenant");
        }
        assertThat(app.getJson("/api/tenants")).extracting(t -> t.path("id").asText()).doesNotContain("nobody");
    }

    @Test
    void badDebugBodiesGetAClearErrorAndChangeNothing() {
        HttpResponse<String> bad = app.post("/api/debug/create-test-call/demo-client", "{not json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestApp.json(bad.body()).path("error").path("code").asText()).isEqualTo("malformed_json");

        HttpResponse<String> wrongType = app.post("/api/debug/create-test-call/demo-client", "{\"call_id\":\"x-type\",\"status\":5}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(app.get("/api/demo-client/calls/x-type").statusCode()).isEqualTo(404);

        HttpResponse<String> noStatus = app.post("/api/debug/log-status-event/demo-client/list-1", "{}");
        assertThat(noStatus.statusCode()).isEqualTo(400);
        assertThat(TestApp.json(noStatus.body()).path("error").path("requestId").asText()).isNotBlank();
    }

    @Test
    void theDebugApiIsOffUnlessEnabled() {
        try (TestApp prod = TestApp.start(null, c -> new dev.switchboard.config.AppConfig(c.port(), c.host(), c.dataDir(),
                c.database(), false, false, c.maxWebhookBytes(), c.tenants(), c.live(), c.simulator()), "demo-client")) {
            HttpResponse<String> r = prod.post("/api/debug/create-test-call/demo-client", "{}");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("SWITCHBOARD_DEBUG_API");
            assertThat(prod.getJson("/api/demo-client/calls")).isEmpty();
        }
    }
}
