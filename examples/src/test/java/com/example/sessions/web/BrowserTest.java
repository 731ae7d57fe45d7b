package com.example.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.sessions.Application;
import com.example.sessions.DemoDatabase;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.AbstractInstantAssert;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The demo in a real browser: headless Chromium, one profile per device, against the demo on Jetty and an embedded
 * PostgreSQL. Without Chromium and chromedriver the class is skipped, except under CI ({@code CI=true}), where it
 * fails.
 */
class BrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final AtomicInteger USERS = new AtomicInteger();

    private static final MovableClock clock = new MovableClock();
    private static DemoDatabase database;
    private static WebServer demo;
    private static Server otherSite;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.installed() || "true".equals(System.getenv("CI")),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        database = DemoDatabase.forTests();
        demo = WebServer.start(Application.start(database.pool(), clock), 0);
        base = "http://localhost:" + demo.port();
        otherSite = otherSite(base);
    }

    @AfterAll
    static void stop() throws Exception {
        if (otherSite != null) {
            otherSite.stop();
        }
        if (demo != null) {
            demo.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void clockIsNow() {
        clock.reset();
    }

    /**
     * Another origin of the same site (same host, another port), so that the browser sends the {@code SameSite=Lax}
     * cookie with its form's POST: only the origin check stands between that form and the demo.
     */
    private static Server otherSite(String target) throws Exception {
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/html;charset=UTF-8");
                if (request.getRequestURI().equals("/frame")) {
                    response.getWriter().write("<!DOCTYPE html><title>Win a prize</title>"
                            + "<iframe id=\"demo\" src=\"" + target + "/sign-in\" width=\"600\" height=\"400\"></iframe>");
                    return;
                }
                response.getWriter().write("<!DOCTYPE html><title>Win a prize</title>"
                        + "<form method=\"post\" action=\"" + target + "/sign-out-everywhere\">"
                        + "<button id=\"prize\" type=\"submit\">Claim your prize</button></form>");
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        return server;
    }

    /** The other page on the same site: same host, another port. */
    private static String otherSiteUrl() {
        return "http://localhost:" + ((ServerConnector) otherSite.getConnectors()[0]).getLocalPort() + "/";
    }

    /** The same page on another site: 127.0.0.1 is not localhost to a browser. */
    private static String crossSiteUrl(String path) {
        return "http://127.0.0.1:" + ((ServerConnector) otherSite.getConnectors()[0]).getLocalPort() + path;
    }

    private static String newUsername() {
        return "user-" + USERS.incrementAndGet();
    }

    private static AbstractInstantAssert<?> assertExpiry(Cookie cookie) {
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie.getExpiry()).as("the session cookie's expiry (none: a cookie for this browser session only)")
                .isNotNull();
        return assertThat(cookie.getExpiry().toInstant()).as("the session cookie's expiry");
    }

    @Test
    void signingUpSetsAnHttpOnlyLaxCookieForTheWholeSiteThatLastsTheSessionsLifetime() {
        try (Browser browser = new Browser(base)) {
            String username = newUsername();
            Instant before = Instant.now();

            browser.signUp(username, PASSWORD);
            Instant after = Instant.now();

            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text(By.id("username"))).isEqualTo(username);
            Cookie cookie = browser.sessionCookie();
            assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
            assertThat(cookie.getPath()).isEqualTo("/");
            // Max-Age=2592000: the browser's expiry is the response's time plus 30 days, to the second.
            assertExpiry(cookie).isBetween(before.plus(LIFETIME).minusSeconds(1), after.plus(LIFETIME).plusSeconds(1));
        }
    }

    @Test
    void aReloadKeepsTheUserSignedInAndSignOutClearsTheCookieUntilTheNextSignIn() {
        try (Browser browser = new Browser(base)) {
            String username = newUsername();
            browser.signUp(username, PASSWORD);

            browser.reload();
            assertThat(browser.text(By.id("username"))).isEqualTo(username);

            browser.click(By.id("sign-out"));
            assertThat(browser.path()).isEqualTo("/sign-in");
            assertThat(browser.sessionCookie()).isNull();
            browser.open("/");
            assertThat(browser.path()).isEqualTo("/sign-in");

            browser.signIn(username, "wrong password");
            assertThat(browser.text(By.id("error"))).isEqualTo("Wrong username or password.");
            assertThat(browser.sessionCookie()).isNull();

            browser.signIn(username, PASSWORD);
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text(By.id("username"))).isEqualTo(username);
        }
    }

    @Test
    void inTheRenewalWindowTheBrowserReceivesACookieOfAFullLifetimeAndBeforeItOnlyTheSessionsOwnExpiry() {
        try (Browser browser = new Browser(base)) {
            Instant before = Instant.now();
            browser.signUp(newUsername(), PASSWORD);
            Instant after = Instant.now();
            Cookie issued = browser.sessionCookie();
            // The same cookie, as if most of its Max-Age had passed: only a new Set-Cookie moves its expiry again.
            Instant shortened = Instant.now().plus(Duration.ofHours(1));
            browser.replaceSessionCookie(new Cookie.Builder(issued.getName(), issued.getValue()).path("/")
                    .isHttpOnly(true).sameSite("Lax").expiresOn(Date.from(shortened)).build());

            browser.reload();
            assertExpiry(browser.sessionCookie()).as("before the renewal window: the session's expiry, no later")
                    .isBetween(before.plus(LIFETIME).minusSeconds(2), after.plus(LIFETIME).plusSeconds(1));

            clock.advance(Duration.ofDays(16));
            Instant renewedAt = Instant.now();
            browser.reload();

            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.sessionCookie().getValue()).as("the same session").isEqualTo(issued.getValue());
            assertExpiry(browser.sessionCookie()).as("a new cookie of a full lifetime")
                    .isAfterOrEqualTo(renewedAt.plus(LIFETIME).minusSeconds(1));
        }
    }

    @Test
    void aSecondDeviceRevokedFromTheFirstIsSignedOutOnItsNextRequest() {
        try (Browser laptop = new Browser(base); Browser phone = new Browser(base)) {
            String username = newUsername();
            laptop.signUp(username, PASSWORD);
            phone.signIn(username, PASSWORD);
            assertThat(phone.text(By.id("username"))).isEqualTo(username);

            laptop.reload();
            assertThat(laptop.count(By.cssSelector("tr.session"))).isEqualTo(2);
            assertThat(laptop.count(By.className("this-device"))).isEqualTo(1);
            assertThat(laptop.pageText()).contains("Chrome on Linux")
                    .containsAnyOf("127.0.0.1", "::1").doesNotContain("[").doesNotContain("0:0:0:0");
            assertThat(laptop.text(By.className("revoke"))).as("says which device it signs out")
                    .isEqualTo("Sign out Chrome on Linux");
            laptop.screenshot(Path.of("target", "screenshots", "home-page.png"));

            laptop.click(By.className("revoke"));
            assertThat(laptop.path()).isEqualTo("/");
            assertThat(laptop.count(By.cssSelector("tr.session"))).isEqualTo(1);

            phone.reload();
            assertThat(phone.path()).isEqualTo("/sign-in?ended");
            assertThat(phone.text(By.id("ended"))).as("told why").startsWith("Your session has ended");
            assertThat(phone.sessionCookie()).as("cleared by the blank cookie").isNull();
            laptop.reload();
            assertThat(laptop.text(By.id("username"))).isEqualTo(username);
        }
    }

    @Test
    void signOutEverywhereSignsOutEveryDevice() {
        try (Browser laptop = new Browser(base); Browser phone = new Browser(base)) {
            String username = newUsername();
            laptop.signUp(username, PASSWORD);
            phone.signIn(username, PASSWORD);

            phone.click(By.id("sign-out-everywhere"));

            assertThat(phone.path()).isEqualTo("/sign-in");
            laptop.reload();
            assertThat(laptop.path()).isEqualTo("/sign-in?ended");
            assertThat(laptop.sessionCookie()).isNull();
        }
    }

    @Test
    void aFormPostFromAnotherOriginIsRefusedAndChangesNothing() {
        try (Browser browser = new Browser(base)) {
            String username = newUsername();
            browser.signUp(username, PASSWORD);

            browser.openUrl(otherSiteUrl()).click(By.id("prize"));

            assertThat(browser.text(By.tagName("h1"))).isEqualTo("Request refused");
            browser.click(By.id("back"));
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text(By.id("username"))).isEqualTo(username);
        }
    }

    @Test
    void aFormPostFromAnotherSiteIsRefusedAndChangesNothing() {
        try (Browser browser = new Browser(base)) {
            String username = newUsername();
            browser.signUp(username, PASSWORD);

            browser.openUrl(crossSiteUrl("/")).click(By.id("prize"));

            assertThat(browser.text(By.tagName("h1"))).as("Sec-Fetch-Site: cross-site").isEqualTo("Request refused");
            browser.open("/");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text(By.id("username"))).isEqualTo(username);
        }
    }

    @Test
    void anotherSiteCannotFrameTheDemo() {
        try (Browser browser = new Browser(base)) {
            browser.openUrl(crossSiteUrl("/frame"));

            assertThat(browser.frameUrl("demo")).as("Chromium's error page in place of the demo")
                    .startsWith("chrome-error:");
        }
    }

    @Test
    void thePagesPassTheirContentSecurityPolicy() {
        try (Browser browser = new Browser(base)) {
            browser.open("/sign-in");
            // The inline style sheet applies only when the policy's hash allows it: max-width 46rem.
            assertThat(browser.bodyStyle("max-width")).isEqualTo("736px");
            browser.signUp(newUsername(), PASSWORD);
            assertThat(browser.bodyStyle("max-width")).isEqualTo("736px");
        }
    }

    @Test
    void aLostRenewalIsCaughtUpOnTheNextPageLoad() {
        try (Browser browser = new Browser(base)) {
            browser.signUp(newUsername(), PASSWORD);
            Cookie issued = browser.sessionCookie();
            clock.advance(Duration.ofDays(16));
            browser.reload();
            // The renewal's response lost: the browser keeps a cookie that expires before the session does.
            browser.replaceSessionCookie(new Cookie.Builder(issued.getName(), issued.getValue()).path("/")
                    .isHttpOnly(true).sameSite("Lax").expiresOn(Date.from(Instant.now().plus(Duration.ofHours(1))))
                    .build());

            clock.advance(Duration.ofDays(1));
            Instant caughtUpAt = Instant.now();
            browser.reload();

            assertThat(browser.path()).isEqualTo("/");
            assertExpiry(browser.sessionCookie()).as("the session's own expiry, 29 days on")
                    .isAfterOrEqualTo(caughtUpAt.plus(Duration.ofDays(29)).minusSeconds(2));
        }
    }

    @Test
    void aTamperedCookieGetsTheSignInPageAndABlankCookieNeverAnError() {
        try (Browser browser = new Browser(base)) {
            browser.signUp(newUsername(), PASSWORD);
            Cookie issued = browser.sessionCookie();
            String value = issued.getValue();
            for (String tampered : new String[] {value.substring(0, value.length() - 1) + (value.endsWith("a") ? "b" : "a"),
                    value + "x", "%00", "%27%3B%20delete%20from%20user_session%3B%20--"}) {
                browser.replaceSessionCookie(new Cookie.Builder(issued.getName(), tampered).path("/").build());

                browser.open("/");

                assertThat(browser.path()).as(tampered).isEqualTo("/sign-in?ended");
                assertThat(browser.text(By.tagName("h1"))).as(tampered).isEqualTo("Sign in");
                assertThat(browser.sessionCookie()).as(tampered).isNull();
            }
        }
    }
}
