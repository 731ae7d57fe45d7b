package com.example.boot;

import static com.example.boot.db.Tables.APP_SESSION;
import static com.example.boot.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The example over real HTTP: the whole application on a random port (Tomcat, Spring Security, the starter, the
 * Liquibase changelog applied to an embedded PostgreSQL at start-up), each device a {@link Client} of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedDatabase.class)
class ExampleTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Pattern HANDLE = Pattern.compile("name=\"handle\" value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;
    @Autowired
    DSLContext dsl;

    private String base;

    @BeforeEach
    void base() {
        base = "http://localhost:" + port;
    }

    private Client device(String userAgent) {
        return new Client(base, userAgent);
    }

    private static String newUsername() {
        return "user-" + USERS.incrementAndGet();
    }

    private int sessionsOf(String username) {
        return dsl.fetchCount(APP_SESSION.join(APP_USER).on(APP_SESSION.USER_ID.eq(APP_USER.ID)),
                APP_USER.USERNAME.eq(username));
    }

    @Test
    void signingUpCreatesTheAccountAndASessionWithItsDeviceInTheApplicationsOwnTables() {
        Client laptop = device("Laptop/1.0");
        String username = newUsername();

        Client.Response signedUp = laptop.signUp(username, PASSWORD);

        assertThat(signedUp.status()).isEqualTo(302);
        assertThat(signedUp.location()).endsWith("/");
        assertThat(signedUp.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("auth_session=")
                .contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").contains("Max-Age=2592000"));
        var session = dsl.select(APP_SESSION.IP, APP_SESSION.USER_AGENT, APP_USER.PASSWORD_HASH).from(APP_SESSION)
                .join(APP_USER).on(APP_SESSION.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.USERNAME.eq(username))
                .fetchOne();
        assertThat(session).isNotNull();
        assertThat(session.value1()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(session.value2()).isEqualTo("Laptop/1.0");
        assertThat(session.value3()).as("a bcrypt hash, never the password").startsWith("{bcrypt}")
                .doesNotContain(PASSWORD);

        Client.Response home = laptop.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("<span id=\"username\">" + username + "</span>").contains("Laptop/1.0")
                .contains("(this device)");
        assertThat(laptop.cookies()).as("no HttpSession: the security context lives in lucia-jooq's session")
                .doesNotContainKey("JSESSIONID");
    }

    @Test
    void aRequestWithoutASessionIsSentToTheSignInPage() {
        Client.Response home = device("Laptop/1.0").get("/");

        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/sign-in");
    }

    @Test
    void aWrongPasswordOrAnUnknownUsernameGetsNoSession() {
        String username = newUsername();
        device("Laptop/1.0").signUp(username, PASSWORD);
        Client phone = device("Phone/1.0");

        for (Client.Response refused : List.of(phone.signIn(username, "wrong password"),
                phone.signIn("nobody-" + UUID.randomUUID(), PASSWORD))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).contains("Wrong username or password.");
        }
        assertThat(phone.cookie("auth_session")).isNull();
        assertThat(sessionsOf(username)).isEqualTo(1);
    }

    @Test
    void signUpRefusesATakenUsernameAndABadOneAndCreatesNothing() {
        String username = newUsername();
        device("Laptop/1.0").signUp(username, PASSWORD);

        Client.Response taken = device("Phone/1.0").signUp(username, "another password");
        Client.Response bad = device("Phone/1.0").signUp("No Spaces", PASSWORD);

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("That username is taken.");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(sessionsOf(username)).isEqualTo(1);
        assertThat(dsl.fetchCount(APP_USER, APP_USER.USERNAME.eq("No Spaces"))).isZero();
    }

    @Test
    void signUpRefusesAPasswordPastBcryptsSeventyTwoBytesWithAMessageAndCreatesNothing() {
        String username = newUsername();

        Client.Response tooLong = device("Laptop/1.0").signUp(username, "a".repeat(73));
        Client.Response tooManyBytes = device("Laptop/1.0").signUp(username, "\u00e9".repeat(37));

        for (Client.Response refused : List.of(tooLong, tooManyBytes)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("A password has 8 to 72 characters");
        }
        assertThat(dsl.fetchCount(APP_USER, APP_USER.USERNAME.eq(username))).isZero();
        assertThat(device("Phone/1.0").signUp(username, "a".repeat(72)).status()).as("72 bytes are bcrypt's limit")
                .isEqualTo(302);
    }

    @Test
    void signingInAgainOnOneDeviceEndsItsPreviousSession() {
        Client laptop = device("Laptop/1.0");
        String username = newUsername();
        laptop.signUp(username, PASSWORD);
        String first = laptop.cookie("auth_session");

        // The sign-in page sends a signed-in browser home, so the form is posted with the home page's CSRF token.
        Client.Response again = laptop.submit("/", "/sign-in", Map.of("username", username, "password", PASSWORD));

        assertThat(again.status()).isEqualTo(302);
        assertThat(laptop.cookie("auth_session")).isNotNull().isNotEqualTo(first);
        assertThat(sessionsOf(username)).as("the first session's row is gone").isEqualTo(1);
        Client replay = device("Laptop/1.0");
        replay.setCookie("auth_session", first);
        assertThat(replay.get("/").status()).as("the first token").isEqualTo(302);
        assertThat(laptop.get("/").status()).isEqualTo(200);
    }

    @Test
    void signingUpWhileSignedInEndsTheOtherAccountsSession() {
        Client laptop = device("Laptop/1.0");
        String first = newUsername();
        laptop.signUp(first, PASSWORD);

        laptop.signUp(newUsername(), PASSWORD);

        assertThat(sessionsOf(first)).isZero();
        assertThat(laptop.get("/").status()).isEqualTo(200);
    }

    @Test
    void aSecondDeviceRevokedFromTheFirstIsSignedOutOnItsNextRequest() {
        Client laptop = device("Laptop/1.0");
        Client phone = device("Phone/1.0");
        String username = newUsername();
        laptop.signUp(username, PASSWORD);
        phone.signIn(username, PASSWORD);

        String page = laptop.get("/").body();
        assertThat(page).contains("Laptop/1.0").contains("Phone/1.0");
        Matcher handle = HANDLE.matcher(page);
        assertThat(handle.find()).as("a revoke form for the other device").isTrue();
        assertThat(handle.find()).as("and none for this one").isFalse();
        handle.reset().find();
        Client.Response revoked = laptop.submit("/", "/sessions/revoke", Map.of("handle", handle.group(1)));

        assertThat(revoked.status()).isEqualTo(302);
        assertThat(sessionsOf(username)).isEqualTo(1);
        Client.Response phoneHome = phone.get("/");
        assertThat(phoneHome.status()).isEqualTo(302);
        assertThat(phoneHome.location()).endsWith("/sign-in");
        assertThat(phone.cookie("auth_session")).as("cleared by the filter's blank cookie").isNull();
        assertThat(laptop.get("/").body()).contains(username).doesNotContain("Phone/1.0");
    }

    @Test
    void signOutEndsTheSessionAndItsCookieNoLongerSignsIn() {
        Client laptop = device("Laptop/1.0");
        String username = newUsername();
        laptop.signUp(username, PASSWORD);
        String token = laptop.cookie("auth_session");

        Client.Response signedOut = laptop.submit("/", "/sign-out", Map.of());

        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).endsWith("/sign-in");
        assertThat(laptop.cookie("auth_session")).isNull();
        assertThat(sessionsOf(username)).isZero();
        Client replay = device("Laptop/1.0");
        replay.setCookie("auth_session", token);
        assertThat(replay.get("/").status()).as("the old token").isEqualTo(302);
    }

    @Test
    void signOutEverywhereEndsEverySessionOfTheAccount() {
        Client laptop = device("Laptop/1.0");
        Client phone = device("Phone/1.0");
        String username = newUsername();
        String other = newUsername();
        laptop.signUp(username, PASSWORD);
        phone.signIn(username, PASSWORD);
        device("Tablet/1.0").signUp(other, PASSWORD);

        Client.Response everywhere = phone.submit("/", "/sign-out-everywhere", Map.of());

        assertThat(everywhere.status()).isEqualTo(302);
        assertThat(everywhere.location()).endsWith("/sign-in");
        assertThat(sessionsOf(username)).isZero();
        assertThat(sessionsOf(other)).as("another account's").isEqualTo(1);
        assertThat(laptop.get("/").location()).endsWith("/sign-in");
        assertThat(laptop.cookie("auth_session")).isNull();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Client laptop = device("Laptop/1.0");
        String username = newUsername();
        laptop.signUp(username, PASSWORD);

        Client.Response refused = laptop.post("/sign-out-everywhere", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(sessionsOf(username)).isEqualTo(1);
        assertThat(laptop.get("/").status()).isEqualTo(200);
    }

    @Test
    void aFormPostFromAnotherOriginIsRefusedEvenWithTheCsrfTokenAndChangesNothing() {
        Client laptop = device("Laptop/1.0");
        String username = newUsername();
        laptop.signUp(username, PASSWORD);

        Client.Response refused = laptop.post("/sign-out-everywhere", laptop.withCsrfToken("/", Map.of()),
                "http://attacker.example");

        assertThat(refused.status()).as("the session filter's origin check").isEqualTo(403);
        assertThat(sessionsOf(username)).isEqualTo(1);
        assertThat(laptop.get("/").status()).isEqualTo(200);
    }

    @Test
    void signUpIsOneTransactionASessionThatFailsTakesTheNewAccountWithIt() {
        // A session insert that fails: PostgreSQL refuses the sessions of this one user agent.
        dsl.execute("""
                create or replace function refuse_doomed_sessions() returns trigger language plpgsql as $$
                begin
                  if new.user_agent = 'Doomed/1.0' then raise exception 'session refused for the test'; end if;
                  return new;
                end $$""");
        dsl.execute("create or replace trigger refuse_doomed_sessions before insert on app_session"
                + " for each row execute function refuse_doomed_sessions()");
        String username = newUsername();

        Client doomed = device("Doomed/1.0");
        Client.Response failed = doomed.signUp(username, PASSWORD);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(doomed.cookie("auth_session")).isNull();
        assertThat(dsl.fetchCount(APP_USER, APP_USER.USERNAME.eq(username))).as("the account, rolled back").isZero();
        assertThat(device("Laptop/1.0").signUp(username, PASSWORD).status()).as("the name is free").isEqualTo(302);
    }
}
