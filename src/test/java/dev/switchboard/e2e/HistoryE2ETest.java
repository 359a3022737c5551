package dev.switchboard.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.history.GenerateHistoryCommand;
import dev.switchboard.history.HistoryGenerator;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.simulator.VapiMessages.CallInfo;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history screen in a real headless Chromium: filter, open a call, download the view as CSV and check its rows;
 * arrive from a heat-map cell of Analytics with that weekday and hour applied; read a call's times on the tenant's
 * clock from a browser in another zone; see the list say it is out of date when calls start and end, and refresh it.
 */
class HistoryE2ETest {
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.start(null, c -> c, "hist-live"); // hist-live: an empty tenant for the live test, apart from the history
        new HistoryGenerator(app.app.database(), System.currentTimeMillis()).run(new HistoryGenerator.Options(400, 2, 30, 5), n -> {});
        GenerateHistoryCommand.afterGenerating(app.app.database()); // the analytics rollups, for the heat map
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void aSupervisorFiltersOpensACallAndDownloadsExactlyTheViewAsCsv() throws Exception {
        List<String> expected = app.get("/api/demo-client/history/export.csv?category=unreached").body().lines().skip(1).toList();
        assertThat(expected).isNotEmpty();

        Page page = browser.signedInPage(app);
        page.navigate(app.base() + "/?client=demo-client");
        page.getByTestId("nav-history").click();
        assertThat(page.getByTestId("history-table")).isVisible();
        page.getByLabel("Outcome").selectOption("unreached");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("category=unreached"));
        assertThat(page.getByTestId("history-total")).containsText(expected.size() + " call");

        page.getByTestId("history-row").first().click();
        assertThat(page.getByTestId("call-detail")).isVisible();
        assertThat(page.getByTestId("raw-events")).containsText("For engineers");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "e2e", "history.png")));

        page.getByTestId("export-menu").locator("summary").click();
        Download download = page.waitForDownload(() -> page.getByText("CSV (opens in Excel)").click());
        assertThat(download.suggestedFilename()).startsWith("switchboard-demo-client-calls-").endsWith(".csv");
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,created_at,");
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(expected.size());
        assertThat(rows.stream().map(r -> r.substring(0, r.indexOf(','))).toList())
                .containsExactlyElementsOf(expected.stream().map(r -> r.substring(0, r.indexOf(','))).toList());
        assertThat(rows).allMatch(r -> r.contains(",unreached,"));
    }

    @Test
    void aHeatMapCellOpensHistoryAtThatWeekdayAndHourOfTheTenantsClockAndItsChipsRemoveThem() {
        JsonNode summary = app.getJson("/api/demo-client/analytics/summary?range=30d");
        int day = 0, hour = 0;
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                if (summary.path("heatmap").path(d).path(h).asLong() > summary.path("heatmap").path(day).path(hour).asLong()) {
                    day = d;
                    hour = h;
                }
            }
        }
        int weekday = day + 1, hr = hour;
        ZoneId zone = app.app.tenants().require("demo-client").zone();
        LocalDate from = LocalDate.parse(summary.path("from").asText()), to = LocalDate.parse(summary.path("to").asText());
        Predicate<ZonedDateTime> inRange = t -> !t.toLocalDate().isBefore(from) && !t.toLocalDate().isAfter(to) && t.getDayOfWeek().getValue() == weekday;
        long cell = recount(zone, t -> inRange.test(t) && t.getHour() == hr);
        long wholeDay = recount(zone, inRange);
        assertThat(cell).isPositive().isLessThan(wholeDay).isEqualTo(summary.path("heatmap").path(day).path(hour).asLong());

        Page page = browser.signedInPage(app);
        page.navigate(app.base() + "/?client=demo-client&view=analytics&range=30d");
        page.locator("[data-testid=heat-cell][data-weekday='" + weekday + "'][data-hour='" + hr + "']").click();
        assertThat(page).hasURL(Pattern.compile("view=history&status=ended&from=" + from + "&to=" + to + "&weekday=" + weekday + "&hour=" + hr + "$"));
        assertThat(page.getByTestId("chip-weekday-" + weekday)).isVisible();
        assertThat(page.getByTestId("chip-hour-" + hr)).containsText(String.format("%02d:00", hr));
        assertThat(page.getByTestId("history-total")).hasText(Pattern.compile("^" + cell + " calls? · times in " + zone.getId()));
        assertThat(page.getByTestId("history-row")).hasCount((int) Math.min(cell, 50));

        page.getByTestId("chip-hour-" + hr).getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        assertThat(page).not().hasURL(Pattern.compile("hour="));
        assertThat(page.getByTestId("history-total")).hasText(Pattern.compile("^" + wholeDay + " calls? · "));
    }

    @Test
    void aCallPageShowsItsTimesOnTheTenantsClockToAReaderOnAnotherContinent() {
        ZoneId zone = app.app.tenants().require("demo-client").zone();
        ZoneId reader = ZoneId.of("Asia/Tokyo");
        JsonNode call = app.getJson("/api/demo-client/history?limit=1&minDuration=1").path("items").get(0);
        Instant started = java.time.LocalDateTime.parse(call.path("startedAt").asText()).toInstant(java.time.ZoneOffset.UTC);
        var clock = java.time.format.DateTimeFormatter.ofPattern("hh:mm:ss", java.util.Locale.US);
        String onTenantClock = started.atZone(zone).format(clock), onReaderClock = started.atZone(reader).format(clock);
        String zoneName = started.atZone(zone).format(java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.US));

        Page page = browser.signedInPage(app, reader.getId());
        page.navigate(app.base() + "/?client=demo-client&view=history&minDuration=1&call=" + call.path("id").asText());
        var startedStat = page.getByTestId("detail-started");
        assertThat(startedStat).containsText(onTenantClock);
        assertThat(startedStat).containsText(zoneName);
        assertThat(startedStat).not().containsText(onReaderClock);
        assertThat(page.getByTestId("call-detail")).containsText(zone.getId());
    }

    @Test
    void theListSaysHowManyCallsStartedAndEndedSinceItWasLoadedUpdatesItsRowsInPlaceAndRefreshShowsTheNewOnes() {
        long now = System.currentTimeMillis();
        CallInfo ending = liveCall("e2e-hist-ending", "+14155550198", now - 5_000);
        app.webhook("hist-live", VapiMessages.statusUpdate(ending, "in-progress", now - 5_000, null, null));

        Page page = browser.signedInPage(app);
        page.navigate(app.base() + "/?client=hist-live&view=history");
        assertThat(page.getByTestId("history-row")).hasCount(1);
        assertThat(page.getByTestId("history-new-calls")).isHidden(); // nothing new yet: the bar takes no space
        // The unfinished call's duration ticks, from the live connection.
        assertThat(page.getByTestId("history-duration")).hasText(Pattern.compile("0:0[5-9]|0:1\\d"));

        CallInfo started = liveCall("e2e-hist-new", "+14155550199", System.currentTimeMillis());
        app.webhook("hist-live", VapiMessages.statusUpdate(started, "ringing", started.createdAt(), null, null));
        app.webhook("hist-live", VapiMessages.statusUpdate(ending, "ended", System.currentTimeMillis(), "customer-ended-call", null));
        assertThat(page.getByTestId("history-new-calls")).hasText(Pattern.compile("1 new call and 1 call ended since this list was loaded"));
        assertThat(page.getByTestId("history-row")).hasCount(1); // no new row until asked
        // The row that ended says so in place.
        assertThat(page.getByTestId("history-row")).hasAttribute("data-status", "ended");
        assertThat(page.getByTestId("history-row")).containsText("Caller hung up");

        page.getByTestId("history-refresh").click();
        assertThat(page.getByTestId("history-row")).hasCount(2);
        assertThat(page.getByTestId("history-row").first()).containsText("+1 415-555-0199");
        assertThat(page.getByTestId("history-new-calls")).isHidden();
    }

    static CallInfo liveCall(String id, String caller, long createdAt) {
        return new CallInfo(id, "inboundPhoneCall", caller, "+14155550100", "asst-1", "Riley (Reception)", createdAt,
                "wss://example.invalid/" + id + "/listen", "https://example.invalid/" + id + "/control");
    }

    /** Calls of demo-client whose creation, on the tenant's clock, passes the test. */
    static long recount(ZoneId zone, Predicate<ZonedDateTime> test) {
        return app.app.database().read(h -> h.createQuery("SELECT created_at FROM calls WHERE tenant_id = 'demo-client' AND status = 'ended'")
                .mapTo(Long.class).list()).stream().filter(ms -> test.test(Instant.ofEpochMilli(ms).atZone(zone))).count();
    }
}
