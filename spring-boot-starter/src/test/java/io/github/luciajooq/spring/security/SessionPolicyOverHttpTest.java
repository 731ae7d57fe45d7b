package io.github.luciajooq.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.spring.testing.Browser;
import io.github.luciajooq.spring.testing.TestPostgres;
import io.github.luciajooq.testkit.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OWASP ASVS 5.0 V7's session policy set by properties alone, over HTTP: an absolute lifetime ends an active session,
 * and a limit per user ends the oldest session at the next sign-in. Time moves on a {@link TestClock} bean.
 */
@SpringBootTest(classes = SecuredApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lucia.session.absolute-lifetime=8h", "lucia.session.renewal-interval=1h",
            "lucia.session.max-per-user=2", "lucia.session.at-limit=end-oldest"})
@Import(SessionPolicyOverHttpTest.Clocks.class)
class SessionPolicyOverHttpTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        TestClock clock() {
            return new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.registerNewDatabase(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Autowired
    TestClock clock;

    @BeforeEach
    void noSessions() {
        dsl.deleteFrom(DSL.table("user_session")).execute();
    }

    private int sessionsOfAnn() {
        return dsl.fetchCount(DSL.table("user_session"), DSL.field("user_id").eq("ann"));
    }

    private Browser signedIn() {
        Browser browser = new Browser(port);
        String csrf = browser.get("/public/csrf").body();
        HttpResponse<String> signedIn = browser.post("/public/sign-in",
                Map.of("username", "ann", "password", SecuredApplication.PASSWORD, "_csrf", csrf));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(browser.cookies()).containsKey("auth_session");
        return browser;
    }

    @Test
    void theAbsoluteLifetimeEndsASessionInUseEveryHour() {
        Browser browser = signedIn();
        for (int hour = 1; hour < 8; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(browser.get("/private").statusCode()).as("hour %d", hour).isEqualTo(200);
        }

        clock.advance(Duration.ofHours(1));

        assertThat(browser.get("/private").statusCode()).isEqualTo(302);
        assertThat(browser.cookies()).doesNotContainKey("auth_session");
        assertThat(sessionsOfAnn()).isZero();
    }

    @Test
    void aSignInAtTheLimitEndsTheSessionThatExpiresFirst() {
        Browser first = signedIn();
        clock.advance(Duration.ofMinutes(1));
        Browser second = signedIn();
        clock.advance(Duration.ofMinutes(1));

        Browser third = signedIn();

        assertThat(sessionsOfAnn()).isEqualTo(2);
        assertThat(first.get("/private").statusCode()).isEqualTo(302);
        assertThat(second.get("/private").statusCode()).isEqualTo(200);
        assertThat(third.get("/private").statusCode()).isEqualTo(200);
    }
}
