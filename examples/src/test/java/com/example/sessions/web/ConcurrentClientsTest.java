package com.example.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.sessions.Application;
import com.example.sessions.DemoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The demo under load, checked for correctness only: a fixed number of requests from many clients at once, over
 * real HTTP to the demo on Jetty and its connection pool, each answer checked; then the database's connections
 * counted. (How fast it answers is measured by hand, with wrk: README, "The demo".)
 */
class ConcurrentClientsTest {

    private static final int CLIENTS = 64;
    private static final int REQUESTS_PER_CLIENT = 40;
    private static final int ACCOUNTS = 8;
    /** A well-formed session token no session has: 40 characters of the token alphabet. */
    private static final String UNKNOWN_TOKEN = "abcdefghijklmnopqrstuvwxyz234567abcdefgh";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(60)).build();

    @Test
    void manyClientsAtOnceEachSeeTheirOwnAccountAndLeaveNoConnectionBeyondThePool() throws Exception {
        DemoDatabase database = DemoDatabase.forTests();
        try (database) {
            List<String> problems;
            int openUnderLoad;
            try (WebServer demo = WebServer.start(Application.start(database.pool()), 0)) {
                String base = "http://localhost:" + demo.port();
                List<String> cookies = new ArrayList<>();
                for (int account = 0; account < ACCOUNTS; account++) {
                    cookies.add(signUp(base, username(account)));
                }

                problems = requestsFromManyClients(base, cookies);
                openUnderLoad = database.connectionsOpen();
            }
            int poolSize = database.pool().getMaximumPoolSize();
            database.pool().close();
            int openAfterClose = connectionsOpenOnceClosed(database);

            assertThat(problems).as("answers that were not the right page, of %d", CLIENTS * REQUESTS_PER_CLIENT)
                    .isEmpty();
            assertThat(openUnderLoad).as("PostgreSQL's connections to the database after the load, pool of %d",
                    poolSize).isBetween(1, poolSize);
            assertThat(openAfterClose).as("PostgreSQL's connections to the database after closing the pool").isZero();
        }
    }

    private static String username(int account) {
        return "load-" + account;
    }

    /**
     * {@link #REQUESTS_PER_CLIENT} requests from each of {@link #CLIENTS} threads, all started together: client
     * {@code c} is signed in to account {@code c % ACCOUNTS}, and every fifth request it sends an unknown token
     * instead. Each answer that is not what it should be, described.
     */
    private List<String> requestsFromManyClients(String base, List<String> cookies) throws Exception {
        List<Callable<List<String>>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int account = client % ACCOUNTS;
            clients.add(() -> {
                List<String> problems = new ArrayList<>();
                for (int request = 0; request < REQUESTS_PER_CLIENT; request++) {
                    if (request % 5 == 4) {
                        problems.addAll(homeWithUnknownToken(base));
                    } else {
                        problems.addAll(homeSignedIn(base, cookies.get(account), username(account)));
                    }
                }
                return problems;
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> client : threads.invokeAll(clients)) {
                problems.addAll(client.get());
            }
            return problems;
        } finally {
            threads.shutdownNow();
        }
    }

    private List<String> homeSignedIn(String base, String cookie, String username) throws Exception {
        HttpResponse<String> home = http.send(get(base + "/").header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || !home.body().contains("<span id=\"username\">" + username + "</span>")) {
            return List.of(username + "'s home page: " + home.statusCode() + " " + excerpt(home.body()));
        }
        return List.of();
    }

    /** A cookie with no session behind it: sent to the sign-in page, told that its session ended. */
    private List<String> homeWithUnknownToken(String base) throws Exception {
        HttpResponse<String> home = http.send(get(base + "/").header("Cookie", "auth_session=" + UNKNOWN_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 303 || !home.headers().firstValue("Location").orElse("").equals("/sign-in?ended")
                || home.body().contains("id=\"username\"")) {
            return List.of("an unknown token's home page: " + home.statusCode() + " " + excerpt(home.body()));
        }
        return List.of();
    }

    /** Signs an account up through the sign-up form; the {@code Cookie} header its session is sent back in. */
    private String signUp(String base, String username) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-up"))
                .timeout(Duration.ofSeconds(60)).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=correct+horse+battery"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("signing %s up", username).isEqualTo(303);
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
    }

    private static String excerpt(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    /**
     * PostgreSQL's connections to the database once the pool is closed: a server process ends a moment after its
     * client hangs up, so this asks again, up to a bound, until none is left.
     */
    private static int connectionsOpenOnceClosed(DemoDatabase database) throws InterruptedException {
        int open = database.connectionsOpen();
        for (int attempt = 0; open > 0 && attempt < 100; attempt++) {
            Thread.sleep(100);
            open = database.connectionsOpen();
        }
        return open;
    }
}
