package io.github.luciajooq.spi;

import io.github.luciajooq.internal.Arguments;
import java.time.Instant;

/**
 * A session as an {@link Adapter} stores it.
 *
 * @param id what the session table's id column holds: the token's SHA-256, or the token itself (see
 *     {@link io.github.luciajooq.token.TokenStorage}); never blank
 * @param userId the id of the user the session belongs to; never blank when it is text
 * @param expiresAt when the session expires
 * @param attributes the session's other columns: a map by column name (an unmodifiable copy that keeps the given
 *     order and may hold {@code null} values), or a jOOQ record of the application's
 * @param authenticatedAt when the user last authenticated (signed in, or proved who they are again) in this
 *     session; {@code null} when the store does not keep it (a session table without the column)
 * @param <I> the type of user ids
 * @param <S> the type of the attributes
 */
public record DatabaseSession<I, S>(String id, I userId, Instant expiresAt, S attributes, Instant authenticatedAt) {

    /**
     * @throws NullPointerException when an argument is {@code null}
     * @throws IllegalArgumentException when an id is blank
     */
    public DatabaseSession {
        Arguments.requireId(id, "id");
        Arguments.requireUserId(userId, "userId");
        Arguments.requireNonNull(expiresAt, "expiresAt");
        attributes = Arguments.attributes(attributes, "attributes");
    }

    /** A session whose authentication time is not kept ({@code authenticatedAt} {@code null}). */
    public DatabaseSession(String id, I userId, Instant expiresAt, S attributes) {
        this(id, userId, expiresAt, attributes, null);
    }

    /**
     * The session without its id, which may be a credential, and with its attributes' names only, since their
     * values may be personal data.
     */
    @Override
    public String toString() {
        return "DatabaseSession[userId=" + userId + ", expiresAt=" + expiresAt + ", attributes="
                + Arguments.describe(attributes) + ", authenticatedAt=" + authenticatedAt + "]";
    }
}
