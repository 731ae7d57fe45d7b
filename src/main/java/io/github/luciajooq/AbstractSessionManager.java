package io.github.luciajooq;

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
     * The session id in a {@code Cookie} request header. Cookies are split at {@code ;}; white space around
     * names and values is ignored, a value in double quotes is unquoted and percent-encoding is decoded (UTF-8).
     * When the name appears more than once, the first usable value wins.
     *
     * @param cookieHeader the header's value, or {@code null} when the request has none
     * @return empty when there is no session cookie with a usable value; never throws on a malformed header
     */
    public final Optional<String> readSessionCookie(String cookieHeader) {
        return policy.readSessionCookie(cookieHeader);
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header (RFC 6750: the scheme in any case, the token
     * a {@code b64token}).
     *
     * @param authorizationHeader the header's value, or {@code null} when the request has none
     * @return empty for any other header; never throws
     */
    public final Optional<String> readBearerToken(String authorizationHeader) {
        return Headers.bearerToken(authorizationHeader);
    }

    /**
     * The cookie that carries this session id to the client: {@code HttpOnly}, with the configured attributes
     * and a {@code Max-Age} of the session lifetime (400 days when the cookie is set not to expire).
     *
     * @throws IllegalArgumentException when the id is not well-formed (see
     *     {@link Lucia#createSession(String, java.util.Map, String)}); the message does not repeat it
     */
    public final Cookie createSessionCookie(String sessionId) {
        SessionIds.requireWellFormed(sessionId, "sessionId");
        return policy.sessionCookie(sessionId);
    }

    /** The cookie that removes the session cookie from the client: an empty value and {@code Max-Age=0}. */
    public final Cookie createBlankSessionCookie() {
        return policy.blankSessionCookie();
    }

    /** The session cookie's name, {@code auth_session} by default. */
    public final String sessionCookieName() {
        return policy.sessionCookieName();
    }
}
