package io.github.luciajooq.spring.security;

import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.User;
import java.util.Collection;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authentication of a request with a valid lucia-jooq session: authenticated, its principal the session's
 * {@link User} (so {@code @AuthenticationPrincipal User<UUID, UsersRecord> user}), no credentials. Its
 * {@code toString()} names the user id, never the token (which it does not hold). Immutable.
 */
public final class SessionAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient SessionAndUser<?, ?, ?> sessionAndUser;

    /**
     * @param sessionAndUser the request's valid session
     * @param authorities what the user may do
     */
    public SessionAuthentication(SessionAndUser<?, ?, ?> sessionAndUser,
            Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.sessionAndUser = Objects.requireNonNull(sessionAndUser, "sessionAndUser");
        setAuthenticated(true);
    }

    /** The request's valid session and its user. */
    public SessionAndUser<?, ?, ?> sessionAndUser() {
        return sessionAndUser;
    }

    /** The session's {@link User}. */
    @Override
    public User<?, ?> getPrincipal() {
        return sessionAndUser.user();
    }

    /** None: the session token stays with {@code SessionFilter}. */
    @Override
    public Object getCredentials() {
        return null;
    }

    /** The user id, as text. */
    @Override
    public String getName() {
        return String.valueOf(sessionAndUser.user().id());
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
