package io.github.luciajooq.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.testing.HostileHeaders;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.RawHttp;
import io.github.luciajooq.testing.ServletContainer;
import io.github.luciajooq.testing.TestClock;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
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
    private Lucia<String, Map<String, Object>, Map<String, Object>> lucia;
    private SessionFilter<String, Map<String, Object>, Map<String, Object>> filter;
    private ServletContainer.Running running;
    private SessionToken token;

    @BeforeEach
    void start(TestDatabase database) {
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        lucia = Lucia.builder(PostgresAdapter.create(database.dsl())).clock(clock).build();
        filter = SessionFilter.create(lucia);
        running = container.start(filter, new Application());
        token = lucia.createSession("user-1", Map.of()).token();
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
            refused.add(List.of(method));
        }
        for (List<String> request : refused) {
            List<String> headers = new ArrayList<>(List.of("Cookie", cookie()));
            headers.addAll(request.subList(1, request.size()));
            HttpResponse<String> response = send(request.get(0), "/action", headers.toArray(String[]::new));

            assertThat(response.statusCode()).as(request.toString()).isEqualTo(403);
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
    void theAllowedHostsReplaceTheRequestsOwnHost() {
        running.close();
        filter = SessionFilter.builder(lucia).allowedHosts(List.of("https://app.example")).build();
        running = container.start(filter, new Application());

        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", origin()).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/action", "Cookie", cookie(), "Origin", "https://app.example").statusCode())
                .isEqualTo(200);
        assertThat(actionsRun).hasValue(1);
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
    void theBuilderRefusesMissingOrBlankHostsNamingThem() {
        assertThatThrownBy(() -> SessionFilter.create(null)).hasMessageContaining("lucia");
        assertThatThrownBy(() -> SessionFilter.builder(lucia).allowedHosts(null)).hasMessageContaining("hosts");
        assertThatThrownBy(() -> SessionFilter.builder(lucia).allowedHosts(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hosts");
    }
}
