package io.github.luciajooq.spring.metrics;

import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spring.boot.AdapterDecorator;
import io.github.luciajooq.spring.boot.LuciaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the auto-configured session manager, when Micrometer is on the class path and the
 * application has a {@code MeterRegistry} bean (Spring Boot's Actuator makes one):
 * <ul>
 * <li>{@code lucia.sessions.created} (counter);</li>
 * <li>{@code lucia.sessions.validations} (counter) by {@code outcome}: {@code valid}, {@code renewed},
 * {@code expired}, {@code unknown}, decided as the session manager decides with the {@code lucia.session.*}
 * properties; {@code rotateSession} and {@code reauthenticated} read the session as validation does, and that read
 * is counted here too (see {@code MeteredAdapter});</li>
 * <li>{@code lucia.sessions.invalidated} (counter) by {@code scope}: {@code session} (one session deleted, by
 * sign-out, revocation, or found expired) and {@code user} (all of a user's sessions);</li>
 * <li>{@code lucia.sessions.cleanup.deleted} (counter): rows the clean-up deleted; its duration is the
 * {@code deleteExpiredSessions} operation's timer;</li>
 * <li>{@code lucia.adapter.operations} (timer) by {@code operation} (the adapter method) and {@code outcome}
 * ({@code success}, {@code error}).</li>
 * </ul>
 * {@code lucia.metrics.enabled=false} turns them off.
 */
@AutoConfiguration
@ConditionalOnClass({MeterRegistry.class, Adapter.class})
@ConditionalOnProperty(prefix = "lucia.metrics", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LuciaProperties.class)
public final class LuciaMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "luciaMetricsAdapterDecorator")
    AdapterDecorator luciaMetricsAdapterDecorator(ObjectProvider<MeterRegistry> registry, ObjectProvider<Clock> clock,
            LuciaProperties properties) {
        return new AdapterDecorator() {
            @Override
            public <I, U, S> Adapter<I, U, S> decorate(Adapter<I, U, S> adapter) {
                MeterRegistry meterRegistry = registry.getIfUnique();
                if (meterRegistry == null) {
                    return adapter;
                }
                return new MeteredAdapter<>(adapter, new MeteredAdapter.SessionMeters(meterRegistry),
                        clock.getIfUnique(Clock::systemUTC), renewal(properties.getSession()));
            }
        };
    }

    /**
     * The session manager's renewal settings, as {@code Lucia.Builder} derives them from the same properties: the
     * threshold is {@code renewal-threshold}, else the lifetime minus {@code renewal-interval}, else half the
     * lifetime.
     */
    static MeteredAdapter.Renewal renewal(LuciaProperties.Session session) {
        Duration lifetime = session.getLifetime();
        Duration threshold = session.getRenewalThreshold() != null ? session.getRenewalThreshold()
                : session.getRenewalInterval() != null ? lifetime.minus(session.getRenewalInterval())
                : lifetime.dividedBy(2);
        return new MeteredAdapter.Renewal(lifetime, threshold, session.getAbsoluteLifetime());
    }
}
