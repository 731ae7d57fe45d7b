package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import java.time.Instant;
import java.util.Map;

/**
 * A valid session, as {@link Lucia} hands it to the application.
 *
 * @param id the session id: the secret the client presents, in a cookie or as a bearer token
 * @param userId the id of the user it belongs to
 * @param expiresAt when it expires, unless renewed before
 * @param fresh {@code true} when the session was just created or its expiry was just extended: the application
 *     should then send the client a new session cookie ({@link Lucia#createSessionCookie(String)})
 * @param attributes the session's attribute columns by name, as the adapter read or was given them; an
 *     unmodifiable copy that may hold {@code null} values
 */
public record Session(String id, String userId, Instant expiresAt, boolean fresh, Map<String, Object> attributes) {

    /**
     * @throws NullPointerException when an argument is {@code null}
     * @throws IllegalArgumentException when an id is blank or an attribute name blank or reserved
     */
    public Session {
        Arguments.requireId(id, "id");
        Arguments.requireId(userId, "userId");
        Arguments.requireNonNull(expiresAt, "expiresAt");
        attributes = Arguments.attributes(attributes, "attributes", "id", "user_id", "expires_at");
    }

    /**
     * A session is a credential: its id is left out, so that logging a session cannot leak it, and its attributes
     * are shown by name only, since their values may be personal data.
     */
    @Override
    public String toString() {
        return "Session[userId=" + userId + ", expiresAt=" + expiresAt + ", fresh=" + fresh
                + ", attributes=" + attributes.keySet() + "]";
    }
}
