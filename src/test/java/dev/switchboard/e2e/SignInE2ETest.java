package dev.switchboard.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.switchboard.auth.Role;
import dev.switchboard.auth.User;
import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Signing in through the form in a real headless Chromium, and the UI hiding what a role cannot do: a
 * viewer sees the live call but no listen or control buttons; a supervisor sees them.
 */
class SignInE2ETest {
    static final String PASSWORD = "e2e-password-123";
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.sqlite("acme");
        User viewer = app.app.accounts().create("viewer@acme.test", PASSWORD, false);
        app.app.accounts().grant(viewer.id(), "acme", Role.VIEWER);
        User supervisor = app.app.accounts().create("supervisor@acme.test", PASSWORD, false);
        app.app.accounts().grant(supervisor.id(), "acme", Role.SUPERVISOR);
        long now = System.currentTimeMillis();
        var call = new VapiMessages.CallInfo("e2e-live", "inboundPhoneCall", "+14155550123", "+14155550100", "asst-1", "Riley (Reception)",
                now, "wss://example.invalid/e2e-live/listen", "https://example.invalid/e2e-live/control");
        app.webhook("acme", VapiMessages.statusUpdate(call, "in-progress", now, null, null));
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    static Path shot(String name) {
        return Path.of("target", "e2e", name + ".png");
    }

    Page signIn(String email, String password) {
        Page page = browser.newPage();
        page.navigate(app.base() + "/?client=acme&call=e2e-live");
        assertThat(page.getByTestId("login-form")).isVisible();
        page.getByTestId("login-email").fill(email);
        page.getByTestId("login-password").fill(password);
        page.getByTestId("login-submit").click();
        return page;
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSignInScreen() {
        Page page = signIn("viewer@acme.test", "not-the-password");
        assertThat(page.getByTestId("login-error")).isVisible();
        assertThat(page.getByTestId("login-form")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("20-sign-in-refused")));
        page.close();
    }

    @Test
    void aViewerSeesTheLiveCallButNoListenOrControlButtons() {
        Page page = signIn("viewer@acme.test", PASSWORD);
        assertThat(page.getByTestId("user-menu")).containsText("viewer@acme.test");
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "live");
        Locator row = page.locator("[data-testid=call-row][data-call-id=e2e-live]");
        assertThat(row).hasAttribute("data-status", "in-progress");
        Locator detail = page.getByTestId("call-detail");
        assertThat(detail).isVisible();
        assertThat(detail.getByTestId("listen-button")).hasCount(0);
        for (String action : new String[] {"say", "whisper", "mute", "transfer", "end"}) {
            assertThat(detail.getByTestId("action-" + action)).hasCount(0);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("21-viewer")));
        page.close();
    }

    @Test
    void aSupervisorSeesTheListenAndControlButtonsAndCanSignOut() {
        Page page = signIn("supervisor@acme.test", PASSWORD);
        Locator detail = page.getByTestId("call-detail");
        assertThat(detail.getByTestId("listen-button")).isVisible();
        assertThat(detail.getByTestId("action-end")).isVisible();
        page.getByTestId("sign-out").click();
        assertThat(page.getByTestId("login-form")).isVisible();
        page.reload();
        assertThat(page.getByTestId("login-form")).isVisible(); // the session is gone: a reload does not sign back in
        page.close();
    }
}
