package io.github.luciajooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.http.CrossOriginProtection;
import io.github.luciajooq.http.RequestHeaders;
import io.github.luciajooq.postgresql.AsyncPostgresAdapter;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.token.SessionToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request cycle without a servlet container: {@link CrossOriginProtection} and
 * {@link AsyncLucia#validateSessionCookies} in a handler of Jetty 12's core API (asynchronous, no Servlet API), on
 * the non-blocking adapter over R2DBC, as a WebFlux {@code WebFilter} or any HTTP server would call them.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class NonServletRequestCycleTest {

    private final TestClock clock = TestClock.standard();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final CrossOriginProtection protection = CrossOriginProtection.create();
    private AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia;
    private Server server;
    private SessionToken token;

    @BeforeEach
    void start(TestDatabase database) throws Exception {
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        lucia = AsyncLucia.builder(AsyncPostgresAdapter.create(database.connectionFactory())).clock(clock).build();
        token = lucia.createSession("user-1", Map.of()).toCompletableFuture().join().token();
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                HttpFields headers = request.getHeaders();
                if (!protection.allows(request.getMethod(), headers::get)) {
                    response.setStatus(403);
                    Content.Sink.write(response, true, "refused", callback);
                    return true;
                }
                List<String> cookies = headers.getValuesList("Cookie");
                boolean navigation = RequestHeaders.isNavigation(request.getMethod(), headers.get("Sec-Fetch-Mode"),
                        headers.get("Accept"));
                lucia.validateSessionCookies(cookies.isEmpty() ? null : String.join("; ", cookies), navigation)
                        .whenComplete((found, failure) -> {
                            if (failure != null) {
                                Response.writeError(request, response, callback, failure);
                                return;
                            }
                            found.setCookie().ifPresent(cookie -> {
                                response.getHeaders().add("Set-Cookie", cookie.serialize());
                                response.getHeaders().put("Cache-Control", CookieSession.CACHE_CONTROL);
                            });
                            Content.Sink.write(response, true, found.sessionAndUser()
                                    .map(valid -> "user " + valid.user().id()).orElse("anonymous"), callback);
                        });
                return true;
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(String method, String... headers) throws IOException, InterruptedException {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRealSessionIsFoundBehindAPlantedCookieAndNothingIsCleared() throws Exception {
        HttpResponse<String> response = send("GET", "Cookie", "auth_session=" + SessionToken.generate().value()
                + "; auth_session=" + token.value());

        assertThat(response.body()).isEqualTo("user user-1");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aCrossSitePostIsRefusedAndOneWithoutBrowserHeadersPasses() throws Exception {
        assertThat(send("POST", "Sec-Fetch-Site", "cross-site", "Cookie", "auth_session=" + token.value())
                .statusCode()).isEqualTo(403);
        assertThat(send("POST", "Cookie", "auth_session=" + token.value()).body()).isEqualTo("user user-1");
    }

    @Test
    void aRenewedSessionAndAnInvalidCookieGetTheirCookiesPrivately() throws Exception {
        clock.advance(Duration.ofDays(16));
        HttpResponse<String> renewed = send("GET", "Cookie", "auth_session=" + token.value());
        HttpResponse<String> invalid = send("GET", "Cookie", "auth_session=" + SessionToken.generate().value());

        assertThat(renewed.headers().allValues("Set-Cookie")).containsExactly(
                lucia.createSessionCookie(token).serialize());
        assertThat(invalid.headers().allValues("Set-Cookie")).containsExactly(
                lucia.createBlankSessionCookie().serialize());
        for (HttpResponse<String> response : List.of(renewed, invalid)) {
            assertThat(response.headers().firstValue("Cache-Control")).hasValue(CookieSession.CACHE_CONTROL);
        }
    }
}
