package dev.switchboard.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.simulator.VapiMessages.CallInfo;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The live board in a real headless Chromium: webhooks posted by the test make a row appear, change state
 * and stream transcript lines, with no reload.
 */
class LiveBoardE2ETest {
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.sqlite("acme", "globex", "initech", "umbrella"); // one tenant per test: boards start empty
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    static CallInfo call(String id) {
        long now = System.currentTimeMillis();
        return new CallInfo(id, "inboundPhoneCall", "+14155550123", "+14155550100", "asst-1", "Riley (Reception)", now,
                "wss://example.invalid/" + id + "/listen", "https://example.invalid/" + id + "/control");
    }

    static Path shot(String name) {
        return Path.of("target", "e2e", name + ".png");
    }

    @Test
    void webhooksMakeARowAppearChangeStateAndStreamTheTranscriptWithoutAReload() {
        Page page = browser.signedInPage(app);
        page.navigate(app.base() + "/?client=acme");
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
        assertThat(page.getByTestId("board-empty")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("01-empty")));

        CallInfo c = call("e2e-call-1");
        long t = System.currentTimeMillis();
        app.webhook("acme", VapiMessages.statusUpdate(c, "ringing", t, null, null));
        Locator row = page.locator("[data-testid=call-row][data-call-id=e2e-call-1]");
        assertThat(row).hasAttribute("data-status", "ringing");
        assertThat(row).containsText("+1 415-555-0123"); // shown formatted

        app.webhook("acme", VapiMessages.statusUpdate(c, "in-progress", t + 1000, null, null));
        assertThat(row).hasAttribute("data-status", "in-progress");

        row.click();
        Locator detail = page.getByTestId("call-detail");
        assertThat(detail).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*call=e2e-call-1.*"));

        app.webhook("acme", VapiMessages.transcript(c, "assistant", true, "Thanks for calling, this is Riley.", t + 1500));
        app.webhook("acme", VapiMessages.transcript(c, "user", false, "I need to move my", t + 2500));
        assertThat(detail.getByTestId("transcript-partial")).containsText("I need to move my");
        app.webhook("acme", VapiMessages.transcript(c, "user", true, "I need to move my appointment to Friday.", t + 3500));
        Locator lines = detail.getByTestId("transcript-line");
        assertThat(lines).hasCount(2);
        assertThat(lines.nth(0)).hasAttribute("data-role", "assistant");
        assertThat(lines.nth(1)).containsText("I need to move my appointment to Friday.");
        assertThat(detail.getByTestId("transcript-partial")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("02-live-call")));

        List<VapiMessages.Turn> turns = List.of(
                new VapiMessages.Turn("assistant", "Thanks for calling, this is Riley.", t + 1500, t + 2400, 0.5),
                new VapiMessages.Turn("user", "I need to move my appointment to Friday.", t + 2500, t + 3500, 1.5),
                new VapiMessages.Turn("assistant", "Done, you're booked for Friday at 2:15.", t + 4000, t + 5200, 3.0));
        app.webhook("acme", VapiMessages.statusUpdate(c, "ended", t + 6000, "customer-ended-call", null));
        app.webhook("acme", VapiMessages.endOfCallReport(c, new VapiMessages.Report("customer-ended-call", t + 1000, t + 6000,
                0.0873, "Moved the appointment to Friday 2:15pm.", Map.of("booked", true, "nps_score", 9), "true",
                app.base() + "/nothing.wav", null, null), turns, t + 7000));
        assertThat(row).hasAttribute("data-status", "ended");
        assertThat(detail.getByTestId("detail-status")).containsText("nded");
        assertThat(detail.getByTestId("call-summary")).containsText("Moved the appointment to Friday 2:15pm.");
        assertThat(lines).hasCount(3);
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("03-ended-call")));
        page.close();
    }

    @Test
    void aTenantsBoardNeverShowsAnotherTenantsCalls() {
        Page page = browser.signedInPage(app);
        page.navigate(app.base() + "/?client=globex");
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
        app.webhook("initech", VapiMessages.statusUpdate(call("e2e-private"), "in-progress", System.currentTimeMillis(), null, null));
        app.webhook("globex", VapiMessages.statusUpdate(call("e2e-globex"), "ringing", System.currentTimeMillis(), null, null));
        assertThat(page.locator("[data-testid=call-row][data-call-id=e2e-globex]")).isVisible();
        assertThat(page.locator("[data-testid=call-row][data-call-id=e2e-private]")).hasCount(0);
        page.close();
    }

    @Test
    void theTenantPickerSwitchesBoards() {
        Page page = browser.signedInPage(app);
        page.navigate(app.base() + "/?client=initech");
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
        page.getByTestId("tenant-picker").selectOption("umbrella");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*client=umbrella.*"));
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
        app.webhook("umbrella", VapiMessages.statusUpdate(call("e2e-switch"), "ringing", System.currentTimeMillis(), null, null));
        assertThat(page.locator("[data-testid=call-row][data-call-id=e2e-switch]")).isVisible();
        page.close();
    }
}
