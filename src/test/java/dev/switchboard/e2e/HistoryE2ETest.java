package dev.switchboard.e2e;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.switchboard.history.HistoryGenerator;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The history screen in a real headless Chromium: filter, open a call, download the view as CSV and check its rows. */
class HistoryE2ETest {
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.start(null, c -> c);
        new HistoryGenerator(app.app.database(), System.currentTimeMillis()).run(new HistoryGenerator.Options(400, 2, 30, 5), n -> {});
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
}
