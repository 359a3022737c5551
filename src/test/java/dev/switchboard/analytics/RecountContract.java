package dev.switchboard.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.simulator.VapiMessages.CallInfo;
import dev.switchboard.simulator.VapiMessages.Report;
import dev.switchboard.testing.TestApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rollups, kept up to date call write by call write over the real webhook path, always equal a recount from
 * the raw calls: after redelivered and out-of-order webhooks and late end-of-call reports that change the cost.
 * Runs once per dialect.
 */
abstract class RecountContract {
    TestApp app;

    abstract DatabaseSettings database();

    @BeforeEach
    void start() {
        app = TestApp.start(database(), c -> c, "acme", "globex");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static CallInfo call(String id, long createdAt) {
        return new CallInfo(id, "inboundPhoneCall", "+14155550123", "+14155550100", "asst-1", "Riley", createdAt, null, null);
    }

    static Report report(String reason, long started, long ended, double cost, int nps, Object success) {
        return new Report(reason, started, ended, cost, "Done.", Map.of("nps_score", nps, "booked", true), success, null, null, null);
    }

    @Test
    void rollupsEqualARecountAfterRedeliveredOutOfOrderAndLateWebhooks() {
        long now = System.currentTimeMillis();
        Random rnd = new Random(42);
        String[] reasons = {"customer-ended-call", "assistant-ended-call", "assistant-forwarded-call", "customer-did-not-answer",
                "voicemail", "pipeline-error-openai-llm-failed", "silence-timed-out"};
        Object[] verdicts = {true, false, "true", "false", 8, 3, "Excellent", "Poor", null};
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t = now - rnd.nextInt(3 * 24 * 3600) * 1000L; // spread over three days and many buckets
            CallInfo c = call("r-" + i, t);
            long started = t + 2000, ended = started + 1000L * (5 + rnd.nextInt(900));
            String reason = reasons[rnd.nextInt(reasons.length)];
            List<String> msgs = new ArrayList<>();
            msgs.add(VapiMessages.statusUpdate(c, "ringing", t + 500, null, null));
            msgs.add(VapiMessages.statusUpdate(c, "in-progress", started, null, null));
            msgs.add(VapiMessages.statusUpdate(c, "ended", ended, reason, null));
            msgs.add(VapiMessages.endOfCallReport(c, report(reason, started, ended, 0.01 * rnd.nextInt(90), rnd.nextInt(11),
                    verdicts[rnd.nextInt(verdicts.length)]), List.of(), ended + 1000));
            if (i % 3 == 0) Collections.shuffle(msgs, rnd); // out of order: the report may come first
            if (i % 4 == 0) msgs.add(msgs.get(rnd.nextInt(msgs.size()))); // redelivered
            if (i % 5 == 0) { // a later report corrects cost and duration
                msgs.add(VapiMessages.endOfCallReport(c, report(reason, started, ended + 7000, 0.77, 10, true), List.of(), ended + 9000));
            }
            deliveries.addAll(msgs);
        }
        deliveries.forEach(m -> app.webhook("acme", m));
        // Another tenant's calls never show up in acme's numbers.
        app.webhook("globex", VapiMessages.endOfCallReport(call("g-1", now), report("customer-ended-call", now, now + 60_000, 5.0, 1, true),
                List.of(), now + 61_000));

        Map<String, Object> recount = recount("acme");
        JsonNode k = app.getJson("/api/acme/analytics/summary?range=7d").path("kpis");
        assertThat(k.path("calls").asLong()).isEqualTo(40).isEqualTo((Long) recount.get("calls"));
        assertThat(k.path("answered").asLong()).isEqualTo(recount.get("answered"));
        assertThat(k.path("transfers").asLong()).isEqualTo(recount.get("transferred"));
        assertThat(k.path("errors").asLong()).isEqualTo(recount.get("errors"));
        assertThat(k.path("successes").asLong()).isEqualTo(recount.get("successes"));
        assertThat(k.path("evaluated").asLong()).isEqualTo(recount.get("evaluated"));
        assertThat(k.path("totalCost").asDouble()).isCloseTo((Double) recount.get("cost"), within(1e-6));
        assertThat(k.path("avgDurationSeconds").asDouble()).isCloseTo((Double) recount.get("avgDuration"), within(1e-6));
        assertThat(k.path("medianDurationSeconds").asDouble()).isEqualTo((Double) recount.get("medianDuration"));
        JsonNode nps = app.getJson("/api/acme/analytics/summary?range=7d").path("fields").get(0);
        assertThat(nps.path("name").asText()).isEqualTo("nps_score");
        assertThat(nps.path("average").asDouble()).isCloseTo((Double) recount.get("nps"), within(1e-6));

        // And the stored rows are exactly what a rebuild from the raw calls writes.
        List<String> incremental = rows("acme");
        try (GroupCommitter writer = new GroupCommitter(app.app.database().writerJdbi(), 16, 16, new SimpleMeterRegistry())) {
            assertThat(new Rebuild(writer).tenant("acme")).isEqualTo(40);
        }
        assertThat(rows("acme")).isEqualTo(incremental);
    }

    @Test
    void theMedianDurationIsTheMiddleCallsOwnEvenAcrossABinEdgeAndInTheOpenLastBin() {
        long now = System.currentTimeMillis();
        long[] seconds = {12, 41, 47, 1900};
        for (int i = 0; i < seconds.length; i++) end("m-" + i, now - 3_600_000, seconds[i] * 1000);
        // Four calls: halfway between the middle two, one each side of the 45 s bin edge (the bins alone would say 45).
        assertThat(app.getJson("/api/acme/analytics/summary?range=7d").path("kpis").path("medianDurationSeconds").asDouble()).isEqualTo(44.0);
        end("m-4", now - 3_600_000, 44_500);
        assertThat(app.getJson("/api/acme/analytics/summary?range=7d").path("kpis").path("medianDurationSeconds").asDouble()).isEqualTo(44.5);
        end("m-5", now - 3_600_000, 2_000_000);
        end("m-6", now - 3_600_000, 2_100_000);
        end("m-7", now - 3_600_000, 2_200_000);
        end("m-8", now - 3_600_000, 2_300_000);
        // Nine calls: the middle one is in the open last bin (30 minutes and more).
        assertThat(app.getJson("/api/acme/analytics/summary?range=7d").path("kpis").path("medianDurationSeconds").asDouble()).isEqualTo(1900.0);
        assertThat(app.getJson("/api/globex/analytics/summary?range=7d").path("kpis").path("medianDurationSeconds").isNull()).isTrue();
    }

    private void end(String id, long at, long durationMs) {
        app.webhook("acme", VapiMessages.endOfCallReport(call(id, at), report("customer-ended-call", at, at + durationMs, 0.1, 9, true),
                List.of(), at + durationMs + 1000));
    }

    @Test
    void aCallThatEndsOverTheWebhookPathIsInTodaysSummaryAtOnce() {
        long now = System.currentTimeMillis();
        CallInfo c = call("live-1", now - 120_000);
        app.webhook("acme", VapiMessages.statusUpdate(c, "in-progress", now - 100_000, null, null));
        assertThat(app.getJson("/api/acme/analytics/summary?range=today").path("kpis").path("calls").asLong()).isZero();
        assertThat(app.getJson("/api/analytics/overview").path("tenants").get(0).path("liveCalls").asLong()).isEqualTo(1);

        app.webhook("acme", VapiMessages.statusUpdate(c, "ended", now - 40_000, "customer-ended-call", null));
        JsonNode today = app.getJson("/api/acme/analytics/summary?range=today");
        assertThat(today.path("kpis").path("calls").asLong()).isEqualTo(1);
        assertThat(today.path("kpis").path("avgDurationSeconds").asDouble()).isEqualTo(60.0);
        assertThat(today.path("categories").get(0).path("category").asText()).isEqualTo("customer_ended");
        assertThat(today.path("categories").get(0).path("calls").asLong()).isEqualTo(1);
        JsonNode overview = app.getJson("/api/analytics/overview").path("tenants");
        assertThat(overview.get(0).path("id").asText()).isEqualTo("acme");
        assertThat(overview.get(0).path("liveCalls").asLong()).isZero();
        assertThat(overview.get(0).path("today").path("calls").asLong()).isEqualTo(1);
        assertThat(overview.get(0).path("sparkline")).hasSize(14);
        assertThat(overview.get(1).path("id").asText()).isEqualTo("globex");
        assertThat(overview.get(1).path("today").path("calls").asLong()).isZero();
        assertThat(app.getJson("/api/globex/analytics/summary?range=today").path("kpis").path("calls").asLong()).isZero();
    }

    Map<String, Object> recount(String tenant) {
        return app.app.database().read(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            h.createQuery("SELECT COUNT(*), SUM(CASE WHEN started_at IS NOT NULL AND ended_category <> 'unreached' THEN 1 ELSE 0 END), "
                            + "SUM(transferred), SUM(CASE WHEN ended_category = 'error' THEN 1 ELSE 0 END), SUM(cost), AVG(duration_ms) "
                            + "FROM calls WHERE tenant_id = :t AND status = 'ended'").bind("t", tenant)
                    .map((rs, ctx) -> {
                        m.put("calls", rs.getLong(1));
                        m.put("answered", rs.getLong(2));
                        m.put("transferred", rs.getLong(3));
                        m.put("errors", rs.getLong(4));
                        m.put("cost", rs.getDouble(5));
                        m.put("avgDuration", rs.getDouble(6) / 1000);
                        return 0;
                    }).one();
            long successes = 0, evaluated = 0;
            double npsSum = 0;
            int npsN = 0;
            for (var r : h.createQuery("SELECT success_evaluation, structured_data FROM calls WHERE tenant_id = :t AND status = 'ended'")
                    .bind("t", tenant).mapToMap().list()) {
                Boolean v = SuccessVerdict.of((String) r.get("success_evaluation"));
                if (v != null) evaluated++;
                if (Boolean.TRUE.equals(v)) successes++;
                JsonNode data = TestApp.json(String.valueOf(r.get("structured_data")));
                if (data.path("nps_score").isNumber()) {
                    npsSum += data.path("nps_score").asDouble();
                    npsN++;
                }
            }
            List<Long> durations = h.createQuery("SELECT duration_ms FROM calls WHERE tenant_id = :t AND status = 'ended' "
                    + "AND duration_ms IS NOT NULL ORDER BY duration_ms").bind("t", tenant).mapTo(Long.class).list();
            int n = durations.size();
            m.put("medianDuration", n == 0 ? null : (durations.get((n - 1) / 2) + durations.get(n / 2)) / 2000.0);
            m.put("successes", successes);
            m.put("evaluated", evaluated);
            m.put("nps", npsSum / npsN);
            return m;
        });
    }

    List<String> rows(String tenant) {
        return app.app.database().read(h -> new RollupRepository(h).range(tenant, Long.MIN_VALUE, Long.MAX_VALUE).stream()
                .map(r -> r.bucket() + Arrays.toString(r.measures())).toList());
    }
}
