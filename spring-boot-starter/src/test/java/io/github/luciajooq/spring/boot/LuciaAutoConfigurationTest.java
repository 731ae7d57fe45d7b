package io.github.luciajooq.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.servlet.SessionFilter;
import io.github.luciajooq.spring.testing.Contexts;
import io.github.luciajooq.spring.testing.Tables;
import io.github.luciajooq.spring.testing.Tables.AuthUserRecord;
import io.github.luciajooq.spring.testing.Tables.UserSessionRecord;
import io.github.luciajooq.testkit.TestClock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class LuciaAutoConfigurationTest {

    @SuppressWarnings("unchecked")
    private static Lucia<String, Map<String, Object>, Map<String, Object>> named(Lucia<?, ?, ?> lucia) {
        return (Lucia<String, Map<String, Object>, Map<String, Object>>) lucia;
    }

    @Test
    void withNoBeansOfItsOwnTheApplicationGetsSessionsOnLuciasTablesByName() {
        Contexts.onNewDatabase().run(context -> {
            assertThat(context).hasSingleBean(Lucia.class).hasSingleBean(PostgresAdapter.class)
                    .hasSingleBean(ExpiredSessionsCleanup.class).doesNotHaveBean(SessionFilter.class);
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = named(context.getBean(Lucia.class));
            NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());
            Optional<SessionAndUser<String, Map<String, Object>, Map<String, Object>>> valid =
                    lucia.validateSession(created.token());
            assertThat(valid).map(found -> found.user().id()).contains("ann");
            assertThat(context.getBean(DSLContext.class).fetchCount(DSL.table("user_session"))).isOne();
            assertThat(context.getBean(ExpiredSessionsCleanup.class).isRunning()).isTrue();
        });
    }

    @Test
    void propertiesSetLifetimeCookieAndTokenStorage() {
        Contexts.onNewDatabase()
                .withPropertyValues("lucia.session.lifetime=2h", "lucia.session.token-storage=plain",
                        "lucia.cookie.name=sid", "lucia.cookie.secure=false", "lucia.cookie.same-site=strict",
                        "lucia.cookie.domain=example.com")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                            named(context.getBean(Lucia.class));
                    NewSession<String, Map<String, Object>> created = lucia.createSession("ann", Map.of());
                    String cookie = lucia.createSessionCookie(created.token()).serialize();
                    assertThat(cookie).startsWith("sid=").contains("Max-Age=7200", "SameSite=Strict",
                            "Domain=example.com").doesNotContain("Secure");
                    assertThat(created.session().expiresAt()).isBetween(java.time.Instant.now().plusSeconds(7100),
                            java.time.Instant.now().plusSeconds(7200));
                    // Plain storage: the table holds the token itself.
                    assertThat(context.getBean(DSLContext.class).fetchValue("SELECT id FROM user_session"))
                            .isEqualTo(created.token().value());
                });
    }

    @Test
    void tablesByNameReadTheColumnsThePropertiesName() {
        Contexts.onNewDatabase().withPropertyValues("lucia.tables.user=public.auth_user",
                "lucia.tables.session=public.user_session", "lucia.tables.session-columns=ip")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                            named(context.getBean(Lucia.class));
                    NewSession<String, Map<String, Object>> created =
                            lucia.createSession("ann", Map.of("ip", "192.0.2.1"));
                    assertThat(lucia.validateSession(created.token())).hasValueSatisfying(
                            found -> assertThat(found.session().attributes()).containsEntry("ip", "192.0.2.1"));
                });
    }

    @Test
    void cookieIsSecureByDefault() {
        Contexts.onNewDatabase().run(context -> {
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = named(context.getBean(Lucia.class));
            assertThat(lucia.createBlankSessionCookie().serialize()).startsWith("auth_session=").contains("Secure");
        });
    }

    @Test
    void theScheduledCleanupDeletesExpiredSessions() {
        TestClock clock = new TestClock(Instant.now());
        Contexts.onNewDatabase().withBean(TestClock.class, () -> clock)
                .withPropertyValues("lucia.cleanup.interval=100ms", "lucia.cleanup.jitter=0s")
                .run(context -> {
                    Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                            named(context.getBean(Lucia.class));
                    DSLContext dsl = context.getBean(DSLContext.class);
                    lucia.createSession("ann", Map.of());
                    lucia.createSession("bob", Map.of());
                    clock.advance(java.time.Duration.ofDays(29));
                    NewSession<String, Map<String, Object>> live = lucia.createSession("bob", Map.of());
                    clock.advance(java.time.Duration.ofDays(2));
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                    while (dsl.fetchCount(DSL.table("user_session")) > 1 && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(dsl.fetchCount(DSL.table("user_session"))).isOne();
                    assertThat(lucia.validateSession(live.token())).isPresent();
                });
    }

    @Test
    void theCleanupIsOffWhenTheApplicationSaysSo() {
        Contexts.onNewDatabase().withPropertyValues("lucia.cleanup.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(Lucia.class)
                        .doesNotHaveBean(ExpiredSessionsCleanup.class));
    }

    @Test
    void anAdapterRefusalStaysASessionStoreExceptionOnBootsContext() {
        Contexts.onNewDatabase().run(context -> {
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = named(context.getBean(Lucia.class));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lucia.createSession("nobody", Map.of()))
                    .isInstanceOfSatisfying(SessionStoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(SessionStoreException.Reason.UNKNOWN_USER));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> lucia.createSession("ann", Map.of("no_such", 1)))
                    .isInstanceOfSatisfying(SessionStoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(SessionStoreException.Reason.UNKNOWN_ATTRIBUTE));
            assertThat(context.getBean(DSLContext.class).fetchCount(DSL.table("user_session"))).isZero();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class TypedApplication {
        @Bean
        GeneratedTables<String, AuthUserRecord, UserSessionRecord> tables() {
            return GeneratedTables.of(Tables.AUTH_USER.ID, Tables.USER_SESSION.ID, Tables.USER_SESSION.USER_ID,
                    Tables.USER_SESSION.EXPIRES_AT);
        }
    }

    /** Injected with its type arguments, as an application writes it. */
    static class TypedUser {
        @Autowired
        Lucia<String, AuthUserRecord, UserSessionRecord> lucia;
    }

    @Test
    void theApplicationsGeneratedTablesBeanIsTheOneItWrites() {
        Contexts.onNewDatabase().withUserConfiguration(TypedApplication.class).withBean(TypedUser.class)
                .run(context -> {
                    Lucia<String, AuthUserRecord, UserSessionRecord> lucia = context.getBean(TypedUser.class).lucia;
                    NewSession<String, UserSessionRecord> created = lucia.createSession("bob", new UserSessionRecord());
                    assertThat(lucia.validateSession(created.token()))
                            .hasValueSatisfying(found -> {
                                assertThat(found.user().id()).isEqualTo("bob");
                                assertThat(found.user().attributes()).isInstanceOf(AuthUserRecord.class);
                                assertThat(found.session().attributes()).isInstanceOf(UserSessionRecord.class);
                            });
                });
    }

    @Test
    void everyBeanBacksOffWhenTheApplicationDeclaresItsOwn() {
        Lucia<String, Map<String, Object>, Map<String, Object>> own = Lucia.builder(
                InMemoryAdapter.<String, Map<String, Object>, Map<String, Object>>create()).build();
        Contexts.onNewDatabase().withBean("ownLucia", Lucia.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(Lucia.class);
            assertThat(context.getBean(Lucia.class)).isSameAs(own);
        });
        InMemoryAdapter<String, Map<String, Object>, Map<String, Object>> adapter = InMemoryAdapter.create();
        adapter.putUser("carol", Map.of());
        Contexts.onNewDatabase().withBean("ownAdapter", InMemoryAdapter.class, () -> adapter).run(context -> {
            assertThat(context).doesNotHaveBean(PostgresAdapter.class);
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = named(context.getBean(Lucia.class));
            lucia.createSession("carol", Map.of());
            assertThat(lucia.getUserSessions("carol")).hasSize(1);
        });
    }
}
