package dev.switchboard.testing;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;

/** A real headless Chromium (Debian's package) driven by Playwright; its own browser download cannot work here. */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        // The listen-in tests start audio from a click, but headless has no user-activation history.
                        "--autoplay-policy=no-user-gesture-required")));
    }

    /** A page with no session: it shows the sign-in screen. */
    public Page newPage() {
        return browser.newPage(new com.microsoft.playwright.Browser.NewPageOptions().setViewportSize(1440, 900));
    }

    /** A page already signed in as the app's agency admin. */
    public Page signedInPage(TestApp app) {
        app.admin();
        return signedInPage(app, TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD);
    }

    /** As the app's agency admin, in a browser whose own time zone is {@code timeZoneId} (e.g. "Asia/Tokyo"). */
    public Page signedInPage(TestApp app, String timeZoneId) {
        app.admin();
        return signedInPage(app, TestApp.ADMIN_EMAIL, TestApp.ADMIN_PASSWORD, timeZoneId);
    }

    /** A page with the session cookie of this user (signed in over HTTP, as the sign-in form would). */
    public Page signedInPage(TestApp app, String email, String password) {
        return signedInPage(app, email, password, null);
    }

    private Page signedInPage(TestApp app, String email, String password, String timeZoneId) {
        String cookie = app.signIn(email, password)[0];
        var options = new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1440, 900);
        if (timeZoneId != null) options.setTimezoneId(timeZoneId);
        var context = browser.newContext(options);
        context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("sb_session", cookie.substring(cookie.indexOf('=') + 1))
                .setUrl(app.base().toString())));
        return context.newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
