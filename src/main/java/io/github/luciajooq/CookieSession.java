package io.github.luciajooq;

import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.token.SessionToken;
import java.util.Optional;

/**
 * What validating a request's session cookies found ({@link Lucia#validateSessionCookies},
 * {@link AsyncLucia#validateSessionCookies}), and the cookie to send back: the framework-neutral request cycle
 * that {@link io.github.luciajooq.servlet.SessionFilter} runs, for any HTTP stack.
 * <p>
 * When {@link #setCookie()} holds a cookie, add it to the response as {@code Set-Cookie} before the response is
 * committed, together with {@value #CACHE_CONTROL} as {@code Cache-Control}, so that no shared cache keeps it.
 *
 * @param sessionAndUser the valid session and its user; empty when no session cookie held a valid session
 * @param token the token of that session (to sign it out with {@link Lucia#invalidateSession(SessionToken)});
 *     empty exactly when {@code sessionAndUser} is; never printed ({@link SessionToken#toString()})
 * @param setCookie the session cookie again (renewed, or its expiry caught up, see
 *     {@link Lucia#validateSessionCookies}), or the blank cookie, or nothing to send
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public record CookieSession<I, U, S>(Optional<SessionAndUser<I, U, S>> sessionAndUser, Optional<SessionToken> token,
        Optional<Cookie> setCookie) {

    /** The {@code Cache-Control} of a response that sets the session cookie. */
    public static final String CACHE_CONTROL = "private, no-store";

    /** @throws NullPointerException when an argument is {@code null} */
    public CookieSession {
        Arguments.requireNonNull(sessionAndUser, "sessionAndUser");
        Arguments.requireNonNull(token, "token");
        Arguments.requireNonNull(setCookie, "setCookie");
        if (sessionAndUser.isPresent() != token.isPresent()) {
            throw new IllegalArgumentException("token must be present exactly when sessionAndUser is");
        }
    }
}
