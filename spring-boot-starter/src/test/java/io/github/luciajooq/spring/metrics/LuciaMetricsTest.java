package io.github.luciajooq.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.spring.testing.Contexts;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.token.SessionToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LuciaMetricsTest {

    private static double validations(MeterRegistry registry, String outcome) {
        return registry.get("lucia.sessions.validations").tag("outcome", outcome).counter().count();
    }

    private static long operations(MeterRegistry registry, String operation, String outcome) {
        return registry.get("lucia.adapter.operations").tag("operation", operation).tag("outcome", outcome).timer()
                .count();
    }

    /** The starter on a new database, measured into this registry, its time on this clock. */
    private static ApplicationContextRunner metered(MeterRegistry registry, TestClock clock) {
        return Contexts.onNewDatabase().withBean(MeterRegistry.class, () -> registry)
                .withBean(TestClock.class, () -> clock);
    }

    @SuppressWarnings("unchecked")
    private static Lucia<String, Map<String, Object>, Map<String, Object>> lucia(Object bean) {
        return (Lucia<String, Map<String, Object>, Map<String, Object>>) bean;
    }

    @Test
    void validationsAreCountedByOutcome() {
        TestClock clock = new TestClock(Instant.now());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metered(registry, clock)
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia = lucia(context.getBean(Lucia.class));
                    NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());
                    assertThat(registry.get("lucia.sessions.created").counter().count()).isEqualTo(1);

                    lucia.validateSession(created.token());
                    assertThat(validations(registry, "valid")).isEqualTo(1);

                    clock.advance(Duration.ofDays(20));   // past the renewal threshold, 15 days
                    assertThat(lucia.validateSession(created.token())).hasValueSatisfying(
                            found -> assertThat(found.session().fresh()).isTrue());
                    assertThat(validations(registry, "renewed")).isEqualTo(1);

                    lucia.validateSession(SessionToken.parse("nosuchtoken").orElseThrow());
                    assertThat(validations(registry, "unknown")).isEqualTo(1);

                    clock.advance(Duration.ofDays(31));
                    assertThat(lucia.validateSession(created.token())).isEmpty();
                    assertThat(validations(registry, "expired")).isEqualTo(1);
                    assertThat(registry.get("lucia.sessions.invalidated").tag("scope", "session").counter().count())
                            .isEqualTo(1);

                    assertThat(validations(registry, "valid")).isEqualTo(1);
                    assertThat(validations(registry, "renewed")).isEqualTo(1);
                    assertThat(validations(registry, "unknown")).isEqualTo(1);
                    assertThat(operations(registry, "getSessionAndUser", "success")).isEqualTo(4);
                    assertThat(operations(registry, "updateSessionExpiration", "success")).isEqualTo(1);
                    assertThat(operations(registry, "deleteSession", "success")).isEqualTo(1);
                });
    }

    @Test
    void aRenewalDueAfterTheRenewalIntervalIsCountedOnceAsRenewed() {
        TestClock clock = new TestClock(Instant.now());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metered(registry, clock)
                .withPropertyValues("lucia.session.renewal-interval=1h")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia = lucia(context.getBean(Lucia.class));
                    NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());
                    clock.advance(Duration.ofMinutes(30));
                    lucia.validateSession(created.token());
                    assertThat(validations(registry, "valid")).isEqualTo(1);

                    clock.advance(Duration.ofMinutes(31));
                    assertThat(lucia.validateSession(created.token())).hasValueSatisfying(
                            found -> assertThat(found.session().fresh()).isTrue());

                    assertThat(validations(registry, "renewed")).isEqualTo(1);
                    assertThat(validations(registry, "valid")).isEqualTo(1);
                });
    }

    @Test
    void aValidationTheAbsoluteLifetimeKeepsFromRenewingIsValidAndItsEndExpired() {
        TestClock clock = new TestClock(Instant.now());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metered(registry, clock)
                .withPropertyValues("lucia.session.absolute-lifetime=8h")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia = lucia(context.getBean(Lucia.class));
                    NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());
                    clock.advance(Duration.ofHours(1));   // within the renewal threshold, but the expiry is capped
                    assertThat(lucia.validateSession(created.token())).hasValueSatisfying(
                            found -> assertThat(found.session().fresh()).isFalse());
                    assertThat(validations(registry, "valid")).isEqualTo(1);

                    clock.advance(Duration.ofHours(7));
                    assertThat(lucia.validateSession(created.token())).isEmpty();

                    assertThat(validations(registry, "expired")).isEqualTo(1);
                    assertThat(validations(registry, "valid") + validations(registry, "renewed")).isEqualTo(1);
                });
    }

    @Test
    void invalidationsCleanupRowsAndFailedOperationsAreCounted() {
        TestClock clock = new TestClock(Instant.now());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        metered(registry, clock)
                .withPropertyValues("lucia.cleanup.enabled=false")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia = lucia(context.getBean(Lucia.class));
                    lucia.createSession("ann", Map.of());
                    lucia.createSession("ann", Map.of());
                    lucia.createSession("bob", Map.of());
                    lucia.invalidateUserSessions("bob");
                    assertThat(registry.get("lucia.sessions.invalidated").tag("scope", "user").counter().count())
                            .isEqualTo(1);

                    clock.advance(Duration.ofDays(31));
                    assertThat(lucia.deleteExpiredSessions()).isEqualTo(2);
                    assertThat(registry.get("lucia.sessions.cleanup.deleted").counter().count()).isEqualTo(2);
                    assertThat(operations(registry, "deleteExpiredSessions", "success")).isEqualTo(1);

                    assertThatThrownBy(() -> lucia.createSession("nobody", Map.of()))
                            .isInstanceOf(SessionStoreException.class);
                    assertThat(operations(registry, "setSession", "error")).isEqualTo(1);
                    assertThat(operations(registry, "setSession", "success")).isEqualTo(3);
                    assertThat(registry.get("lucia.sessions.created").counter().count()).isEqualTo(3);
                });
    }

    @Test
    void noMetersWhenTurnedOffOrWithoutARegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Contexts.onNewDatabase().withBean(MeterRegistry.class, () -> registry)
                .withPropertyValues("lucia.metrics.enabled=false")
                .run(context -> {
                    lucia(context.getBean(Lucia.class)).createSession("ann", Map.of());
                    assertThat(registry.find("lucia.sessions.created").counter()).isNull();
                });
        Contexts.onNewDatabase().run(context -> {
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = lucia(context.getBean(Lucia.class));
            assertThat(lucia.validateSession(lucia.createSession("ann", Map.of()).token())).isPresent();
        });
    }
}
