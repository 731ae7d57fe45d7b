package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import java.util.Map;

/**
 * A user as an {@link Adapter} reads it.
 *
 * @param id the user id, never blank
 * @param attributes every other column of the user's row, keyed by column name; an unmodifiable copy that
 *     keeps the given order and may hold {@code null} values; never contains {@code id}
 */
public record DatabaseUser(String id, Map<String, Object> attributes) {

    /**
     * @throws NullPointerException when an argument is {@code null}
     * @throws IllegalArgumentException when the id is blank, or an attribute's name is blank or {@code id}
     */
    public DatabaseUser {
        Arguments.requireId(id, "id");
        attributes = Arguments.attributes(attributes, "attributes", "id");
    }

    /** The user with its attributes' names only: their values may be personal data or secrets (a password hash). */
    @Override
    public String toString() {
        return "DatabaseUser[id=" + id + ", attributes=" + attributes.keySet() + "]";
    }
}
