package io.github.luciajooq;

import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.http.RequestHeaders;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.token.SessionToken;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@link Lucia} and {@link AsyncLucia} share: the policy, and the request and response headers, which
 * involve no I/O and so are the same, synchronous, in both.
 */
abstract class AbstractSessionManager {

    final SessionPolicy policy;

    AbstractSessionManager(SessionPolicy policy) {
        this.policy = policy;
    }

    /**
     * The session token in a {@code Cookie} request header: the first value of the session cookie that is a
     * well-formed token. Cookies are split at {@code ;}; white space around names and values is ignored, a value in
     * double quotes is unquoted and percent-encoding is decoded (UTF-8).
     *
     * @param cookieHeader the header's value, or {@code null} when the request has none
     * @return empty when there is no session cookie with a well-formed token; never throws on a malformed header
     */
    public final Optional<SessionToken> readSessionCookie(String cookieHeader) {
        return policy.readSessionCookie(cookieHeader);
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header (RFC 6750: the scheme in any case).
     *
     * @param authorizationHeader the header's value, or {@code null} when the request has none
     * @return empty for any other header, or a token that is not well-formed; never throws
     */
    public final Optional<SessionToken> readBearerToken(String authorizationHeader) {
        return RequestHeaders.bearerToken(authorizationHeader).flatMap(SessionToken::parse);
    }

    /**
     * The cookie that carries this token to the client: {@code HttpOnly}, with the configured attributes and a
     * {@code Max-Age} of the session lifetime (400 days when the cookie is set not to expire).
     */
    public final Cookie createSessionCookie(SessionToken token) {
        return policy.sessionCookie(Arguments.requireNonNull(token, "token"));
    }

    /** The cookie that removes the session cookie from the client: an empty value and {@code Max-Age=0}. */
    public final Cookie createBlankSessionCookie() {
        return policy.blankSessionCookie();
    }

    /**
     * Whether the user authenticated in this session (signed in or {@linkplain Lucia#reauthenticated
     * re-authenticated}) less than this long ago, by this session manager's clock: the check before a sensitive
     * action ("sudo mode", OWASP ASVS 5.0 V7.5). When it is {@code false}, ask for the password again, then call
     * {@code reauthenticated}. Exactly {@code duration} after the authentication it is {@code false}.
     *
     * @return {@code false} also when the session's authentication time is not known (a session table without it)
     * @throws IllegalArgumentException when the duration is negative
     */
    public final boolean authenticatedWithin(Session<?, ?> session, Duration duration) {
        Arguments.requireNonNull(session, "session");
        Arguments.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, not " + duration);
        }
        return policy.authenticatedWithin(session, duration);
    }

    /** The session cookie's name, {@code auth_session} by default. */
    public final String sessionCookieName() {
        return policy.sessionCookieName();
    }
}
