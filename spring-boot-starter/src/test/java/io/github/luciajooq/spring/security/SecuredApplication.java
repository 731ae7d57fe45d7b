package io.github.luciajooq.spring.security;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.User;
import io.github.luciajooq.spring.web.SignedIn;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application as its developers write it: its own security filter chain (form login, logout, CSRF as Spring
 * Security sets it), users of its own, one {@link SecuritySessions} bean, and controllers that take the session as a
 * parameter. Nothing in it names a session store: the starter keeps the security context in lucia-jooq sessions.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecuredApplication.Pages.class)
public class SecuredApplication {

    static final String PASSWORD = "correct horse battery staple";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/public/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .logout(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                org.springframework.security.core.userdetails.User.withUsername("ann").password("{noop}" + PASSWORD)
                        .roles("USER").build());
    }

    @Bean
    SecuritySessions<String, Map<String, Object>, Map<String, Object>> securitySessions() {
        return new SecuritySessions<>() {
            @Override
            public String userId(Authentication authentication) {
                return authentication.getName();
            }

            @Override
            public Map<String, Object> sessionAttributes(Authentication authentication, HttpServletRequest request) {
                return Map.of();
            }

            @Override
            public Collection<? extends GrantedAuthority> authorities(
                    SessionAndUser<String, Map<String, Object>, Map<String, Object>> signedIn) {
                return List.of(new SimpleGrantedAuthority("ROLE_USER"));
            }
        };
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @RestController
    static class Pages {
        private final Lucia<String, Map<String, Object>, Map<String, Object>> lucia;
        private final UserDetailsService users;
        private final SecurityContextRepository repository;

        Pages(Lucia<String, Map<String, Object>, Map<String, Object>> lucia, UserDetailsService users,
                SecurityContextRepository repository) {
            this.lucia = lucia;
            this.users = users;
            this.repository = repository;
        }

        @GetMapping("/private")
        String home(@AuthenticationPrincipal User<String, Map<String, Object>> user, Authentication authentication) {
            return "hello " + user.id() + " " + authentication.getAuthorities();
        }

        @GetMapping("/public/me")
        String me(@SignedIn User<String, Map<String, Object>> user) {
            return "user " + user.id();
        }

        @GetMapping("/public/maybe")
        String maybe(@SignedIn Optional<SessionAndUser<String, Map<String, Object>, Map<String, Object>>> signedIn) {
            return signedIn.map(found -> "signed in as " + found.user().id()).orElse("anonymous");
        }

        @GetMapping("/public/csrf")
        String csrf(CsrfToken token) {
            return token.getToken();
        }

        /** Sign-in at the application's own endpoint, as Spring Security's documentation writes it. */
        @PostMapping("/public/sign-in")
        String signIn(@RequestParam String username, @RequestParam String password, HttpServletRequest request,
                HttpServletResponse response) {
            Authentication authentication = new ProviderManager(new DaoAuthenticationProvider(users))
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            repository.saveContext(context, request, response);
            return "signed in";
        }

        /** An API client's token: the session's token in the body, for Authorization: Bearer. */
        @PostMapping("/api/token")
        String token(@SignedIn User<String, Map<String, Object>> user) {
            return lucia.createSession(user.id(), Map.of()).token().value();
        }
    }
}
