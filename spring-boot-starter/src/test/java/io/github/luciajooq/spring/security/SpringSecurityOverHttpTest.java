package io.github.luciajooq.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.spring.testing.Browser;
import io.github.luciajooq.spring.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Security 7 on lucia-jooq sessions, end to end over HTTP on a random port: form login, the application's
 * own sign-in endpoint, logout, {@code @AuthenticationPrincipal}, CSRF, bearer tokens, and {@code @SignedIn}.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringSecurityOverHttpTest {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerNewDatabase(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    private Browser browser;

    @BeforeEach
    void newBrowserAndNoSessions() {
        browser = new Browser(port);
        dsl.deleteFrom(DSL.table("user_session")).execute();
    }

    private int sessionsOf(String userId) {
        return dsl.fetchCount(DSL.table("user_session"), DSL.field("user_id").eq(userId));
    }

    private void signInWithFormLogin() {
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = HIDDEN_CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login page's CSRF field").isTrue();
        HttpResponse<String> signedIn = browser.post("/login",
                Map.of("username", "ann", "password", SecuredApplication.PASSWORD, "_csrf", csrf.group(1)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("error"));
    }

    private String csrfToken() {
        HttpResponse<String> response = browser.get("/public/csrf");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void formLoginKeepsTheSecurityContextInALuciaSessionAndNoHttpSession() {
        assertThat(browser.get("/private").statusCode()).isEqualTo(302);

        signInWithFormLogin();

        assertThat(browser.cookies()).containsKey("auth_session");
        assertThat(sessionsOf("ann")).isOne();
        HttpResponse<String> home = browser.get("/private");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).isEqualTo("hello ann [ROLE_USER]");
        assertThat(browser.cookieNamesSet()).doesNotContain("JSESSIONID");
    }

    @Test
    void logoutInvalidatesTheSessionInTheDatabase() {
        signInWithFormLogin();
        String cookie = browser.cookies().get("auth_session");

        HttpResponse<String> loggedOut = browser.post("/logout", Map.of("_csrf", csrfToken()));

        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(browser.cookies()).doesNotContainKey("auth_session");
        assertThat(sessionsOf("ann")).isZero();
        // The old cookie is worth nothing now, not only forgotten by this browser.
        assertThat(new Browser(port).get("/private", "Cookie", "auth_session=" + cookie).statusCode())
                .isEqualTo(302);
    }

    @Test
    void csrfProtectionStaysOnForCookieAuthenticatedRequests() {
        signInWithFormLogin();

        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.post("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);

        assertThat(sessionsOf("ann")).isOne();
        assertThat(browser.get("/private").statusCode()).isEqualTo(200);
    }

    @Test
    void aCrossSitePostIsRefusedBySessionFilterBeforeSpringSecurity() {
        HttpResponse<String> refused = browser.post("/public/sign-in",
                Map.of("username", "ann", "password", SecuredApplication.PASSWORD), "Sec-Fetch-Site", "cross-site");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("Cross-origin request refused.\n");
        assertThat(sessionsOf("ann")).isZero();
    }

    @Test
    void signInAtTheApplicationsOwnEndpointCreatesASession() {
        HttpResponse<String> signedIn = browser.post("/public/sign-in",
                Map.of("username", "ann", "password", SecuredApplication.PASSWORD, "_csrf", csrfToken()));

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(
                cookie -> assertThat(cookie).startsWith("auth_session=").contains("HttpOnly", "Secure"));
        assertThat(browser.get("/private").body()).isEqualTo("hello ann [ROLE_USER]");
    }

    @Test
    void signingInAgainReplacesTheRequestsSession() {
        signInWithFormLogin();
        String first = browser.cookies().get("auth_session");

        browser.post("/public/sign-in",
                Map.of("username", "ann", "password", SecuredApplication.PASSWORD, "_csrf", csrfToken()));

        assertThat(browser.cookies().get("auth_session")).isNotNull().isNotEqualTo(first);
        assertThat(sessionsOf("ann")).isOne();
        assertThat(new Browser(port).get("/private", "Cookie", "auth_session=" + first).statusCode())
                .isEqualTo(302);
    }

    @Test
    void aBearerTokenAuthenticatesWithoutCookiesAndNeedsNoCsrfToken() {
        signInWithFormLogin();
        HttpResponse<String> issued = browser.post("/api/token", Map.of("_csrf", csrfToken()));
        assertThat(issued.statusCode()).isEqualTo(200);
        String token = issued.body();

        Browser apiClient = new Browser(port);
        HttpResponse<String> home = apiClient.get("/private", "Authorization", "Bearer " + token);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).isEqualTo("hello ann [ROLE_USER]");
        assertThat(apiClient.post("/api/token", Map.of(), "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        assertThat(apiClient.cookieNamesSet()).doesNotContain("auth_session", "JSESSIONID");
        assertThat(apiClient.get("/private", "Authorization", "Bearer " + token.replace('a', 'b') + "x")
                .statusCode()).isIn(302, 401);
    }

    @Test
    void aSignedInParameterIsTheSessionOr401() {
        assertThat(browser.get("/public/me").statusCode()).isEqualTo(401);
        assertThat(browser.get("/public/maybe").body()).isEqualTo("anonymous");

        signInWithFormLogin();

        assertThat(browser.get("/public/me").body()).isEqualTo("user ann");
        assertThat(browser.get("/public/maybe").body()).isEqualTo("signed in as ann");
    }
}
