package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import java.time.Instant;
import java.util.Map;

/**
 * A session as an {@link Adapter} stores it.
 *
 * @param id the session id, never blank
 * @param userId the id of the user the session belongs to, never blank
 * @param expiresAt when the session expires
 * @param attributes every other column of the session's row, keyed by column name; an unmodifiable copy that
 *     keeps the given order and may hold {@code null} values; never contains {@code id}, {@code user_id} or
 *     {@code expires_at}
 */
public record DatabaseSession(String id, String userId, Instant expiresAt, Map<String, Object> attributes) {

    /**
     * @throws NullPointerException when an argument is {@code null}
     * @throws IllegalArgumentException when an id is blank, or an attribute's name is blank or a reserved column
     */
    public DatabaseSession {
        Arguments.requireId(id, "id");
        Arguments.requireId(userId, "userId");
        Arguments.requireNonNull(expiresAt, "expiresAt");
        attributes = Arguments.attributes(attributes, "attributes", "id", "user_id", "expires_at");
    }

    /**
     * The session without its id, which is a credential, and with its attributes' names only, since their values
     * may be personal data.
     */
    @Override
    public String toString() {
        return "DatabaseSession[userId=" + userId + ", expiresAt=" + expiresAt + ", attributes=" + attributes.keySet()
                + "]";
    }
}
