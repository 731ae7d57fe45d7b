package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;

/**
 * A session and the user it belongs to, as {@link Adapter#getSessionAndUser(String)} reads them together.
 *
 * @param session the session, never {@code null}
 * @param user its user, never {@code null}; {@code user.id()} equals {@code session.userId()}
 */
public record DatabaseSessionAndUser(DatabaseSession session, DatabaseUser user) {

    /**
     * @throws NullPointerException when an argument is {@code null}
     * @throws IllegalArgumentException when the user is not the session's
     */
    public DatabaseSessionAndUser {
        Arguments.requireNonNull(session, "session");
        Arguments.requireNonNull(user, "user");
        if (!session.userId().equals(user.id())) {
            throw new IllegalArgumentException(
                    "user: the session belongs to user \"" + session.userId() + "\", not \"" + user.id() + "\"");
        }
    }
}
