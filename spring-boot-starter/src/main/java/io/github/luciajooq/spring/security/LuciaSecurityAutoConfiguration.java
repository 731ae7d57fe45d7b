package io.github.luciajooq.spring.security;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.servlet.SessionFilter;
import io.github.luciajooq.spring.boot.LuciaServletAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Spring Security on lucia-jooq sessions: the {@link SessionSecurityContextRepository}, a logout handler that signs
 * the session out, and a {@code Customizer<HttpSecurity>} bean (Spring Security 7 applies such beans to every
 * {@code HttpSecurity} it makes) that sets both, keeps CSRF tokens and saved requests in cookies (so nothing creates
 * an {@code HttpSession}), and exempts requests with a bearer token from CSRF checks (they carry no cookie
 * credential). The application keeps its own {@code SecurityFilterChain} and its style; what it sets on
 * {@code HttpSecurity} afterwards wins. CSRF protection stays on for every cookie-authenticated request.
 */
@AutoConfiguration(after = LuciaServletAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, SecurityContextRepository.class, SessionFilter.class})
@ConditionalOnBean(SessionFilter.class)
public final class LuciaSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityContextRepository.class)
    SessionSecurityContextRepository luciaSecurityContextRepository(Lucia<?, ?, ?> lucia,
            SessionFilter<?, ?, ?> filter, ObjectProvider<SecuritySessions<?, ?, ?>> securitySessions) {
        return Repositories.repository(lucia, filter, securitySessions.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean(name = "luciaLogoutHandler")
    LogoutHandler luciaLogoutHandler(SessionFilter<?, ?, ?> filter) {
        return (request, response, authentication) -> filter.signOut(request, response);
    }

    @Bean
    @ConditionalOnMissingBean(name = "luciaHttpSecurityCustomizer")
    Customizer<HttpSecurity> luciaHttpSecurityCustomizer(SecurityContextRepository luciaSecurityContextRepository,
            LogoutHandler luciaLogoutHandler, Lucia<?, ?, ?> lucia) {
        return http -> {
            try {
                http.securityContext(context -> context.securityContextRepository(luciaSecurityContextRepository))
                        .logout(logout -> logout.addLogoutHandler(luciaLogoutHandler))
                        // No HttpSession for anything else either: CSRF tokens and saved requests go in cookies.
                        // A request with a bearer token is authenticated by that token alone (SessionFilter reads
                        // no cookie then), which no other site's page can set: CSRF does not apply to it.
                        .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                                .ignoringRequestMatchers(request ->
                                        lucia.readBearerToken(request.getHeader("Authorization")).isPresent()))
                        .requestCache(cache -> cache.requestCache(new CookieRequestCache()));
            } catch (Exception e) {
                throw new IllegalStateException("configuring HttpSecurity for lucia-jooq sessions failed", e);
            }
        };
    }
}
