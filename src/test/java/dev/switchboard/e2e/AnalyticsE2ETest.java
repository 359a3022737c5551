package dev.switchboard.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.switchboard.simulator.SimulatorCallOptions;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.DemoSimulatorFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Analytics screen in a real headless Chromium, in demo mode: today's numbers follow a simulated call that ends,
 * the agency overview shows the tenant, and nothing breaks the content security policy.
 */
class AnalyticsE2ETest extends DemoSimulatorFixture {
    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void todaysCallCountRisesWhenASimulatedCallEndsWithoutAReload() {
        Page page = browser.signedInPage(app);
        List<String> csp = LiveBoardE2ETest.watchCsp(page); // the charts style their SVG under the strict policy
        page.navigate(app.base() + "/?client=t1&view=analytics&range=today");
        assertThat(page.getByTestId("nav-analytics")).hasAttribute("aria-current", "page");
        assertThat(page.getByTestId("analytics-empty")).isVisible();

        start("t1", Scenario.APPOINTMENT_BOOKING, SimulatorCallOptions.defaults().withPace(20).withPerfectDelivery());
        var calls = page.getByTestId("kpi-calls").getByTestId("kpi-value");
        assertThat(calls).hasText("1", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.getByTestId("kpi-calls").getByTestId("kpi-delta")).hasAttribute("data-tone", "good");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "e2e", "analytics-today.png")).setFullPage(true));

        page.getByTestId("nav-overview").click();
        assertThat(page.getByTestId("overview-t1")).isVisible();
        assertThat(page.getByTestId("overview-t1").getByTestId("sparkline")).isVisible();
        org.assertj.core.api.Assertions.assertThat(LiveBoardE2ETest.reported(page, csp)).isEmpty();
    }
}
