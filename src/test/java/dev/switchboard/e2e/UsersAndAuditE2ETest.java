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

/**
 * A tenant admin in a real headless Chromium signs in, adds a member on Users & roles, and finds that change
 * and their own sign-in on the Audit log screen; the agency-only Clients screen is not offered to them.
 */
class UsersAndAuditE2ETest {
    static final String PASSWORD = "e2e-admin-password-1";
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.sqlite("acme");
        User ada = app.app.accounts().create("ada@acme.test", PASSWORD, false);
        app.app.accounts().grant(ada.id(), "acme", Role.ADMIN);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
        app.close();
    }

    @Test
    void aTenantAdminAddsAMemberAndTheAuditLogShowsItAndTheirSignIn() {
        Page page = browser.newPage();
        page.navigate(app.base() + "/?client=acme&view=users");
        page.getByTestId("login-email").fill("ada@acme.test");
        page.getByTestId("login-password").fill(PASSWORD);
        page.getByTestId("login-submit").click();

        assertThat(page.getByTestId("users-settings")).isVisible();
        assertThat(page.getByTestId("nav-tenants")).hasCount(0);
        assertThat(page.getByTestId("agency-users")).hasCount(0);
        page.getByTestId("member-email").fill("newbie@acme.test");
        page.getByTestId("member-role").selectOption("supervisor");
        page.getByTestId("member-password").fill("newbie-initial-password");
        page.getByTestId("member-add").click();
        Locator added = page.locator("[data-testid=member-row][data-email='newbie@acme.test']");
        assertThat(added).isVisible();
        assertThat(added.getByTestId("member-role-select")).hasValue("supervisor");

        page.getByTestId("nav-audit").click();
        assertThat(page.getByTestId("audit-log")).isVisible();
        Locator granted = page.locator("[data-testid=audit-row][data-action='membership.granted']");
        assertThat(granted).containsText("newbie@acme.test");
        assertThat(granted).containsText("ada@acme.test");
        assertThat(granted).containsText("Added a member");
        assertThat(page.locator("[data-testid=audit-row][data-action='user.created']")).containsText("newbie@acme.test");
        Locator login = page.locator("[data-testid=audit-row][data-action='auth.login']");
        assertThat(login).containsText("Signed in");
        assertThat(login).containsText("ada@acme.test");
        assertThat(page.getByTestId("audit-log")).not().containsText("newbie-initial-password");

        page.getByTestId("audit-category").selectOption("auth.");
        assertThat(page.locator("[data-testid=audit-row][data-action='membership.granted']")).hasCount(0);
        assertThat(login).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "e2e", "40-audit-log.png")));
        page.close();
    }
}
