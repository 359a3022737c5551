package dev.switchboard.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.http.Json;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History against a generated history (fixed seed) in a real database, through the real HTTP API: every filter
 * answers exactly what a recount over all rows in Java finds, in order, across pages. Runs on SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HistoryContract {
    static final String A = "demo-client";
    static final String B = "acme-agency";

    TestApp app;

    abstract DatabaseSettings database();

    /** What the recount needs of a call. */
    record Row(String id, long createdAt, String status, String category, String reason, String type, String assistant,
               String phone, Long durationMs, Double cost, String success, boolean transferred, JsonNode data) {}

    @BeforeAll
    void generate() {
        app = TestApp.start(database(), c -> c);
        new HistoryGenerator(app.app.database(), System.currentTimeMillis()).run(new HistoryGenerator.Options(1500, 3, 60, 42), n -> {});
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void everyFilterAnswersExactlyTheCallsARecountFinds() {
        List<Row> rowsA = rows(A);
        Row sample = rowsA.stream().filter(r -> r.phone() != null && r.durationMs() != null && r.data() != null && r.data().has("nps_score"))
                .findFirst().orElseThrow();
        ZoneId zone = app.app.tenants().require(A).zone();
        LocalDate day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(sample.createdAt()), zone);
        long from = day.minusDays(3).atStartOfDay(zone).toInstant().toEpochMilli(), to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        String rareReason = rowsA.stream().map(Row::reason).filter(Objects::nonNull)
                .min(Comparator.comparingLong((String r) -> rowsA.stream().filter(x -> r.equals(x.reason())).count())).orElseThrow();
        Map<String, Predicate<Row>> filters = new LinkedHashMap<>();
        filters.put("", r -> true);
        filters.put("status=ended", r -> r.status().equals("ended"));
        filters.put("status=queued,ringing", r -> r.status().equals("queued") || r.status().equals("ringing"));
        filters.put("category=error", r -> "error".equals(r.category()));
        filters.put("category=unreached,transferred", r -> "unreached".equals(r.category()) || "transferred".equals(r.category()));
        filters.put("reason=" + enc(rareReason), r -> rareReason.equals(r.reason()));
        filters.put("type=web", r -> "webCall".equals(r.type()));
        filters.put("type=outbound", r -> "outboundPhoneCall".equals(r.type()));
        filters.put("assistant=" + sample.assistant(), r -> sample.assistant().equals(r.assistant()));
        filters.put("phone=" + enc(sample.phone()), r -> sample.phone().equals(r.phone()));
        filters.put("from=" + day.minusDays(3) + "&to=" + day, r -> r.createdAt() >= from && r.createdAt() < to);
        filters.put("minDuration=60", r -> r.durationMs() != null && r.durationMs() >= 60_000);
        filters.put("maxDuration=30.5", r -> r.durationMs() != null && r.durationMs() <= 30_500);
        filters.put("minCost=0.1&maxCost=0.3", r -> r.cost() != null && r.cost() >= 0.1 && r.cost() <= 0.3);
        filters.put("success=true", r -> "true".equals(r.success()) || "\"true\"".equals(r.success()));
        filters.put("success=8", r -> "8".equals(r.success()));
        filters.put("transferred=true", Row::transferred);
        filters.put("transferred=false", r -> !r.transferred());
        filters.put("data.nps_score=9", r -> r.data() != null && Json.MAPPER.valueToTree(9).equals(r.data().get("nps_score")));
        filters.put("data.resolved=false", r -> r.data() != null && Json.MAPPER.valueToTree(false).equals(r.data().get("resolved")));
        Map.Entry<String, JsonNode> text = rowsA.stream().filter(r -> r.data() != null)
                .flatMap(r -> r.data().properties().stream()).filter(e -> e.getValue().isTextual()).findFirst().orElseThrow();
        filters.put("data." + text.getKey() + "=" + enc(text.getValue().asText()),
                r -> r.data() != null && text.getValue().equals(r.data().get(text.getKey())));
        // A data value with filters that have indexes of their own, and two data values: whichever drives, the same calls.
        filters.put("data.nps_score=9&status=ended", r -> r.status().equals("ended") && filters.get("data.nps_score=9").test(r));
        filters.put("data.nps_score=9&minDuration=60", r -> filters.get("minDuration=60").test(r) && filters.get("data.nps_score=9").test(r));
        filters.put("data.nps_score=9&data.resolved=false", r -> filters.get("data.resolved=false").test(r) && filters.get("data.nps_score=9").test(r));
        filters.put("category=customer_ended&type=inbound&minDuration=20", r -> "customer_ended".equals(r.category())
                && "inboundPhoneCall".equals(r.type()) && r.durationMs() != null && r.durationMs() >= 20_000);
        for (Map.Entry<String, Predicate<Row>> f : filters.entrySet()) {
            List<String> expected = rowsA.stream().filter(f.getValue()).map(Row::id).toList();
            assertThat(allPages(A, f.getKey(), 200)).as(f.getKey()).containsExactlyElementsOf(expected);
        }
        assertThat(filters.keySet().stream().filter(k -> !k.isEmpty() && rowsA.stream().noneMatch(filters.get(k))).toList())
                .as("filters that match nothing prove little").containsOnly("status=queued,ringing");
    }

    @Test
    void afterAGeneratedHistoryTheAnalyticsRollupsCountEveryEndedCall() {
        GenerateHistoryCommand.afterGenerating(app.app.database());
        var counts = app.app.database().read(h -> List.of(
                h.createQuery("SELECT COUNT(*) FROM calls WHERE status = 'ended'").mapTo(Long.class).one(),
                h.createQuery("SELECT COALESCE(SUM(calls), 0) FROM analytics_buckets").mapTo(Long.class).one()));
        assertThat(counts.get(0)).isGreaterThan(0);
        assertThat(counts.get(1)).isEqualTo(counts.get(0));
    }

    @Test
    void searchFindsTheCallsWhoseWordsMatchAndHighlightsThem() {
        JsonNode page = app.getJson("/api/" + A + "/history?q=cleaning&limit=20");
        assertThat(page.path("items").size()).isGreaterThan(0);
        Set<String> withWord = new HashSet<>(app.app.database().read(h -> h.createQuery(
                "SELECT call_id FROM call_search_docs WHERE tenant_id = :t AND lower(body) LIKE '%cleaning%'").bind("t", A).mapTo(String.class).list()));
        for (JsonNode item : page.path("items")) {
            assertThat(withWord).contains(item.path("id").asText());
            List<String> marked = new ArrayList<>();
            item.path("highlight").forEach(p -> { if (p.path("match").asBoolean()) marked.add(p.path("text").asText().toLowerCase()); });
            assertThat(marked).isNotEmpty().allMatch(w -> w.startsWith("clean"));
        }
        List<String> all = allPages(A, "q=cleaning", 100);
        assertThat(all).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo((int) withWord.stream().count() * 9 / 10);
        assertThat(allPages(A, "q=cleaning&category=error", 100)).isSubsetOf(all);
        assertThat(app.getJson("/api/" + A + "/history?q=zyzzyvaqq").path("items").size()).isZero();
    }

    @Test
    void aCallThatEndsThroughWebhooksIsSearchableAtOnceAndItsLateReportUpdatesTheIndex() {
        String t = "live-search";
        app.app.tenants().ensure(t, "Live search");
        long now = System.currentTimeMillis();
        var call = new VapiMessages.CallInfo("ls-1", "inboundPhoneCall", "+14155550123", "+14155550142", "asst", "Riley", now, null, null);
        app.webhook(t, VapiMessages.statusUpdate(call, "in-progress", now, null, null));
        app.webhook(t, VapiMessages.transcript(call, "user", true, "My xylophone lesson needs moving", now + 1000));
        assertThat(allPages(t, "q=xylophone", 50)).as("not ended yet: not in search").isEmpty();
        app.webhook(t, VapiMessages.statusUpdate(call, "ended", now + 5000, "customer-ended-call", null));
        assertThat(allPages(t, "q=xylophone", 50)).containsExactly("ls-1");
        var report = new VapiMessages.Report("customer-ended-call", now, now + 5000, 0.12, "Moved the trombone lesson to Friday.",
                Map.of("rescheduled", true), true, null, null, null);
        app.webhook(t, VapiMessages.endOfCallReport(call, report,
                List.of(new VapiMessages.Turn("user", "My trombone lesson needs moving", now + 1000, now + 2000, 1.0)), now + 6000));
        assertThat(allPages(t, "q=trombone", 50)).containsExactly("ls-1");
        assertThat(allPages(t, "q=trombone&data.rescheduled=true&success=true", 50)).containsExactly("ls-1");
        assertThat(allPages(t, "q=xylophone", 50)).as("the report's transcript replaces the live one").isEmpty();
    }

    @Test
    void aDataFilterFindsExactlyTheCallsWithThatValueAndOnlyInItsOwnTenant() {
        String t = "data-follow", other = "data-other";
        app.app.tenants().ensure(t, "Data follow");
        app.app.tenants().ensure(other, "Data other");
        long now = System.currentTimeMillis();
        String quotes = "\"".repeat(150); // 302 characters as JSON: too long for the index, compared on the JSON instead
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("plan", "gold");
        data.put("note", "Zoë said \"maybe\" — call back");
        data.put("quotes", quotes);
        data.put("score", 8);
        data.put("nested", Map.of("plan", "gold"));
        report(t, "df-1", now, data);
        report(other, "df-9", now, Map.of("plan", "gold", "score", 8));
        assertThat(allPages(t, "data.plan=gold", 50)).containsExactly("df-1");
        assertThat(allPages(t, "data.score=8&data.plan=gold", 50)).containsExactly("df-1");
        assertThat(allPages(t, "data.note=" + enc("Zoë said \"maybe\" — call back"), 50)).containsExactly("df-1");
        assertThat(allPages(t, "data.quotes=" + enc(quotes), 50)).containsExactly("df-1");
        assertThat(allPages(t, "data.plan=" + enc("\"gold\""), 50)).as("the text with quotes is another value").isEmpty();
        assertThat(allPages(t, "data.nested=gold", 50)).as("an object is not a value").isEmpty();
        assertThat(allPages(t, "data.plan=gold&data.score=9", 50)).isEmpty();
        assertThat(allPages(other, "data.plan=gold", 50)).containsExactly("df-9");
    }

    private void report(String tenant, String callId, long at, Map<String, Object> data) {
        var call = new VapiMessages.CallInfo(callId, "inboundPhoneCall", "+14155550123", "+14155550142", "asst", "Riley", at, null, null);
        var report = new VapiMessages.Report("customer-ended-call", at, at + 5000, 0.12, "Checked the plan.", data, true, null, null, null);
        app.webhook(tenant, VapiMessages.endOfCallReport(call, report, List.of(), at + 6000));
    }

    @Test
    void moreCallsStampedWithOneCreationTimeThanAMillisecondHoldsAreAllIndexedAndFoundOnce() {
        String t = "same-ms";
        app.app.tenants().ensure(t, "Same millisecond");
        long createdAt = 1_700_000_000_123L;
        SearchIndex index = new SearchIndex(app.app.database().dialect());
        int n = (int) SearchIndex.SLOTS + 5;
        for (int i = 0; i < n; i++) {
            String id = "same-" + i;
            insertCall(t, id, createdAt);
            app.app.database().jdbi().useHandle(h -> index.write(h, t, id, createdAt, "a quokka called about billing"));
        }
        insertCall(t, "next-ms", createdAt + 1);
        app.app.database().jdbi().useHandle(h -> index.write(h, t, "next-ms", createdAt + 1, "a quokka called again"));
        assertThat(allPages(t, "q=quokka", 100)).hasSize(n + 1).doesNotHaveDuplicates();
    }

    @Test
    void keysetPagesStayStableWhileCallsArrive() throws Exception {
        List<String> before = allPages(B, "", 200);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                new HistoryGenerator(app.app.database(), System.currentTimeMillis()).run(new HistoryGenerator.Options(400, 2, 60, 7), n -> {});
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        List<String> paged = new ArrayList<>();
        String cursor = null;
        boolean started = false;
        do {
            JsonNode page = app.getJson("/api/" + B + "/history?limit=25" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(i -> paged.add(i.path("id").asText()));
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
            if (!started) {
                writer.start();
                started = true;
            }
        } while (cursor != null);
        writer.join();
        assertThat(failed.get()).isNull();
        assertThat(paged).doesNotHaveDuplicates();
        List<String> existing = paged.stream().filter(new HashSet<>(before)::contains).toList();
        assertThat(existing).as("every call that existed at the first page, once, in order").containsExactlyElementsOf(before);
    }

    @Test
    void dayFiltersFollowTheTenantsTimeZoneAcrossADaylightSavingChange() {
        String t = "tz-ny";
        app.app.tenants().ensure(t, "New York");
        app.app.tenants().setTimeZone(t, "America/New_York");
        ZoneId ny = ZoneId.of("America/New_York");
        // 2026-03-08: clocks jump from 02:00 to 03:00 (a 23-hour day).
        insertCall(t, "before-midnight", ZonedDateTime.of(2026, 3, 7, 23, 59, 59, 999_000_000, ny).toInstant().toEpochMilli());
        insertCall(t, "at-midnight", ZonedDateTime.of(2026, 3, 8, 0, 0, 0, 0, ny).toInstant().toEpochMilli());
        insertCall(t, "after-the-jump", ZonedDateTime.of(2026, 3, 8, 3, 0, 0, 0, ny).toInstant().toEpochMilli());
        insertCall(t, "last-ms-of-day", ZonedDateTime.of(2026, 3, 8, 23, 59, 59, 999_000_000, ny).toInstant().toEpochMilli());
        insertCall(t, "next-day", ZonedDateTime.of(2026, 3, 9, 0, 0, 0, 0, ny).toInstant().toEpochMilli());
        assertThat(allPages(t, "from=2026-03-08&to=2026-03-08", 50)).containsExactly("last-ms-of-day", "after-the-jump", "at-midnight");
        assertThat(allPages(t, "to=2026-03-07", 50)).containsExactly("before-midnight");
        assertThat(allPages(t, "from=2026-03-09", 50)).containsExactly("next-day");
    }

    @Test
    void anHourFilterIsExactAtTheEdgesOfTheHourInAZoneOffsetByQuarterHours() {
        String t = "tz-ktm";
        app.app.tenants().ensure(t, "Kathmandu");
        app.app.tenants().setTimeZone(t, "Asia/Kathmandu"); // UTC+05:45
        ZoneId ktm = ZoneId.of("Asia/Kathmandu");
        insertCall(t, "k-before", ZonedDateTime.of(2026, 6, 1, 2, 59, 59, 999_000_000, ktm).toInstant().toEpochMilli());
        insertCall(t, "k-start", ZonedDateTime.of(2026, 6, 1, 3, 0, 0, 0, ktm).toInstant().toEpochMilli());
        insertCall(t, "k-end", ZonedDateTime.of(2026, 6, 2, 3, 59, 59, 999_000_000, ktm).toInstant().toEpochMilli());
        insertCall(t, "k-after", ZonedDateTime.of(2026, 6, 2, 4, 0, 0, 0, ktm).toInstant().toEpochMilli());
        assertThat(allPages(t, "hour=3", 50)).containsExactly("k-end", "k-start");
        assertThat(allPages(t, "hour=2,4", 50)).containsExactly("k-after", "k-before");
    }

    @Test
    void hourAndWeekdayFiltersAnswerWhatARecountOnTheTenantsClockFinds() {
        for (String tenant : List.of(A, B)) {
            List<Row> rows = rows(tenant);
            ZoneId zone = app.app.tenants().require(tenant).zone();
            LocalDate lastDay = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(rows.get(0).createdAt()), zone);
            Map<String, Predicate<ZonedDateTime>> filters = new LinkedHashMap<>();
            filters.put("hour=10", t -> t.getHour() == 10);
            filters.put("hour=9,14,22", t -> t.getHour() == 9 || t.getHour() == 14 || t.getHour() == 22);
            filters.put("hour=0&hour=23", t -> t.getHour() == 0 || t.getHour() == 23);
            filters.put("weekday=6,7", t -> t.getDayOfWeek().getValue() >= 6);
            filters.put("weekday=1&hour=11", t -> t.getDayOfWeek().getValue() == 1 && t.getHour() == 11);
            filters.put("weekday=3&hour=15&from=" + lastDay.minusDays(29) + "&to=" + lastDay, t -> t.getDayOfWeek().getValue() == 3
                    && t.getHour() == 15 && !t.toLocalDate().isBefore(lastDay.minusDays(29)) && !t.toLocalDate().isAfter(lastDay));
            LocalDate noonDay = rows.stream().map(r -> java.time.Instant.ofEpochMilli(r.createdAt()).atZone(zone))
                    .filter(z -> z.getHour() == 12).findFirst().orElseThrow().toLocalDate();
            filters.put("hour=12&from=" + noonDay + "&to=" + noonDay, t -> t.getHour() == 12 && t.toLocalDate().equals(noonDay));
            for (Map.Entry<String, Predicate<ZonedDateTime>> f : filters.entrySet()) {
                List<String> expected = rows.stream()
                        .filter(r -> f.getValue().test(java.time.Instant.ofEpochMilli(r.createdAt()).atZone(zone))).map(Row::id).toList();
                assertThat(expected).as(tenant + " " + f.getKey() + " proves little").isNotEmpty();
                assertThat(allPages(tenant, f.getKey(), 37)).as(tenant + " " + f.getKey()).containsExactlyElementsOf(expected);
            }
        }
        List<String> view = allPages(A, "weekday=2&hour=9,10&category=customer_ended", 200);
        List<String> csv = app.get("/api/" + A + "/history/export.csv?weekday=2&hour=9,10&category=customer_ended").body().lines().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(csv).isNotEmpty().containsExactlyElementsOf(view);
        List<String> searched = allPages(A, "q=appointment&hour=10", 50);
        assertThat(searched).isNotEmpty().isSubsetOf(allPages(A, "hour=10", 200));
    }

    @Test
    void hourAndWeekdayFiltersFollowTheTenantsClockAcrossBothDaylightSavingChanges() {
        String t = "tz-ny-hours";
        app.app.tenants().ensure(t, "New York hours");
        app.app.tenants().setTimeZone(t, "America/New_York");
        ZoneId ny = ZoneId.of("America/New_York");
        Map<String, ZonedDateTime> calls = new LinkedHashMap<>();
        // 2026-03-08 (a Sunday): 02:00 EST jumps to 03:00 EDT. 2026-11-01 (a Sunday): 02:00 EDT falls back to 01:00 EST.
        calls.put("sat-0315", ZonedDateTime.of(2026, 3, 7, 3, 15, 0, 0, ny));
        calls.put("spring-0130", ZonedDateTime.of(2026, 3, 8, 1, 30, 0, 0, ny));
        calls.put("spring-0300", ZonedDateTime.of(2026, 3, 8, 3, 0, 0, 0, ny));
        calls.put("spring-2359", ZonedDateTime.of(2026, 3, 8, 23, 59, 59, 999_000_000, ny));
        calls.put("mon-0000", ZonedDateTime.of(2026, 3, 9, 0, 0, 0, 0, ny));
        calls.put("mon-0315", ZonedDateTime.of(2026, 3, 9, 3, 15, 0, 0, ny));
        calls.put("fall-0030", ZonedDateTime.of(2026, 11, 1, 0, 30, 0, 0, ny));
        calls.put("fall-0130-edt", ZonedDateTime.ofStrict(java.time.LocalDateTime.of(2026, 11, 1, 1, 30), java.time.ZoneOffset.ofHours(-4), ny));
        calls.put("fall-0130-est", ZonedDateTime.ofStrict(java.time.LocalDateTime.of(2026, 11, 1, 1, 30), java.time.ZoneOffset.ofHours(-5), ny));
        calls.put("fall-0200", ZonedDateTime.of(2026, 11, 1, 2, 0, 0, 0, ny));
        calls.put("fall-2330", ZonedDateTime.of(2026, 11, 1, 23, 30, 0, 0, ny));
        calls.put("mon-0010", ZonedDateTime.of(2026, 11, 2, 0, 10, 0, 0, ny));
        calls.forEach((id, at) -> insertCall(t, id, at.toInstant().toEpochMilli()));
        List<Map.Entry<String, ZonedDateTime>> newestFirst = calls.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, ZonedDateTime> e) -> e.getValue().toInstant()).reversed()).toList();
        for (int hour = 0; hour < 24; hour++) {
            int h = hour;
            assertThat(allPages(t, "hour=" + h, 2)).as("hour=" + h)
                    .containsExactlyElementsOf(newestFirst.stream().filter(e -> e.getValue().getHour() == h).map(Map.Entry::getKey).toList());
        }
        for (int day = 1; day <= 7; day++) {
            int d = day;
            assertThat(allPages(t, "weekday=" + d, 2)).as("weekday=" + d).containsExactlyElementsOf(
                    newestFirst.stream().filter(e -> e.getValue().getDayOfWeek().getValue() == d).map(Map.Entry::getKey).toList());
        }
        assertThat(allPages(t, "hour=1&from=2026-11-01&to=2026-11-01", 50)).as("both 1 a.m. hours are 1 a.m.")
                .containsExactly("fall-0130-est", "fall-0130-edt");
        assertThat(allPages(t, "hour=2&from=2026-03-08&to=2026-03-08", 50)).as("2 a.m. does not exist that day").isEmpty();
        assertThat(allPages(t, "hour=3&weekday=7", 50)).containsExactly("spring-0300");
        assertThat(allPages(t, "weekday=7&hour=0,23", 50)).containsExactly("fall-2330", "fall-0030", "spring-2359");
        assertThat(allPages(t, "weekday=1&hour=0&to=2026-06-30", 50)).containsExactly("mon-0000");
    }

    @Test
    void anExportHasExactlyTheViewAndNoCallOfAnotherTenantWhateverTheFilters() {
        List<Row> rowsA = rows(A);
        List<String> view = allPages(A, "category=customer_ended&type=inbound", 200);
        HttpResponse<String> csv = app.get("/api/" + A + "/history/export.csv?category=customer_ended&type=inbound");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("switchboard-" + A + "-calls-").endsWith(".csv\"");
        List<String> csvIds = csv.body().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(csvIds).containsExactlyElementsOf(view);
        HttpResponse<String> jsonl = app.get("/api/" + A + "/history/export.jsonl?category=customer_ended&type=inbound");
        assertThat(jsonl.body().lines().map(l -> TestApp.json(l).path("id").asText()).toList()).containsExactlyElementsOf(view);

        Set<String> ofB = new HashSet<>(rows(B).stream().map(Row::id).toList());
        Row b = rows(B).stream().filter(r -> r.phone() != null).findFirst().orElseThrow();
        List<String> all = app.get("/api/" + A + "/history/export.csv").body().lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(all).hasSize(rowsA.size()).noneMatch(ofB::contains);
        for (String guess : List.of("phone=" + enc(b.phone()), "assistant=" + b.assistant(), "q=furnace", "q=" + b.id())) {
            assertThat(app.get("/api/" + A + "/history/export.csv?" + guess).body().lines().skip(1).toList()).as(guess).isEmpty();
        }
        assertThat(app.get("/api/" + A + "/calls/" + b.id() + "/events").statusCode()).isEqualTo(404);
    }

    @Test
    void csvExportNeutralisesFormulasAndQuotesWhatNeedsQuoting() {
        String t = "csv-check";
        app.app.tenants().ensure(t, "CSV check");
        insertCall(t, "formula", 1_700_000_000_000L);
        app.app.database().jdbi().useHandle(h -> h.createUpdate("UPDATE calls SET summary = :s, assistant_name = :a WHERE tenant_id = :t")
                .bind("s", "=HYPERLINK(\"http://evil.test\",\"click\"), then\nmore").bind("a", "@SUM(A1:A2)").bind("t", t).execute());
        HttpResponse<String> r = app.get("/api/" + t + "/history/export.csv");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("utf-8");
        assertThat(r.body()).startsWith("\uFEFFid,created_at,created_local,");
        assertThat(r.body()).contains(",'@SUM(A1:A2),").contains(",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\"), then\nmore\",");
        assertThat(r.body()).contains("\r\n");
    }

    @Test
    void rawProviderEventsNeverShowTheListenOrControlUrl() {
        String t = "raw-events";
        app.app.tenants().ensure(t, "Raw events");
        var call = new VapiMessages.CallInfo("raw-1", "inboundPhoneCall", "+14155550123", "+14155550142", "asst", "Riley",
                System.currentTimeMillis(), "wss://secret-listen.example/raw-1/listen", "https://secret-control.example/raw-1/control");
        app.webhook(t, VapiMessages.statusUpdate(call, "in-progress", System.currentTimeMillis(), null, null));
        HttpResponse<String> r = app.get("/api/" + t + "/calls/raw-1/events");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestApp.json(r.body()).path("events").size()).isEqualTo(1);
        assertThat(r.body()).doesNotContain("secret-listen").doesNotContain("secret-control").contains("[removed]");
    }

    @Test
    void aFilterItCannotReadIsRefusedNamingTheParameterAndTheExpectedForm() {
        for (String[] c : List.of(new String[] {"stauts=ended", "stauts"}, new String[] {"from=08-03-2026", "'from' must be a day as YYYY-MM-DD"},
                new String[] {"minCost=-1", "'minCost' must be a number"}, new String[] {"transferred=yes", "'transferred' must be true or false"},
                new String[] {"status=done", "'status' must be one or more of"}, new String[] {"cursor=%21%21", "'cursor'"},
                new String[] {"data.a%20b=1", "data.<field>"}, new String[] {"limit=0", "'limit'"},
                new String[] {"hour=24", "'hour' must be one or more hours of the day from 0 to 23"}, new String[] {"hour=9.5", "'hour' must be"},
                new String[] {"hour=-1", "'hour' must be"}, new String[] {"hour=9,x", "'hour' must be"},
                new String[] {"weekday=0", "'weekday' must be one or more days of the week from 1 (Monday) to 7 (Sunday)"},
                new String[] {"weekday=mon", "'weekday' must be"}, new String[] {"weekday=8", "'weekday' must be"})) {
            HttpResponse<String> r = app.get("/api/" + A + "/history?" + c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(TestApp.json(r.body()).path("error").path("message").asText()).as(c[0]).contains(c[1]);
        }
        assertThat(app.get("/api/" + A + "/history/export.csv?limit=5").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/" + A + "/history/export.jsonl?hour=25").statusCode()).isEqualTo(400);
    }

    List<String> allPages(String tenant, String filter, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = app.getJson("/api/" + tenant + "/history?limit=" + limit + (filter.isEmpty() ? "" : "&" + filter)
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(i -> ids.add(i.path("id").asText()));
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        return ids;
    }

    List<Row> rows(String tenant) {
        return app.app.database().read(h -> h.createQuery("SELECT id, created_at, status, ended_category, ended_reason, call_type, "
                        + "assistant_id, phone_number, duration_ms, cost, success_evaluation, transferred, structured_data FROM calls "
                        + "WHERE tenant_id = :t ORDER BY created_at DESC, id DESC").bind("t", tenant)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9) == null ? null : (Long) rs.getLong(9),
                        rs.getObject(10) == null ? null : (Double) rs.getDouble(10), rs.getString(11), rs.getInt(12) == 1,
                        rs.getString(13) == null ? null : Json.readStored(rs.getString(13))))
                .list());
    }

    void insertCall(String tenant, String id, long createdAt) {
        app.app.database().jdbi().useHandle(h -> h.createUpdate("INSERT INTO calls (tenant_id, id, provider, status, created_at, updated_at, "
                        + "version, transferred) VALUES (:t, :id, 'vapi', 'ended', :c, :c, 1, 0)")
                .bind("t", tenant).bind("id", id).bind("c", createdAt).execute());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
