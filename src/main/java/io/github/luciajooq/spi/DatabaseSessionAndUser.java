package io.github.luciajooq.spi;

import io.github.luciajooq.internal.Arguments;

/**
 * A session and the user it belongs to, as {@link Adapter#getSessionAndUser(String)} reads them together.
 *
 * @param session the session
 * @param user its user; {@code user.id()} equals {@code session.userId()}
 * @param <I> the type of user ids
 * @param <U> the type of a user's attributes
 * @param <S> the type of a session's attributes
 */
public record DatabaseSessionAndUser<I, U, S>(DatabaseSession<I, S> session, DatabaseUser<I, U> user) {

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
