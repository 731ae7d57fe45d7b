package io.github.luciajooq.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.spring.testing.Contexts;
import io.github.luciajooq.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code lucia.session.*} properties of OWASP ASVS 5.0 V7, and {@code lucia.tables.authenticated-at}. */
class SessionPolicyPropertiesTest {

    @SuppressWarnings("unchecked")
    private static Lucia<String, Map<String, Object>, Map<String, Object>> named(Lucia<?, ?, ?> lucia) {
        return (Lucia<String, Map<String, Object>, Map<String, Object>>) lucia;
    }

    private static ApplicationContextRunner onLuciaV3Tables() {
        return Contexts.onNewDatabase()
                .withPropertyValues("spring.liquibase.change-log=classpath:db/lucia-v3-changelog.yaml");
    }

    @Test
    void tablesByNameKeepTheAuthenticationTimeByDefault() {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        Contexts.onNewDatabase().withBean(TestClock.class, () -> clock).run(context -> {
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = named(context.getBean(Lucia.class));
            NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());

            assertThat(created.session().authenticatedAt()).isEqualTo(clock.instant());
            assertThat(context.getBean(DSLContext.class).select(DSL.field("authenticated_at", OffsetDateTime.class))
                    .from("user_session").fetchSingle().value1().toInstant()).isEqualTo(clock.instant());
            clock.advance(Duration.ofMinutes(10));
            assertThat(lucia.validateSession(created.token())).hasValueSatisfying(found -> {
                assertThat(lucia.authenticatedWithin(found.session(), Duration.ofMinutes(5))).isFalse();
                assertThat(lucia.authenticatedWithin(found.session(), Duration.ofMinutes(15))).isTrue();
            });
        });
    }

    @Test
    void aSessionTableWithoutAuthenticatedAtFailsTheStartNamingTheColumnAndTheProperty() {
        onLuciaV3Tables().run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("user_session has no column authenticated_at")
                .hasMessageContaining("lucia.tables.authenticated-at=false"));
    }

    @Test
    void withoutTheAuthenticationTimeTablesByNameWorkOnLuciaV3Tables() {
        onLuciaV3Tables().withPropertyValues("lucia.tables.authenticated-at=false").run(context -> {
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = named(context.getBean(Lucia.class));
            NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());

            assertThat(lucia.validateSession(created.token())).hasValueSatisfying(
                    found -> assertThat(found.session().authenticatedAt()).isNull());
        });
    }

    @Test
    void anAbsoluteLifetimeWithoutTheAuthenticationTimeFailsTheStart() {
        onLuciaV3Tables().withPropertyValues("lucia.tables.authenticated-at=false",
                "lucia.session.absolute-lifetime=8h")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lucia.session.absolute-lifetime")
                        .hasMessageContaining("lucia.tables.authenticated-at=false"));
    }

    @Test
    void authenticatedAtAsASessionColumnFailsTheStartNamingBothProperties() {
        Contexts.onNewDatabase().withPropertyValues("lucia.tables.session-columns=ip,authenticated_at")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lucia.tables.session-columns names authenticated_at")
                        .hasMessageContaining("lucia.tables.authenticated-at=false"));
    }

    @Test
    void theAbsoluteLifetimeEndsAnActiveSession() {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        Contexts.onNewDatabase().withBean(TestClock.class, () -> clock)
                .withPropertyValues("lucia.session.absolute-lifetime=8h", "lucia.session.renewal-interval=1h")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                            named(context.getBean(Lucia.class));
                    NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());
                    assertThat(created.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
                    for (int hour = 1; hour < 8; hour++) {
                        clock.advance(Duration.ofHours(1));
                        assertThat(lucia.validateSession(created.token())).as("hour %d", hour).isPresent();
                    }
                    clock.advance(Duration.ofHours(1));

                    assertThat(lucia.validateSession(created.token())).isEmpty();
                    assertThat(context.getBean(DSLContext.class).fetchCount(DSL.table("user_session"))).isZero();
                });
    }

    @Test
    void theRenewalIntervalBoundsHowOftenValidationWrites() {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        Contexts.onNewDatabase().withBean(TestClock.class, () -> clock)
                .withPropertyValues("lucia.session.renewal-interval=1h")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                            named(context.getBean(Lucia.class));
                    NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());
                    clock.advance(Duration.ofMinutes(59));
                    assertThat(lucia.validateSession(created.token())).hasValueSatisfying(
                            found -> assertThat(found.session().fresh()).isFalse());
                    clock.advance(Duration.ofMinutes(1));

                    assertThat(lucia.validateSession(created.token())).hasValueSatisfying(found -> {
                        assertThat(found.session().fresh()).isTrue();
                        assertThat(found.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
                    });
                });
    }

    @Test
    void atMaxPerUserANewSessionIsRefusedByDefault() {
        Contexts.onNewDatabase().withPropertyValues("lucia.session.max-per-user=2").run(context -> {
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = named(context.getBean(Lucia.class));
            NewSession<String, Map<String, Object>> first = lucia.createSession("ann", Map.of());
            NewSession<String, Map<String, Object>> second = lucia.createSession("ann", Map.of());

            assertThatThrownBy(() -> lucia.createSession("ann", Map.of())).isInstanceOfSatisfying(
                    SessionStoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(SessionStoreException.Reason.SESSION_LIMIT_REACHED));
            assertThat(lucia.validateSession(first.token())).isPresent();
            assertThat(lucia.validateSession(second.token())).isPresent();
            assertThat(lucia.createSession("bob", Map.of())).isNotNull();
        });
    }

    @Test
    void atMaxPerUserEndOldestEndsTheSessionThatExpiresFirst() {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        Contexts.onNewDatabase().withBean(TestClock.class, () -> clock)
                .withPropertyValues("lucia.session.max-per-user=2", "lucia.session.at-limit=end-oldest")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                            named(context.getBean(Lucia.class));
                    NewSession<String, Map<String, Object>> first = lucia.createSession("ann", Map.of());
                    clock.advance(Duration.ofMinutes(1));
                    NewSession<String, Map<String, Object>> second = lucia.createSession("ann", Map.of());
                    clock.advance(Duration.ofMinutes(1));

                    NewSession<String, Map<String, Object>> third = lucia.createSession("ann", Map.of());

                    assertThat(lucia.validateSession(first.token())).isEmpty();
                    assertThat(lucia.validateSession(second.token())).isPresent();
                    assertThat(lucia.validateSession(third.token())).isPresent();
                    assertThat(lucia.getUserSessions("ann")).hasSize(2);
                });
    }

    @Test
    void contradictoryOrInvalidPolicyPropertiesFailTheStartWithTheirNames() {
        Contexts.onNewDatabase().withPropertyValues("lucia.session.renewal-threshold=1d",
                "lucia.session.renewal-interval=1h")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("lucia.session.renewal-threshold and lucia.session.renewal-interval"));
        Contexts.onNewDatabase().withPropertyValues("lucia.session.renewal-interval=31d")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("lucia.session.renewal-interval must lie between zero and the"
                                + " lucia.session.lifetime"));
        Contexts.onNewDatabase().withPropertyValues("lucia.session.max-per-user=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("lucia.session.max-per-user must be at least 1, not 0"));
        Contexts.onNewDatabase().withPropertyValues("lucia.session.absolute-lifetime=0s")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("lucia.session.absolute-lifetime must be at least one second"));
    }
}
