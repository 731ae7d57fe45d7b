package io.github.luciajooq.spring.boot;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.http.CrossOriginProtection;
import io.github.luciajooq.servlet.SessionFilter;
import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link SessionFilter} in a servlet application, on the {@link Lucia} bean, with the {@code lucia.cross-origin.*}
 * settings, registered in the container with {@code lucia.filter.*} (order, URL patterns), ahead of Spring
 * Security's filter chain. Backs off when the application declares its own {@code SessionFilter} (which is then the
 * one registered) or a bean named {@code luciaSessionFilterRegistration}.
 */
@AutoConfiguration(after = LuciaAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Filter.class, SessionFilter.class})
@EnableConfigurationProperties(LuciaProperties.class)
public final class LuciaServletAutoConfiguration {

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
    FilterRegistrationBean<SessionFilter<?, ?, ?>> luciaSessionFilterRegistration(SessionFilter<?, ?, ?> filter,
            LuciaProperties properties) {
        FilterRegistrationBean<SessionFilter<?, ?, ?>> registration = new FilterRegistrationBean<>(filter);
        registration.setName("luciaSessionFilter");
        registration.setOrder(properties.getFilter().getOrder());
        registration.setUrlPatterns(properties.getFilter().getUrlPatterns());
        // Disabled rather than absent: a Filter bean without a registration would be mapped to every path.
        registration.setEnabled(properties.getFilter().isEnabled());
        return registration;
    }
}
