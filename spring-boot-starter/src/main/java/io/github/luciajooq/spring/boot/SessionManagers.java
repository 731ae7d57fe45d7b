package io.github.luciajooq.spring.boot;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.http.CrossOriginProtection;
import io.github.luciajooq.servlet.SessionFilter;
import io.github.luciajooq.spi.Adapter;
import java.time.Clock;
import java.util.List;

/** Builds lucia-jooq's objects from the properties, with the type variables the beans' wildcards hide. */
final class SessionManagers {

    /** The session manager builder's setting names, as its messages say them, and the properties that set them. */
    private static final String[][] SESSION_SETTINGS = {
        {"sessionLifetime", "lucia.session.lifetime"},
        {"renewalThreshold", "lucia.session.renewal-threshold"},
        {"renewalInterval", "lucia.session.renewal-interval"},
        {"absoluteLifetime", "lucia.session.absolute-lifetime"},
    };

    private SessionManagers() {}

    static <I, U, S> Lucia<I, U, S> lucia(Adapter<I, U, S> adapter, LuciaProperties properties,
            List<AdapterDecorator> decorators, Clock clock) {
        Adapter<I, U, S> decorated = adapter;
        for (AdapterDecorator decorator : decorators) {
            decorated = decorator.decorate(decorated);
        }
        LuciaProperties.Session session = properties.getSession();
        LuciaProperties.Cookie cookie = properties.getCookie();
        Lucia.Builder<I, U, S> builder = Lucia.builder(decorated)
                .sessionLifetime(session.getLifetime())
                .tokenStorage(session.getTokenStorage())
                .sessionCookieName(cookie.getName())
                .sessionCookieExpires(cookie.isExpires())
                .secure(cookie.isSecure())
                .sameSite(cookie.getSameSite())
                .path(cookie.getPath());
        if (session.getRenewalThreshold() != null) {
            builder.renewalThreshold(session.getRenewalThreshold());
        }
        if (session.getRenewalInterval() != null) {
            builder.renewalInterval(session.getRenewalInterval());
        }
        if (session.getAbsoluteLifetime() != null) {
            builder.absoluteLifetime(session.getAbsoluteLifetime());
        }
        if (session.getMaxPerUser() != null) {
            if (session.getMaxPerUser() < 1) {
                throw new IllegalArgumentException(
                        "lucia.session.max-per-user must be at least 1, not " + session.getMaxPerUser());
            }
            builder.maxSessionsPerUser(session.getMaxPerUser(), session.getAtLimit());
        }
        if (cookie.getDomain() != null && !cookie.getDomain().isEmpty()) {
            builder.domain(cookie.getDomain());
        }
        if (clock != null) {
            builder.clock(clock);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(withPropertyNames(e.getMessage()), e);
        }
    }

    /** The builder's message, with the {@code lucia.session.*} properties' names for its settings' names. */
    private static String withPropertyNames(String message) {
        String named = message;
        for (String[] setting : SESSION_SETTINGS) {
            named = named.replace(setting[0], setting[1]);
        }
        return named;
    }

    static <I, U, S> SessionFilter<I, U, S> filter(Lucia<I, U, S> lucia, CrossOriginProtection protection,
            List<String> excludePaths) {
        return SessionFilter.builder(lucia).crossOriginProtection(protection).excludePaths(excludePaths).build();
    }
}
