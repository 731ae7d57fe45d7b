package com.example.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.sessions.DemoDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo's responses as HTTP sees them (headers, methods, the 403 page), and its launcher when the port is taken.
 */
class WebServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static LocalDemo demo;

    @BeforeAll
    static void start() throws IOException {
        demo = LocalDemo.start(DemoDatabase.forTests(), 0);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + demo.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyResponseForbidsFramingAndSniffingAndKeepsThePathOutOfReferers() throws Exception {
        List<HttpResponse<String>> responses = List.of(send("GET", "/sign-in"), send("GET", "/"),
                send("GET", "/no-such-page"), send("POST", "/sign-out", "Sec-Fetch-Site", "cross-site"),
                send("OPTIONS", "/"));
        for (HttpResponse<String> response : responses) {
            String what = response.request().method() + " " + response.uri() + " " + response.statusCode();
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp ->
                    assertThat(csp).contains("frame-ancestors 'none'", "default-src 'none'", "form-action 'self'")
                            .doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what)
                    .hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void aRefusedCrossSiteFormGetsASmallPageThatIsNotCachedAndLeadsBack() throws Exception {
        HttpResponse<String> response = send("POST", "/sign-out-everywhere", "Sec-Fetch-Site", "cross-site",
                "Origin", "https://attacker.example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).contains("<h1>Request refused</h1>", "href=\"/\"").hasSizeLessThan(4096);
    }

    @Test
    void headAndOptionsOfTheHomePageAreAnsweredNot404() throws Exception {
        HttpResponse<String> head = send("HEAD", "/");
        assertThat(head.statusCode()).isEqualTo(303);
        assertThat(head.headers().firstValue("Location")).hasValue("/sign-in");
        assertThat(head.body()).isEmpty();
        HttpResponse<String> signIn = send("HEAD", "/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).isEmpty();

        HttpResponse<String> options = send("OPTIONS", "/");
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
    }

    @Test
    void aBrowserWhoseSessionEndedIsSentToTheSignInPageWithAWordOfWhy() throws Exception {
        HttpResponse<String> ended = send("GET", "/", "Cookie", "auth_session=no-longer-a-session");
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location")).hasValue("/sign-in?ended");
        assertThat(send("GET", "/sign-in?ended").body()).contains("Your session has ended");
        assertThat(send("GET", "/sign-in").body()).doesNotContain("Your session has ended");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "[0:0:0:0:0:0:0:1]         | ::1",
        "0:0:0:0:0:0:0:1           | ::1",
        "2001:db8:0:0:1:0:0:1      | 2001:db8::1:0:0:1",
        "2001:DB8:0:0:0:0:2:1      | 2001:db8::2:1",
        "fe80:0:0:0:0:0:0:1%eth0   | fe80::1",
        "1:0:1:0:1:0:1:0           | 1:0:1:0:1:0:1:0",
        "0:0:0:0:0:0:0:0           | ::",
        "127.0.0.1                 | 127.0.0.1",
    })
    void clientAddressesPrintAsPeopleWriteThem(String remoteAddr, String shown) {
        assertThat(Addresses.display(remoteAddr)).isEqualTo(shown);
    }

    @Test
    void whenThePortIsTakenTheLauncherSaysWhatToDoAndLeavesNoDatabaseRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            DemoDatabase owned = DemoDatabase.forTests();

            assertThatThrownBy(() -> LocalDemo.start(owned, taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is taken")
                    .hasMessageContaining("-Ddemo.port=");

            assertThat(owned.pool().isClosed()).as("the connection pool was closed").isTrue();
            // Counting connections opens one outside the pool, straight to the server: refused once it is stopped.
            assertThatThrownBy(owned::connectionsOpen).as("the embedded PostgreSQL was stopped")
                    .hasCauseInstanceOf(SQLException.class);
        }
    }
}
