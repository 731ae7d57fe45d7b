package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.token.SessionToken;

/**
 * A session just created, with its token: the one time the application sees the token, to send it to the client
 * ({@link Lucia#createSessionCookie(SessionToken)}, or in a response body for a bearer token).
 *
 * @param token the session's credential; never stored as it is when tokens are hashed
 * @param session the session, {@linkplain Session#fresh() fresh}
 * @param <I> the type of user ids
 * @param <S> the type of session attributes
 */
public record NewSession<I, S>(SessionToken token, Session<I, S> session) {

    /** @throws NullPointerException when an argument is {@code null} */
    public NewSession {
        Arguments.requireNonNull(token, "token");
        Arguments.requireNonNull(session, "session");
    }
}
