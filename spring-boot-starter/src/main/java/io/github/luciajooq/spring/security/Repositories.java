package io.github.luciajooq.spring.security;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.servlet.SessionFilter;

/** Joins the beans' wildcard types: the session manager, its filter and the application's mapping share them. */
final class Repositories {

    private Repositories() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static SessionSecurityContextRepository repository(Lucia<?, ?, ?> lucia, SessionFilter<?, ?, ?> filter,
            SecuritySessions<?, ?, ?> securitySessions) {
        return new SessionSecurityContextRepository((Lucia) lucia, (SessionFilter) filter,
                (SecuritySessions) securitySessions);
    }
}
