package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;

/**
 * A valid session and its user, as {@link Lucia#validateSession} returns them.
 *
 * @param session the session; {@link Session#fresh()} says whether to send a new cookie
 * @param user its user
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public record SessionAndUser<I, U, S>(Session<I, S> session, User<I, U> user) {

    /** @throws NullPointerException when an argument is {@code null} */
    public SessionAndUser {
        Arguments.requireNonNull(session, "session");
        Arguments.requireNonNull(user, "user");
    }
}
