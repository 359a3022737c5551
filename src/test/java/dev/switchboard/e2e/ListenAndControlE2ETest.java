package dev.switchboard.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.switchboard.simulator.AudioLayout;
import dev.switchboard.simulator.ControlRecord;
import dev.switchboard.simulator.SimulatedCall;
import dev.switchboard.simulator.SimulatorCallOptions;
import dev.switchboard.simulator.VapiSimulator;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listen-in and control in a real headless Chromium against the demo simulator's calls, which serve Vapi's
 * listen WebSocket and control endpoint: the page's audio graph receives the call's (non-silent) audio,
 * and a transfer confirmed in the browser reaches the provider as Vapi's body and shows on the board as
 * forwarding and then ended.
 */
class ListenAndControlE2ETest {
    static TestApp app;
    static Browser browser;
    static VapiSimulator sim;
    final List<SimulatedCall> started = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.demo("acme", "globex");
        sim = app.app.simulator();
        browser = new Browser();
    }

    @AfterEach
    void hangUp() {
        started.forEach(SimulatedCall::hangUp);
        started.clear();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    SimulatedCall liveCall(String tenant) {
        SimulatedCall call = sim.startCall(tenant, Scenario.APPOINTMENT_BOOKING,
                SimulatorCallOptions.defaults().longRunning(true).withPerfectDelivery().withLayout(AudioLayout.STEREO));
        started.add(call);
        return call;
    }

    static Path shot(String name) {
        return Path.of("target", "e2e", name + ".png");
    }

    Locator openCall(Page page, String tenant, SimulatedCall call) {
        page.navigate(app.base() + "/?client=" + tenant + "&call=" + call.id());
        Locator detail = page.getByTestId("call-detail");
        assertThat(detail).isVisible();
        Locator row = page.locator("[data-testid=call-row][data-call-id='" + call.id() + "']");
        assertThat(row).hasAttribute("data-status", "in-progress",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        return detail;
    }

    @Test
    void listeningToALiveCallPlaysNonSilentAudioInThePagesAudioGraph() {
        SimulatedCall call = liveCall("acme");
        Page page = browser.signedInPage(app);
        Locator detail = openCall(page, "acme", call);

        detail.getByTestId("listen-button").click();
        Locator status = page.getByTestId("listen-status");
        assertThat(status).hasAttribute("data-state", "playing",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
        assertThat(page.getByTestId("listen-channel")).isVisible(); // stereo: caller / assistant / both

        // The level is measured on what reaches the audio graph; speech keeps it well above the noise floor.
        Locator level = page.getByTestId("listen-level");
        double loudest = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (loudest < 0.02 && System.nanoTime() < deadline) {
            loudest = Math.max(loudest, Double.parseDouble(level.getAttribute("data-level")));
            page.waitForTimeout(100);
        }
        assertThat(loudest).as("peak level heard in the page").isGreaterThan(0.02);
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("10-listening")));

        // Stopping ends the session; the call's timeline shows it with its duration.
        detail.getByTestId("listen-button").click();
        assertThat(page.getByTestId("listen-panel")).hasCount(0);
        assertThat(detail.locator("[data-testid=timeline-action][data-action=listen]"))
                .hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(10_000));
        page.close();
    }

    @Test
    void aConfirmedTransferSendsVapisBodyAndTheRowGoesForwardingThenEnded() {
        SimulatedCall call = liveCall("globex");
        Page page = browser.signedInPage(app);
        Locator detail = openCall(page, "globex", call);
        Locator row = page.locator("[data-testid=call-row][data-call-id='" + call.id() + "']");

        detail.getByTestId("action-transfer").click();
        page.getByTestId("transfer-number").fill("+14155550100");
        page.getByTestId("transfer-message").fill("Connecting you to a colleague now.");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("11-transfer-dialog")));
        page.getByTestId("confirm-action").click();

        assertThat(row).hasAttribute("data-status", "forwarding",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
        assertThat(row).hasAttribute("data-status", "ended",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
        assertThat(detail.locator("[data-testid=timeline-action][data-action=transfer][data-outcome=ok]"))
                .hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(10_000));
        // Ended calls offer no actions.
        assertThat(detail.getByTestId("action-transfer")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("12-transferred")));

        List<ControlRecord> log = call.controlLog();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).status()).isEqualTo(200);
        assertThat(log.get(0).body()).isEqualTo("{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"+14155550100\"},"
                + "\"content\":\"Connecting you to a colleague now.\"}");
        page.close();
    }
}
