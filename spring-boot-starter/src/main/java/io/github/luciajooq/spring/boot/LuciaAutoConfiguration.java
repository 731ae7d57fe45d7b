package io.github.luciajooq.spring.boot;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.postgresql.NamedTables;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.postgresql.SessionTables;
import io.github.luciajooq.spi.Adapter;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * lucia-jooq on the application's {@code DSLContext}: the {@link PostgresAdapter} (on the application's
 * {@link GeneratedTables} bean when it declares one, else on the tables named by {@code lucia.tables.*}, with
 * {@code authenticated_at} unless {@code lucia.tables.authenticated-at=false}), the
 * {@link Lucia} session manager and the scheduled clean-up of expired sessions ({@link LuciaServletAutoConfiguration}
 * adds the {@code SessionFilter} in a servlet application). Every bean backs off when the application declares its own of that type.
 * <p>
 * The adapter's statements run through the context's connection provider, so with Spring Boot's context they join
 * the Spring transaction of the calling thread ({@code @Transactional}): a session created in a transaction that
 * rolls back is gone with it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration")
@EnableConfigurationProperties(LuciaProperties.class)
public final class LuciaAutoConfiguration {

    /** The adapter on the application's {@code GeneratedTables} bean, or on the tables by name. */
    @Bean
    @ConditionalOnMissingBean(Adapter.class)
    @ConditionalOnBean(DSLContext.class)
    PostgresAdapter<?, ?, ?> luciaAdapter(DSLContext dsl, ObjectProvider<GeneratedTables<?, ?, ?>> generatedTables,
            LuciaProperties properties) {
        SessionTables<?, ?, ?> tables = generatedTables.getIfUnique();
        if (tables == null) {
            tables = namedTables(dsl, properties);
        }
        return PostgresAdapter.create(dsl, tables);
    }

    /**
     * The tables {@code lucia.tables.*} names, reading {@code authenticated_at} unless told not to.
     *
     * @throws IllegalStateException when the session table has no {@code authenticated_at} to read, or an absolute
     *     lifetime is set without it (every session would be refused)
     */
    private static NamedTables namedTables(DSLContext dsl, LuciaProperties properties) {
        LuciaProperties.Tables named = properties.getTables();
        NamedTables tables = NamedTables.of(named.getUser(), named.getSession())
                .withUserColumns(named.getUserColumns().toArray(String[]::new))
                .withSessionColumns(named.getSessionColumns().toArray(String[]::new));
        if (!named.isAuthenticatedAt()) {
            if (properties.getSession().getAbsoluteLifetime() != null) {
                throw new IllegalStateException("lucia.session.absolute-lifetime needs the authentication time, which"
                        + " lucia.tables.authenticated-at=false leaves unread: every session would be refused");
            }
            return tables;
        }
        if (named.getSessionColumns().contains(AuthenticatedAtColumn.NAME)) {
            throw new IllegalStateException("lucia.tables.session-columns names " + AuthenticatedAtColumn.NAME
                    + ", which lucia.tables.authenticated-at=true (the default) reads as the authentication time:"
                    + " leave it out of session-columns, or set lucia.tables.authenticated-at=false");
        }
        AuthenticatedAtColumn.require(dsl, tables.names().session());
        return tables.withAuthenticatedAt();
    }

    /** The session manager, with the {@code lucia.session.*} and {@code lucia.cookie.*} settings. */
    @Bean
    @ConditionalOnMissingBean(Lucia.class)
    @ConditionalOnBean(Adapter.class)
    Lucia<?, ?, ?> lucia(Adapter<?, ?, ?> luciaAdapter, LuciaProperties properties,
            ObjectProvider<AdapterDecorator> decorators, ObjectProvider<Clock> clock) {
        return SessionManagers.lucia(luciaAdapter, properties, decorators.orderedStream().toList(),
                clock.getIfUnique());
    }

    /** Deletes expired sessions on a schedule of its own: no {@code @EnableScheduling} needed. */
    @Bean
    @ConditionalOnMissingBean(ExpiredSessionsCleanup.class)
    @ConditionalOnBean(Lucia.class)
    @ConditionalOnProperty(prefix = "lucia.cleanup", name = "enabled", matchIfMissing = true)
    ExpiredSessionsCleanup luciaExpiredSessionsCleanup(Lucia<?, ?, ?> lucia, LuciaProperties properties) {
        return new ExpiredSessionsCleanup(lucia::deleteExpiredSessions, properties.getCleanup().getInterval(),
                properties.getCleanup().getJitter());
    }
}
