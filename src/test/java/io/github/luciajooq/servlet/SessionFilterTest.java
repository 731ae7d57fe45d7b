package io.github.luciajooq.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.CookieSession;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.http.CrossOriginProtection;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.testing.HostileHeaders;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.RawHttp;
import io.github.luciajooq.testing.ServletContainer;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.token.SessionToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter in a real container, on a real PostgreSQL, driven over HTTP: which requests reach the application,
 * what it sees of the session, and which {@code Set-Cookie} headers come back.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(ServletContainer.class)
@ExtendWith(PostgresDatabaseExtension.class)
class SessionFilterTest {

    @Parameter
    ServletContainer container;

    private final TestClock clock = TestClock.standard();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger actionsRun = new AtomicInteger();
    /** Every statement the session store runs: a jOOQ execute listener on the adapter's configuration. */
    private final AtomicInteger statements = new AtomicInteger();
    private DSLContext countedDsl;
    private Lucia<String, Map<String, Object>, Map<String, Object>> lucia;
    private SessionFilter<String, Map<String, Object>, Map<String, Object>> filter;
    private ServletContainer.Running running;
    private SessionToken token;

    @BeforeEach
    void start(TestDatabase database) {
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        countedDsl = database.dsl().configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext context) {
                statements.incrementAndGet();
            }
        })).dsl();
        lucia = Lucia.builder(PostgresAdapter.create(countedDsl)).clock(clock).build();
        filter = SessionFilter.create(lucia);
        running = container.start(filter, new Application());
        token = lucia.createSession("user-1", Map.of()).token();
    }

    private void restart(SessionFilter<String, Map<String, Object>, Map<String, Object>> newFilter) {
        running.close();
        filter = newFilter;
        running = container.start(filter, new Application());
    }

    @AfterEach
    void stop() {
        running.close();
    }

    /** What the application behind the filter does: says who is signed in, runs an action, signs in and out. */
    private final class Application extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            switch (request.getMethod() + " " + request.getRequestURI()) {
                case "GET /no-session" -> {
                    response.getWriter().write("asked nothing");
                    return;
                }
                case "GET /twice" -> filter.sessionAndUser(request);
                case "POST /action" -> actionsRun.incrementAndGet();
                case "POST /sign-in" -> {
                    NewSession<String, Map<String, Object>> created = lucia.createSession("user-1", Map.of());
                    filter.signIn(response, created);
                }
                case "POST /sign-out" -> filter.signOut(request, response);
                default -> { }
            }
            response.setContentType("text/plain");
            response.getWriter().write(filter.sessionAndUser(request)
                    .map(found -> "user " + found.user().id() + (found.session().fresh() ? ", fresh" : ""))
                    .orElse("anonymous"));
        }
    }

    private String origin() {
        return "http://localhost:" + running.port();
    }

    private HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofMinutes(1));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }

    private String cookie() {
        return "auth_session=" + token.value();
    }

    private static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    @Test
    void aRequestWithoutACookieIsAnonymousAndGetsNoCookie() {
        HttpResponse<String> response = send("GET", "/");

        assertThat(response.body()).isEqualTo("anonymous");
        assertThat(setCookies(response)).isEmpty();
    }

    @Test
    void aValidCookieGivesTheApplicationItsSessionAndUserAndNoNewCookie() {
        HttpResponse<String> response = send("GET", "/", "Cookie", "theme=dark; " + cookie());

        assertThat(response.body()).isEqualTo("user user-1");
        assertThat(setCookies(response)).isEmpty();
    }

    @Test
    void aSessionRenewedInTheRenewalWindowSendsTheSameTokenInANewCookie() {
        clock.advance(Duration.ofDays(16));

        HttpResponse<String> response = send("GET", "/", "Cookie", cookie());

        assertThat(response.body()).isEqualTo("user user-1, fresh");
        assertThat(setCookies(response)).containsExactly(lucia.createSessionCookie(token).serialize());
        assertThat(setCookies(response).get(0)).contains("Max-Age=2592000", "HttpOnly", "SameSite=Lax", "Path=/");
    }

    @Test
    void aCookieThatIsNotAValidSessionIsClearedWhateverItHolds() {
        String forged = "auth_session=" + SessionToken.generate().value();
        String expiredLater = cookie();
        for (String cookieHeader : List.of(forged, "auth_session=not a token", "auth_session=%ZZ", "auth_session=")) {
            HttpResponse<String> response = send("GET", "/", "Cookie", cookieHeader);

            assertThat(response.body()).as(cookieHeader).isEqualTo("anonymous");
            assertThat(setCookies(response)).as(cookieHeader)
                    .containsExactly(lucia.createBlankSessionCookie().serialize());
        }
        clock.advance(Duration.ofDays(31));
        assertThat(setCookies(send("GET", "/", "Cookie", expiredLater)))
                .containsExactly(lucia.createBlankSessionCookie().serialize());
    }

    @Test
    void aStateChangingRequestFromAnotherOriginIsRefusedBeforeTheApplicationRuns() {
        List<List<String>> refused = new ArrayList<>();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            refused.add(List.of(method, "Origin", "https://attacker.example"));
            refused.add(List.of(method, "Origin", "null"));
            refused.add(List.of(method, "Origin", "http://localhost:" + (running.port() + 1)));
            refused.add(List.of(method, "Sec-Fetch-Site", "cross-site"));
            refused.add(List.of(method, "Sec-Fetch-Site", "same-site", "Origin", origin()));
            refused.add(List.of(method, "Sec-Fetch-Site", "garbage", "Origin", origin()));
        }
        for (List<String> request : refused) {
            List<String> headers = new ArrayList<>(List.of("Cookie", cookie()));
            headers.addAll(request.subList(1, request.size()));
            HttpResponse<String> response = send(request.get(0), "/action", headers.toArray(String[]::new));

            assertThat(response.statusCode()).as(request.toString()).isEqualTo(403);
            assertThat(response.body()).as(request.toString()).isEqualTo("Cross-origin request refused.\n");
            assertThat(response.headers().firstValue("Cache-Control")).as(request.toString()).hasValue("no-store");
            assertThat(setCookies(response)).as(request.toString()).isEmpty();
        }
        assertThat(actionsRun).hasValue(0);
        assertThat(lucia.validateSession(token)).isPresent();
    }

    @Test
    void aStateChangingRequestFromItsOwnOriginRuns() {
        HttpResponse<String> response = send("POST", "/action", "Cookie", cookie(), "Origin", origin());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("user user-1");
        assertThat(actionsRun).hasValue(1);
    }

    @Test
    void aBrowserThatSaysSameOriginOrNoneRunsWhateverTheHost() {
        assertThat(send("POST", "/action", "Cookie", cookie(), "Sec-Fetch-Site", "same-origin",
                "Origin", "https://public.example").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/action", "Cookie", cookie(), "Sec-Fetch-Site", "none").statusCode()).isEqualTo(200);
        assertThat(actionsRun).hasValue(2);
    }

    @Test
    void aRequestWithNeitherOriginNorSecFetchSiteIsNoBrowsersAndRunsUnderGosRuleButNotLuciaV3s() {
        assertThat(send("POST", "/action", "Cookie", cookie()).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/action").statusCode()).isEqualTo(200);
        assertThat(actionsRun).hasValue(1);

        restart(SessionFilter.builder(lucia)
                .crossOriginProtection(CrossOriginProtection.builder().luciaV3Rule(true).build()).build());

        assertThat(send("POST", "/action", "Cookie", cookie()).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/action", "Cookie", cookie(), "Sec-Fetch-Site", "same-origin").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", origin()).statusCode()).isEqualTo(200);
        assertThat(actionsRun).hasValue(2);
    }

    @Test
    void trustedOriginsPassWhereTheRuleRefusesAndLuciaV3sReplaceTheHost() {
        restart(SessionFilter.builder(lucia).crossOriginProtection(CrossOriginProtection.builder()
                .trustedOrigins(List.of("https://app.example")).build()).build());

        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", "https://app.example",
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", origin()).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", "https://other.example",
                "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);

        restart(SessionFilter.builder(lucia).crossOriginProtection(CrossOriginProtection.builder().luciaV3Rule(true)
                .trustedOrigins(List.of("https://app.example")).build()).build());

        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", origin()).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", "https://app.example").statusCode())
                .isEqualTo(200);
        assertThat(actionsRun).hasValue(3);
    }

    @Test
    void behindAProxyThatRewritesHostTheForwardedHostIsReadOnlyWhenConfigured() {
        String[] proxied = {"Cookie", cookie(), "Origin", "https://app.example", "X-Forwarded-Host", "app.example"};
        assertThat(send("POST", "/action", proxied).statusCode()).isEqualTo(403);

        restart(SessionFilter.builder(lucia)
                .crossOriginProtection(CrossOriginProtection.builder().forwardedHost(true).build()).build());

        assertThat(send("POST", "/action", proxied).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", "https://evil.example",
                "X-Forwarded-Host", "app.example").statusCode()).isEqualTo(403);
        assertThat(actionsRun).hasValue(1);
    }

    @Test
    void theRefusalBodyIsTheApplications() {
        restart(SessionFilter.builder(lucia).refusal("text/html;charset=UTF-8", "<p>Refused. <a href=\"/\">Back</a>")
                .build());

        HttpResponse<String> response = send("POST", "/action", "Sec-Fetch-Site", "cross-site");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(response.body()).isEqualTo("<p>Refused. <a href=\"/\">Back</a>");
    }

    @Test
    void aBearerTokenIsValidatedAndExemptFromTheOriginCheckAndGetsNoCookie() {
        clock.advance(Duration.ofDays(16));

        HttpResponse<String> response = send("POST", "/action", "Authorization", "Bearer " + token.value(),
                "Origin", "https://elsewhere.example", "Cookie", "auth_session=" + SessionToken.generate().value());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("user user-1, fresh");
        assertThat(setCookies(response)).isEmpty();
        assertThat(actionsRun).hasValue(1);
    }

    @Test
    void aMalformedBearerHeaderGetsNoExemption() {
        HttpResponse<String> response = send("POST", "/action", "Authorization", "Bearer " + token.value() + " x",
                "Cookie", cookie(), "Origin", "https://elsewhere.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(actionsRun).hasValue(0);
    }

    @Test
    void signInSendsTheNewSessionsCookie() {
        HttpResponse<String> response = send("POST", "/sign-in", "Origin", origin());

        assertThat(setCookies(response)).singleElement().satisfies(header -> {
            String value = header.substring("auth_session=".length(), header.indexOf(';'));
            assertThat(lucia.validateSession(SessionToken.parse(value).orElseThrow())).isPresent();
        });
    }

    @Test
    void signOutInvalidatesTheSessionAndClearsTheCookie() {
        HttpResponse<String> response = send("POST", "/sign-out", "Cookie", cookie(), "Origin", origin());

        assertThat(response.body()).isEqualTo("anonymous");
        assertThat(setCookies(response)).containsExactly(lucia.createBlankSessionCookie().serialize());
        assertThat(lucia.validateSession(token)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void noHeaderAClientSendsMakesAServerErrorOrEndsTheSession(long seed) {
        List<String> fragments = new ArrayList<>(HostileHeaders.FRAGMENTS);
        fragments.addAll(List.of(token.value(), token.value().substring(0, 20), token.value() + "%00", origin(),
                "http://", "null", "Bearer " + token.value().toUpperCase()));
        Random random = new Random(seed);
        List<String> names = List.of("Cookie", "Authorization", "Origin", "Host", "X-Forwarded-Host");

        for (int request = 0; request < 150; request++) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int header = random.nextInt(4); header >= 0; header--) {
                headers.put(names.get(random.nextInt(names.size())), HostileHeaders.header(random, fragments));
            }
            String method = random.nextBoolean() ? "GET" : "POST";

            int status = RawHttp.status(running.port(), method, random.nextBoolean() ? "/" : "/action", headers);

            assertThat(status).as("%s %s", method, headers).isLessThan(500);
        }
        assertThat(lucia.validateSession(token)).as("the real session, never signed out").isPresent();
    }

    @Test
    void theBuilderRefusesMissingArgumentsAndBadPatternsNamingThem() {
        assertThatThrownBy(() -> SessionFilter.create(null)).hasMessageContaining("lucia");
        assertThatThrownBy(() -> SessionFilter.builder(lucia).crossOriginProtection(null))
                .hasMessageContaining("protection");
        assertThatThrownBy(() -> SessionFilter.builder(lucia).exclude(null)).hasMessageContaining("requests");
        assertThatThrownBy(() -> SessionFilter.builder(lucia).excludePaths(null)).hasMessageContaining("patterns");
        for (String bad : List.of("", "static/*", "/a/*/b", "*.", "/a*", "*.css/x")) {
            assertThatThrownBy(() -> SessionFilter.builder(lucia).excludePaths(List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patterns");
        }
        assertThatThrownBy(() -> SessionFilter.builder(lucia).refusal(null, "")).hasMessageContaining("contentType");
    }

    // Scoping: a request costs a database round trip only when something asks for its session.

    @Test
    void aRequestThatNeverAsksForItsSessionRunsNoStatement() {
        statements.set(0);

        HttpResponse<String> response = send("GET", "/no-session", "Cookie", cookie());

        assertThat(response.body()).isEqualTo("asked nothing");
        assertThat(statements).hasValue(0);
        assertThat(setCookies(response)).isEmpty();
    }

    @Test
    void aRequestThatAsksTwiceRunsOneStatement() {
        statements.set(0);

        HttpResponse<String> response = send("GET", "/twice", "Cookie", cookie());

        assertThat(response.body()).isEqualTo("user user-1");
        assertThat(statements).hasValue(1);
    }

    @Test
    void excludedPathsAndRequestsHaveNoSessionAndRunNoStatement() {
        restart(SessionFilter.builder(lucia).excludePaths(List.of("/static/*", "*.css", "/health"))
                .exclude(request -> "probe".equals(request.getHeader("X-Kind"))).build());
        statements.set(0);

        for (String path : List.of("/static/app.js", "/static", "/theme.css", "/health", "/static/../static/x")) {
            HttpResponse<String> response = send("GET", path, "Cookie", cookie());
            assertThat(response.body()).as(path).isEqualTo("anonymous");
            assertThat(setCookies(response)).as(path).isEmpty();
        }
        assertThat(send("GET", "/", "Cookie", cookie(), "X-Kind", "probe").body()).isEqualTo("anonymous");
        assertThat(send("GET", "/", "Cookie", "auth_session=" + SessionToken.generate().value(), "X-Kind", "probe")
                .headers().allValues("Set-Cookie")).as("no blank cookie for an excluded request").isEmpty();
        assertThat(statements).hasValue(0);

        assertThat(send("GET", "/healthy", "Cookie", cookie()).body()).isEqualTo("user user-1");
        assertThat(send("GET", "/staticx", "Cookie", cookie()).body()).isEqualTo("user user-1");
        assertThat(statements).hasValue(2);
    }

    @Test
    void anExcludedStateChangingRequestIsStillCheckedForItsOrigin() {
        restart(SessionFilter.builder(lucia).excludePaths(List.of("/*")).build());

        assertThat(send("POST", "/action", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(actionsRun).hasValue(0);
    }

    // Cookie tossing: a cookie planted next to the real one neither hides it nor gets it removed.

    @Test
    void aPlantedCookieBeforeTheRealOneDoesNotHideItOrGetItCleared() {
        String planted = "auth_session=" + SessionToken.generate().value();
        for (String header : List.of(planted + "; " + cookie(), cookie() + "; " + planted,
                planted + "; auth_session=garbage!; " + planted + "; " + cookie())) {
            HttpResponse<String> response = send("GET", "/", "Cookie", header);

            assertThat(response.body()).as(header).isEqualTo("user user-1");
            assertThat(setCookies(response)).as(header).isEmpty();
        }
        assertThat(lucia.validateSession(token)).isPresent();
    }

    @Test
    void moreCandidatesThanAreTriedGetNoBlankCookieSoTheUntriedOneSurvives() {
        StringBuilder header = new StringBuilder();
        for (int planted = 0; planted < 3; planted++) {
            header.append("auth_session=").append(SessionToken.generate().value()).append("; ");
        }
        statements.set(0);

        HttpResponse<String> response = send("GET", "/", "Cookie", header + cookie());

        assertThat(response.body()).isEqualTo("anonymous");
        assertThat(setCookies(response)).as("the real cookie, untried, is not removed").isEmpty();
        assertThat(statements).as("three lookups at most").hasValue(3);
    }

    @Test
    void severalCookiesNoneValidAllTriedGetTheBlankCookie() {
        String header = "auth_session=" + SessionToken.generate().value() + "; auth_session="
                + SessionToken.generate().value();

        HttpResponse<String> response = send("GET", "/", "Cookie", header);

        assertThat(response.body()).isEqualTo("anonymous");
        assertThat(setCookies(response)).containsExactly(lucia.createBlankSessionCookie().serialize());
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(CookieSession.CACHE_CONTROL);
    }

    @Test
    void aHostPrefixedCookieNameIsReadAndACookieWithoutThePrefixIsIgnored(TestDatabase database) {
        Lucia<String, Map<String, Object>, Map<String, Object>> hostLucia = Lucia.builder(
                PostgresAdapter.create(database.dsl())).clock(clock).sessionCookieName("__Host-auth_session").build();
        lucia = hostLucia;
        restart(SessionFilter.create(hostLucia));

        HttpResponse<String> response = send("GET", "/", "Cookie", "auth_session=" + token.value()
                + "; __Host-auth_session=" + token.value());
        assertThat(response.body()).isEqualTo("user user-1");
        assertThat(send("GET", "/", "Cookie", cookie()).body()).as("a planted cookie without the prefix")
                .isEqualTo("anonymous");

        HttpResponse<String> signedIn = send("POST", "/sign-in", "Origin", origin());
        assertThat(setCookies(signedIn)).singleElement().satisfies(header -> assertThat(header)
                .startsWith("__Host-auth_session=").contains("; Path=/;").endsWith("; Secure")
                .doesNotContain("Domain"));
    }

    // Renewal that survives a lost response.

    /** A browser's cookie jar for the session cookie, with expiry by the test's clock. */
    private final class Jar {
        private String value;
        private Instant expiresAt;

        Jar(String value, Duration maxAge) {
            this.value = value;
            this.expiresAt = clock.instant().plus(maxAge);
        }

        String header() {
            return clock.instant().isBefore(expiresAt) ? "auth_session=" + value : "";
        }

        void receive(HttpResponse<?> response) {
            for (String header : setCookies(response)) {
                String maxAge = header.replaceAll(".*Max-Age=(\\d+).*", "$1");
                value = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
                expiresAt = clock.instant().plusSeconds(Long.parseLong(maxAge));
            }
        }
    }

    private HttpResponse<String> navigate(Jar jar) {
        return send("GET", "/", "Cookie", jar.header(), "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "none");
    }

    @Test
    void aLostRenewalResponseIsCaughtUpOnTheNextPageLoadAndTheUserStaysSignedInPastTheOldExpiry() {
        Jar browser = new Jar(token.value(), Duration.ofDays(30));
        clock.advance(Duration.ofDays(16));
        assertThat(navigate(browser).body()).as("renewed; this response is lost").isEqualTo("user user-1, fresh");

        clock.advance(Duration.ofDays(1));
        HttpResponse<String> caughtUp = navigate(browser);
        browser.receive(caughtUp);

        assertThat(caughtUp.body()).isEqualTo("user user-1");
        assertThat(setCookies(caughtUp)).singleElement().satisfies(header -> assertThat(header)
                .startsWith(cookie() + ";").contains("Max-Age=" + Duration.ofDays(29).getSeconds()));
        assertThat(caughtUp.headers().firstValue("Cache-Control")).hasValue(CookieSession.CACHE_CONTROL);
        clock.advance(Duration.ofDays(14));
        assertThat(navigate(browser).body()).as("day 31, past the lost cookie's expiry").startsWith("user user-1");
    }

    @Test
    void withoutTheCatchUpTheSameLostResponseSignsTheUserOutEarly() {
        Jar browser = new Jar(token.value(), Duration.ofDays(30));
        clock.advance(Duration.ofDays(16));
        navigate(browser);
        clock.advance(Duration.ofDays(1));
        // Not a page load: an image or an API call does not get the cookie again.
        HttpResponse<String> subresource = send("GET", "/", "Cookie", browser.header(), "Sec-Fetch-Mode", "no-cors");
        browser.receive(subresource);

        assertThat(setCookies(subresource)).isEmpty();
        clock.advance(Duration.ofDays(14));
        assertThat(navigate(browser).body()).isEqualTo("anonymous");
        assertThat(lucia.validateSession(token)).as("the session itself lives on").isPresent();
    }

    @Test
    void aPageLoadGetsTheCookieAgainOnlyWhileABrowsersCopyMayLag() {
        clock.advance(Duration.ofDays(14).plusHours(23));
        assertThat(setCookies(navigate(new Jar(token.value(), Duration.ofDays(30))))).as("issued under 15 days ago")
                .hasSize(1);
        clock.advance(Duration.ofHours(2));
        // 15 days and 1 hour after it was issued, the cookie is in the renewal window: renewed, a full lifetime.
        assertThat(setCookies(navigate(new Jar(token.value(), Duration.ofDays(30))))).singleElement()
                .satisfies(header -> assertThat(header).contains("Max-Age=2592000"));

        running.close();
        lucia = Lucia.builder(PostgresAdapter.create(countedDsl)).clock(clock).sessionCookieExpires(false).build();
        running = container.start(filter = SessionFilter.create(lucia), new Application());
        assertThat(setCookies(navigate(new Jar(token.value(), Duration.ofDays(30))))).as("a cookie of 400 days")
                .isEmpty();
    }

    @Test
    void everyResponseThatSetsTheCookieIsPrivateAndNotStored() {
        clock.advance(Duration.ofDays(16));
        List<HttpResponse<String>> responses = List.of(send("GET", "/", "Cookie", cookie()),
                send("POST", "/sign-in", "Origin", origin()),
                send("POST", "/sign-out", "Cookie", cookie(), "Origin", origin()),
                send("GET", "/", "Cookie", "auth_session=x"));
        for (HttpResponse<String> response : responses) {
            assertThat(setCookies(response)).as(response.uri().toString()).hasSize(1);
            assertThat(response.headers().firstValue("Cache-Control")).as(response.uri().toString())
                    .hasValue(CookieSession.CACHE_CONTROL);
        }
    }
}
