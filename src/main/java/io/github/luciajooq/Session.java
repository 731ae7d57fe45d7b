package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.token.SessionHandle;
import java.time.Instant;

/**
 * A session, as a session manager hands it to the application. It holds no credential: the token is returned
 * once, in the {@link NewSession} that {@link Lucia#createSession(Object, Object)} returns, and the client
 * presents it after that.
 *
 * @param handle names this session without being a credential: what a "your devices" page revokes it by
 *     ({@link Lucia#invalidateSession(Object, SessionHandle)})
 * @param userId the id of the user it belongs to
 * @param expiresAt when it expires, unless renewed before
 * @param fresh {@code true} when the session was just created or its expiry was just extended: the application
 *     should then send the client a new session cookie ({@link Lucia#createSessionCookie})
 * @param attributes the session's attribute columns the adapter read or was given: a map by column name, or a jOOQ
 *     record of the application's
 * @param authenticatedAt when the user last authenticated in this session (signed in, or
 *     {@linkplain Lucia#reauthenticated re-authenticated}); {@code null} when not known: a session read from a
 *     session table that does not keep it (see {@link io.github.luciajooq.postgresql.GeneratedTables#withAuthenticatedAt}).
 *     A session just created always has it: the user authenticated now
 * @param <I> the type of user ids
 * @param <S> the type of the attributes
 */
public record Session<I, S>(SessionHandle handle, I userId, Instant expiresAt, boolean fresh, S attributes,
        Instant authenticatedAt) {

    /** @throws NullPointerException when an argument is {@code null} */
    public Session {
        Arguments.requireNonNull(handle, "handle");
        Arguments.requireUserId(userId, "userId");
        Arguments.requireNonNull(expiresAt, "expiresAt");
        attributes = Arguments.attributes(attributes, "attributes");
    }

    /** A session whose authentication time is not known ({@code authenticatedAt} {@code null}). */
    public Session(SessionHandle handle, I userId, Instant expiresAt, boolean fresh, S attributes) {
        this(handle, userId, expiresAt, fresh, attributes, null);
    }

    /** The session with its attributes shown by name only, since their values may be personal data. */
    @Override
    public String toString() {
        return "Session[handle=" + handle.value() + ", userId=" + userId + ", expiresAt=" + expiresAt + ", fresh="
                + fresh + ", attributes=" + Arguments.describe(attributes) + ", authenticatedAt=" + authenticatedAt + "]";
    }
}
