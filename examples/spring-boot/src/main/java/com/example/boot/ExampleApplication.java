package com.example.boot;

import static com.example.boot.db.Tables.APP_SESSION;
import static com.example.boot.db.Tables.APP_USER;

import com.example.boot.db.tables.records.AppSessionRecord;
import com.example.boot.db.tables.records.AppUserRecord;
import io.github.luciajooq.postgresql.GeneratedTables;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The example's whole wiring. lucia-jooq-spring-boot-starter makes the session manager, its filter, the clean-up and
 * Spring Security's context repository from Spring Boot's {@code DSLContext} and the one bean below; Spring Boot
 * applies the Liquibase changelog at start-up.
 */
@SpringBootApplication
public class ExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    /** lucia-jooq's columns in the application's own tables, and the columns validation reads besides. */
    @Bean
    GeneratedTables<UUID, AppUserRecord, AppSessionRecord> sessionTables() {
        return GeneratedTables.of(APP_USER.ID, APP_SESSION.ID, APP_SESSION.USER_ID, APP_SESSION.EXPIRES_AT)
                .withUserColumns(APP_USER.USERNAME)
                .withSessionColumns(APP_SESSION.IP, APP_SESSION.USER_AGENT);
    }

    /**
     * Which pages are public, the sign-in page as the entry point, the logout URL: Spring Security's usual settings.
     * The starter adds the rest: the security context in lucia-jooq sessions, logout ending the session, and the
     * CSRF token (protection stays on) and saved requests in cookies, so that nothing creates an {@code HttpSession}.
     */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/sign-in", "/sign-up", "/style.css", "/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in"))
                .build();
    }
}
