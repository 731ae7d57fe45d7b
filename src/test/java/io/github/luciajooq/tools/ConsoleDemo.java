package io.github.luciajooq.tools;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.Session;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.postgresql.SessionTables;
import io.github.luciajooq.testing.Migrations;
import io.github.luciajooq.testing.PostgresServer;
import io.github.luciajooq.testing.TestClock;
import io.github.luciajooq.token.SessionToken;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A short tour on an embedded PostgreSQL: {@code mvn -q test-compile exec:java@demo}. It applies the changelog,
 * signs a user in, validates the session, crosses the renewal threshold and expiry with a moved clock, and
 * signs out, printing each step and the {@code Set-Cookie} headers an application would send.
 */
public final class ConsoleDemo {

    private ConsoleDemo() {}

    public static void main(String[] args) {
        PostgresServer server = PostgresServer.start(System.getProperty("demo.database", "embedded"));
        String database = server.createDatabase(null);
        try {
            run(server.dataSource(database));
        } finally {
            server.dropDatabase(database);
        }
        System.exit(0);
    }

    private static void run(DataSource dataSource) {
        say("Applying db/lucia-jooq/changelog.xml with Liquibase, and adding an attribute column of the app's own");
        Migrations.apply(dataSource);
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        dsl.execute("ALTER TABLE user_session ADD COLUMN ip TEXT");
        dsl.execute("ALTER TABLE auth_user ADD COLUMN username TEXT");
        dsl.execute("INSERT INTO auth_user (id, username) VALUES ('user-1', 'ann')");
        say("Created user user-1 (username ann)");

        TestClock clock = new TestClock(java.time.Instant.parse("2026-11-26T12:00:00Z"));
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(dsl,
                SessionTables.lucia().withUserColumns("username").withSessionColumns("ip"));
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia = Lucia.builder(adapter).clock(clock).build();

        say("");
        say("Sign in: createSession(\"user-1\", {ip: 203.0.113.7}) at " + clock.instant());
        NewSession<String, Map<String, Object>> created = lucia.createSession("user-1", Map.of("ip", "203.0.113.7"));
        Session<String, Map<String, Object>> session = created.session();
        say("  session expires at " + session.expiresAt() + ", fresh=" + session.fresh());
        say("  the table holds the token's SHA-256: " + session.handle().value());
        String setCookie = lucia.createSessionCookie(created.token()).serialize();
        say("  Set-Cookie: " + setCookie);

        String cookieHeader = "theme=dark; " + setCookie.substring(0, setCookie.indexOf(';'));
        say("");
        say("Next request sends Cookie: " + cookieHeader);
        SessionToken token = lucia.readSessionCookie(cookieHeader).orElseThrow();
        SessionAndUser<String, Map<String, Object>, Map<String, Object>> valid = lucia.validateSession(token).orElseThrow();
        say("  valid: user " + valid.user().id() + " " + valid.user().attributes() + ", session attributes "
                + valid.session().attributes() + ", fresh=" + valid.session().fresh() + " (nothing written)");

        clock.advance(Duration.ofDays(16));
        say("");
        say("16 days later (" + clock.instant() + "), under half the 30-day lifetime left:");
        Session<String, Map<String, Object>> renewed = lucia.validateSession(token).orElseThrow().session();
        say("  renewed: expires at " + renewed.expiresAt() + ", fresh=" + renewed.fresh());
        say("  Set-Cookie: " + lucia.createSessionCookie(token).serialize());

        SessionToken phone = lucia.createSession("user-1", Map.of("ip", "198.51.100.2")).token();
        say("");
        say("Signed in on a second device; the user's sessions now: " + lucia.getUserSessions("user-1").size());
        say("  (a bearer token works too: readBearerToken(\"Bearer " + phone.value().substring(0, 6) + "...\") -> "
                + lucia.readBearerToken("Bearer " + phone.value()).flatMap(lucia::validateSession).isPresent() + ")");

        clock.advance(Duration.ofDays(31));
        say("");
        say("31 days later (" + clock.instant() + ") both have expired:");
        say("  validateSession(first) -> " + lucia.validateSession(token).map(found -> "valid").orElse("empty, and deleted"));
        say("  deleteExpiredSessions() deleted " + lucia.deleteExpiredSessions() + " more");

        SessionToken again = lucia.createSession("user-1", Map.of("ip", "203.0.113.7")).token();
        say("");
        say("Signed in again, then signed out: invalidateSession(...)");
        lucia.invalidateSession(again);
        say("  validateSession -> " + lucia.validateSession(again).map(found -> "valid").orElse("empty"));
        say("  Set-Cookie: " + lucia.createBlankSessionCookie().serialize());
        say("");
        say("Sessions left in user_session: " + dsl.fetchCount(DSL.table(DSL.name("user_session"))));
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
