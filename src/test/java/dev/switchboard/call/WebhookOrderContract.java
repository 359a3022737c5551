package dev.switchboard.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.http.Json;
import dev.switchboard.testing.TestApp;
import dev.switchboard.webhook.vapi.VapiFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.switchboard.webhook.vapi.VapiFixtures.CALL_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One call's webhooks posted over HTTP in many random orders, with random redeliveries, must leave the same
 * call in the database: the state machine's order independence, end to end. Runs once per dialect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookOrderContract {
    static final int ORDERS = 20;
    static final long SEED = 20_251_122L;

    /** Everything Vapi sends about the fixture call, in the order it happened. */
    static final List<String> WITH_REPORT = List.of(
            "status-update-queued.json", "status-update-ringing.json", "status-update-in-progress.json",
            "speech-update.json", "transcript-partial.json", "transcript-final.json", "transcript-final-only.json",
            "user-interrupted.json", "hang.json", "conversation-update.json", "tool-calls.json", "future-type.json",
            "status-update-forwarding.json", "transfer-update-number.json", "status-update-ended.json",
            "end-of-call-report.json");
    static final List<String> WITHOUT_REPORT = WITH_REPORT.subList(0, WITH_REPORT.size() - 1);

    TestApp app;

    abstract DatabaseSettings database();

    @BeforeAll
    void start() {
        List<String> tenants = new ArrayList<>();
        for (String prefix : List.of("r", "l")) {
            tenants.add(prefix + "-ref");
            for (int i = 0; i < ORDERS; i++) tenants.add(prefix + "-" + i);
        }
        app = TestApp.start(database(), c -> c, tenants.toArray(String[]::new));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** A redelivery of the report carries fresh presigned URLs (vapi.md §3); everything else is byte-identical. */
    static String body(String fixture, int delivery) {
        String text = VapiFixtures.text(fixture);
        if (delivery == 0 || !fixture.equals("end-of-call-report.json")) return text;
        return text.replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=" + Integer.toHexString(0xbeef00 + delivery));
    }

    /** The call as the API shows it, minus what only counts writes (version, updatedAt). */
    JsonNode outcome(String tenant) {
        JsonNode detail = app.getJson("/api/" + tenant + "/calls/" + CALL_ID);
        ObjectNode call = (ObjectNode) detail.path("call").deepCopy();
        call.remove(List.of("version", "updatedAt"));
        ArrayNode lines = Json.MAPPER.createArrayNode();
        for (JsonNode l : detail.path("transcript")) {
            lines.addObject().put("role", l.path("role").asText()).put("text", l.path("text").asText())
                    .put("at", l.path("at").asText()).put("source", l.path("source").asText())
                    .set("secondsFromStart", l.path("secondsFromStart"));
        }
        TreeSet<String> statuses = new TreeSet<>();
        detail.path("timeline").forEach(e -> statuses.add(e.path("status").asText()));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("call", call);
        out.set("transcript", lines);
        out.set("timelineStatuses", Json.MAPPER.valueToTree(statuses));
        out.put("calls", app.getJson("/api/" + tenant + "/calls").size());
        return out;
    }

    /**
     * Posts the messages to each tenant in its own shuffled order with redeliveries (tenants in parallel, each
     * tenant's messages one after another); returns the orders used.
     */
    List<List<String>> postInRandomOrders(String prefix, List<String> messages) throws Exception {
        for (String f : messages) app.webhook(prefix + "-ref", body(f, 0));
        Random random = new Random(SEED + prefix.hashCode());
        List<List<String>> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            List<String> order = new ArrayList<>(messages);
            Collections.shuffle(order, random);
            int redeliveries = 1 + random.nextInt(5);
            for (int d = 0; d < redeliveries; d++) {
                int at = random.nextInt(order.size() + 1);
                String again = order.get(random.nextInt(Math.max(1, at)));   // a message already sent at that point
                order.add(at, again);
            }
            orders.add(order);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String tenant = prefix + "-" + i;
                List<String> order = orders.get(i);
                done.add(pool.submit(() -> {
                    int[] deliveries = new int[messages.size()];
                    for (String f : order) {
                        JsonNode reply = app.webhook(tenant, body(f, deliveries[messages.indexOf(f)]++));
                        assertThat(reply).isEqualTo(VapiFixtures.expectedReply(f));
                    }
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        return orders;
    }

    @Test
    void theSameWebhooksInAnyOrderWithRedeliveriesLeaveTheSameCall() throws Exception {
        List<List<String>> orders = postInRandomOrders("r", WITH_REPORT);
        JsonNode expected = outcome("r-ref");

        JsonNode call = expected.path("call");
        assertThat(call.path("status").asText()).isEqualTo("ended");
        assertThat(call.path("endedReason").asText()).isEqualTo("assistant-forwarded-call");
        assertThat(call.path("createdAt").asText()).isEqualTo("2025-11-22T04:03:31.688000");
        assertThat(call.path("startedAt").asText()).as("the report's startedAt").isEqualTo("2025-11-22T04:03:32.000000");
        assertThat(call.path("endedAt").asText()).as("the report's endedAt").isEqualTo("2025-11-22T04:06:47.174000");
        assertThat(call.path("summary").asText()).startsWith("John Smith moved his appointment");
        assertThat(call.path("transferDestination").asText()).isEqualTo("+14155550199 ext. 42");
        assertThat(call.path("phoneNumber").asText()).isEqualTo("+14155550123");
        assertThat(call.path("assistantName").asText()).isEqualTo("Amy (Reception)");
        assertThat(expected.path("transcript")).hasSize(40).allSatisfy(l -> assertThat(l.path("source").asText()).isEqualTo("report"));
        assertThat(expected.path("timelineStatuses")).extracting(JsonNode::asText)
                .containsExactly("ended", "forwarding", "in-progress", "queued", "ringing");

        for (int i = 0; i < ORDERS; i++) {
            assertThat(outcome("r-" + i)).as("order %s", orders.get(i)).isEqualTo(expected);
        }
        long raw = app.app.database().read(h -> h.createQuery("SELECT COUNT(*) FROM webhook_events WHERE tenant_id = 'r-7'")
                .mapTo(Long.class).one());
        assertThat(raw).as("redeliveries are stored once").isEqualTo(WITH_REPORT.size());
    }

    @Test
    void withoutTheReportTheLiveMessagesInAnyOrderStillConverge() throws Exception {
        List<List<String>> orders = postInRandomOrders("l", WITHOUT_REPORT);
        JsonNode expected = outcome("l-ref");

        JsonNode call = expected.path("call");
        assertThat(call.path("status").asText()).isEqualTo("ended");
        assertThat(call.path("endedReason").asText()).isEqualTo("assistant-forwarded-call");
        assertThat(call.path("startedAt").asText()).as("the earliest claim: the in-progress status-update")
                .isEqualTo("2025-11-22T04:03:31.829000");
        assertThat(call.path("endedAt").asText()).as("the earliest claim: the snapshot's endedAt")
                .isEqualTo("2025-11-22T04:06:47.174000");
        assertThat(call.path("summary").isNull()).isTrue();
        assertThat(call.path("transferDestination").asText()).isEqualTo("+14155550199 ext. 42");
        assertThat(expected.path("transcript")).extracting(l -> l.path("role").asText() + ": " + l.path("text").asText()).containsExactly(
                "user: Hey Amy. I have an appointment on Thursday and I need to move it.",
                "assistant: Of course. Can I have your full name and date of birth, please?");

        for (int i = 0; i < ORDERS; i++) {
            assertThat(outcome("l-" + i)).as("order %s", orders.get(i)).isEqualTo(expected);
        }
    }
}
