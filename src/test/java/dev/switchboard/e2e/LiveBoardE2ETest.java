package dev.switchboard.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.switchboard.http.SecurityHeaders;
import dev.switchboard.simulator.AudioLayout;
import dev.switchboard.simulator.SimulatedCall;
import dev.switchboard.simulator.SimulatorCallOptions;
import dev.switchboard.simulator.script.Scenario;
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
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live board in a real headless Chromium: webhooks posted by the test make a row appear, change state
 * and stream transcript lines, with no reload.
 */
class LiveBoardE2ETest {
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.sqlite("acme", "globex", "initech", "umbrella", "hooli"); // one tenant per test: boards start empty
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

    /** Collects CSP violations two ways: Chromium's console report and the page's securitypolicyviolation event. */
    static List<String> watchCsp(Page page) {
        List<String> seen = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Refused to") || m.text().contains("Content Security Policy")) seen.add("console: " + m.text());
        });
        page.onPageError(e -> seen.add("page error: " + e));
        // Init scripts are injected by the browser driver, not by the page, so the policy does not apply to them.
        page.addInitScript("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        return seen;
    }

    static List<String> reported(Page page, List<String> seen) {
        List<String> all = new java.util.ArrayList<>(seen);
        Object events = page.evaluate("() => window.__csp");
        if (events instanceof List<?> list) list.forEach(v -> all.add("event: " + v));
        return all;
    }

    @Test
    void theUiWorksUnderTheContentSecurityPolicyWithNoViolations() {
        try (TestApp demo = TestApp.demo("csp-demo")) {
            SimulatedCall call = demo.app.simulator().startCall("csp-demo", Scenario.APPOINTMENT_BOOKING,
                    SimulatorCallOptions.defaults().longRunning(true).withPerfectDelivery().withLayout(AudioLayout.STEREO));
            Page page = browser.signedInPage(demo);
            List<String> seen = watchCsp(page);
            try {
                Response response = page.navigate(demo.base() + "/?client=csp-demo");
                assertThat(response.headerValue("content-security-policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
                assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live"); // the dashboard WebSocket

                Locator row = page.locator("[data-testid=call-row][data-call-id='" + call.id() + "']");
                assertThat(row).hasAttribute("data-status", "in-progress", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
                row.click();
                Locator detail = page.getByTestId("call-detail");
                assertThat(detail).isVisible();
                assertThat(detail.getByTestId("transcript-line").first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));

                detail.getByTestId("listen-button").click(); // the listen WebSocket and the AudioWorklet module
                assertThat(page.getByTestId("listen-status")).hasAttribute("data-state", "playing",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
                page.waitForTimeout(1_000);
                detail.getByTestId("listen-button").click();
                assertThat(page.getByTestId("listen-panel")).hasCount(0);

                assertThat(reported(page, seen)).as("CSP violations while using the board, a call and Listen").isEmpty();

                // The watch itself works: an injected inline script is blocked and reported.
                page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true';"
                        + " document.head.appendChild(s); }");
                page.waitForTimeout(300);
                assertThat(page.evaluate("() => window.__inlineRan === true")).isEqualTo(false);
                assertThat(reported(page, seen)).anySatisfy(v -> assertThat(v).contains("script-src"));
            } finally {
                call.hangUp();
                page.close();
            }
        }
    }

    @Test
    void markupInTranscriptsAndNamesIsShownAsText() {
        String script = "<script>alert(1)</script>";
        String img = "<img src=x onerror=alert(1)>";
        Page page = browser.signedInPage(app);
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        page.navigate(app.base() + "/?client=hooli");
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");

        long now = System.currentTimeMillis();
        CallInfo c = new CallInfo("e2e-xss", "inboundPhoneCall", "+14155550123", "+14155550100", "asst-x", img, now,
                "wss://example.invalid/x/listen", "https://example.invalid/x/control");
        app.webhook("hooli", VapiMessages.statusUpdate(c, "in-progress", now, null, null));
        Locator row = page.locator("[data-testid=call-row][data-call-id=e2e-xss]");
        assertThat(row).containsText(img);
        row.click();
        Locator detail = page.getByTestId("call-detail");
        app.webhook("hooli", VapiMessages.transcript(c, "user", true, script, now + 1000));
        app.webhook("hooli", VapiMessages.transcript(c, "assistant", true, img, now + 2000));
        app.webhook("hooli", VapiMessages.transcript(c, "user", false, script + " " + img, now + 3000));
        Locator lines = detail.getByTestId("transcript-line");
        assertThat(lines).hasCount(2);
        assertThat(detail.getByTestId("transcript-partial")).containsText(script + " " + img);
        assertThat(lines.nth(0).locator("p").textContent()).isEqualTo(script);
        assertThat(lines.nth(1).locator("p").textContent()).isEqualTo(img);
        assertThat(page.locator("img[src=x]")).hasCount(0);
        assertThat(page.locator("#root script")).hasCount(0);
        page.waitForTimeout(500); // an onerror would have fired by now
        assertThat(dialogs).isEmpty();
        page.close();
    }
}
