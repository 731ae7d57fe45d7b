package io.github.luciajooq.spring.boot;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.http.CrossOriginProtection;
import io.github.luciajooq.servlet.SessionFilter;
import io.github.luciajooq.spi.Adapter;
import java.time.Clock;
import java.util.List;

/** Builds lucia-jooq's objects from the properties, with the type variables the beans' wildcards hide. */
final class SessionManagers {

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
        if (cookie.getDomain() != null && !cookie.getDomain().isEmpty()) {
            builder.domain(cookie.getDomain());
        }
        if (clock != null) {
            builder.clock(clock);
        }
        return builder.build();
    }

    static <I, U, S> SessionFilter<I, U, S> filter(Lucia<I, U, S> lucia, CrossOriginProtection protection,
            List<String> excludePaths) {
        return SessionFilter.builder(lucia).crossOriginProtection(protection).excludePaths(excludePaths).build();
    }
}
