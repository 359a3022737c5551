package dev.switchboard.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.switchboard.auth.Role;
import dev.switchboard.auth.User;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant admin in a real headless Chromium: opens Settings, generates a webhook secret (shown once), sends a
 * test event and sees it accepted and in the delivery log; creates an API key and sees it once.
 */
class SettingsE2ETest {
    static final String EMAIL = "admin@acme.test";
    static final String PASSWORD = "e2e-admin-password-1";
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.sqlite("acme");
        User admin = app.app.accounts().create(EMAIL, PASSWORD, false);
        app.app.accounts().grant(admin.id(), "acme", Role.ADMIN);
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

    @Test
    void aTenantAdminConnectsVapiTestsTheWebhookAndCreatesAnApiKey() {
        Page page = browser.signedInPage(app, EMAIL, PASSWORD);
        page.setViewportSize(1400, 900);
        page.navigate(app.base() + "/?client=acme");
        page.getByTestId("nav-admin").click();
        Locator screen = page.getByTestId("settings-screen");
        assertThat(screen).isVisible();
        assertThat(page.getByTestId("vapi-url")).hasValue(app.base() + "/webhooks/vapi/acme");
        assertThat(page.getByTestId("webhook-secret-status")).hasText("Not set");

        page.getByTestId("generate-secret").click();
        Locator dialog = page.getByTestId("secret-dialog");
        assertThat(dialog).isVisible();
        String secret = dialog.getByTestId("shown-once-secret").inputValue();
        assertThat(secret).hasSize(43);
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("40-webhook-secret-once")));
        dialog.getByTestId("shown-once-stored").check();
        dialog.getByTestId("shown-once-done").click();
        assertThat(dialog).hasCount(0);
        assertThat(page.getByTestId("webhook-secret-status")).containsText("ends in " + secret.substring(secret.length() - 4));
        assertThat(page.getByTestId("scheme-secret")).isChecked();
        assertThat(page.locator("body")).not().containsText(secret);

        page.getByTestId("send-test").click();
        assertThat(page.getByTestId("test-result")).hasAttribute("data-accepted", "true");
        assertThat(page.getByTestId("test-result")).containsText("Accepted");
        Locator row = page.locator("[data-testid=delivery-row][data-outcome=accepted]").first();
        assertThat(row).containsText("switchboard-test");
        // The admin area scrolls inside its own pane: a tall window shows the whole screen in one picture.
        page.setViewportSize(1400, 2300);
        page.evaluate("document.querySelector('main').scrollTop = 0");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("41-settings")));
        page.setViewportSize(1400, 900);
        assertThat(app.getJson("/api/acme/calls").size()).as("the test event is not a call").isZero();

        page.getByTestId("nav-keys").click();
        assertThat(page.getByTestId("keys-empty")).isVisible();
        page.getByTestId("key-name").fill("Nightly report");
        page.getByTestId("key-create").click();
        Locator keyDialog = page.getByTestId("key-dialog");
        String key = keyDialog.getByTestId("shown-once-secret").inputValue();
        assertThat(key).startsWith("sbk_");
        keyDialog.getByTestId("shown-once-stored").check();
        keyDialog.getByTestId("shown-once-done").click();
        assertThat(page.getByTestId("key-row")).containsText("Nightly report");
        assertThat(page.locator("body")).not().containsText(key);
        page.screenshot(new Page.ScreenshotOptions().setPath(shot("42-api-keys")).setFullPage(true));
        page.close();
    }
}
