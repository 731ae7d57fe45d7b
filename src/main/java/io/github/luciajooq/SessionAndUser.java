package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;

/**
 * A valid session and its user, as {@link Lucia#validateSession(String)} returns them.
 *
 * @param session the session; {@link Session#fresh()} says whether to send a new cookie
 * @param user its user
 */
public record SessionAndUser(Session session, User user) {

    /** @throws NullPointerException when an argument is {@code null} */
    public SessionAndUser {
        Arguments.requireNonNull(session, "session");
        Arguments.requireNonNull(user, "user");
    }
}
