package io.github.luciajooq.spring.boot;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.http.CrossOriginProtection;
import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.postgresql.NamedTables;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.postgresql.SessionTables;
import io.github.luciajooq.servlet.SessionFilter;
import io.github.luciajooq.spi.Adapter;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * lucia-jooq on the application's {@code DSLContext}: the {@link PostgresAdapter} (on the application's
 * {@link GeneratedTables} bean when it declares one, else on the tables named by {@code lucia.tables.*}), the
 * {@link Lucia} session manager, in a servlet application the {@link SessionFilter} and its registration, and the
 * scheduled clean-up of expired sessions. Every bean backs off when the application declares its own of that type.
 * <p>
 * The adapter's statements run through the context's connection provider, so with Spring Boot's context they join
 * the Spring transaction of the calling thread ({@code @Transactional}): a session created in a transaction that
 * rolls back is gone with it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration")
@ConditionalOnClass({Lucia.class, DSLContext.class})
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
            LuciaProperties.Tables named = properties.getTables();
            tables = NamedTables.of(named.getUser(), named.getSession())
                    .withUserColumns(named.getUserColumns().toArray(String[]::new))
                    .withSessionColumns(named.getSessionColumns().toArray(String[]::new));
        }
        return PostgresAdapter.create(dsl, tables);
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

    /** {@link SessionFilter} in a servlet application, registered with {@code lucia.filter.*}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({Filter.class, FilterRegistrationBean.class})
    static final class Servlet {

        @Bean
        @ConditionalOnMissingBean(SessionFilter.class)
        @ConditionalOnBean(Lucia.class)
        SessionFilter<?, ?, ?> luciaSessionFilter(Lucia<?, ?, ?> lucia, LuciaProperties properties) {
            LuciaProperties.CrossOrigin crossOrigin = properties.getCrossOrigin();
            CrossOriginProtection protection = CrossOriginProtection.builder()
                    .trustedOrigins(crossOrigin.getTrustedOrigins())
                    .forwardedHost(crossOrigin.isForwardedHost())
                    .luciaV3Rule(crossOrigin.isLuciaV3Rule())
                    .build();
            return SessionManagers.filter(lucia, protection, List.copyOf(properties.getFilter().getExcludePaths()));
        }

        @Bean
        @ConditionalOnMissingBean(name = "luciaSessionFilterRegistration")
        @ConditionalOnBean(SessionFilter.class)
        @ConditionalOnProperty(prefix = "lucia.filter", name = "enabled", matchIfMissing = true)
        FilterRegistrationBean<SessionFilter<?, ?, ?>> luciaSessionFilterRegistration(SessionFilter<?, ?, ?> filter,
                LuciaProperties properties) {
            FilterRegistrationBean<SessionFilter<?, ?, ?>> registration = new FilterRegistrationBean<>(filter);
            registration.setName("luciaSessionFilter");
            registration.setOrder(properties.getFilter().getOrder());
            registration.setUrlPatterns(properties.getFilter().getUrlPatterns());
            return registration;
        }
    }

    /** Deletes expired sessions on a schedule of its own: no {@code @EnableScheduling} needed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "lucia.cleanup", name = "enabled", matchIfMissing = true)
    static final class Cleanup {

        @Bean
        @ConditionalOnMissingBean(ExpiredSessionsCleanup.class)
        @ConditionalOnBean(Lucia.class)
        ExpiredSessionsCleanup luciaExpiredSessionsCleanup(Lucia<?, ?, ?> lucia, LuciaProperties properties) {
            return new ExpiredSessionsCleanup(lucia::deleteExpiredSessions, properties.getCleanup().getInterval(),
                    properties.getCleanup().getJitter());
        }
    }
}
