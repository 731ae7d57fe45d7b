package io.github.luciajooq.spring.security;

import io.github.luciajooq.SessionAndUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * How Spring Security's sign-ins become lucia-jooq sessions, and sessions authentications: the one bean an
 * application that signs in through Spring Security (form login, HTTP Basic on a sign-in endpoint, OAuth 2.0 login)
 * declares. Implementations must be thread-safe.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public interface SecuritySessions<I, U, S> {

    /** The id of the user this successful authentication signs in. */
    I userId(Authentication authentication);

    /** The attributes of the session the sign-in creates: a new record, or an empty map with tables by name. */
    S sessionAttributes(Authentication authentication, HttpServletRequest request);

    /** The authorities of a request with this valid session: none by default. */
    default Collection<? extends GrantedAuthority> authorities(SessionAndUser<I, U, S> signedIn) {
        return List.of();
    }
}
