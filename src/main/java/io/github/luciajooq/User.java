package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import java.util.Map;

/**
 * The user a valid session belongs to.
 *
 * @param id the user id
 * @param attributes the user's attribute columns by name, as the adapter read them; an unmodifiable copy that
 *     may hold {@code null} values
 */
public record User(String id, Map<String, Object> attributes) {

    /**
     * @throws NullPointerException when an argument is {@code null}
     * @throws IllegalArgumentException when the id is blank or an attribute name blank or {@code id}
     */
    public User {
        Arguments.requireId(id, "id");
        attributes = Arguments.attributes(attributes, "attributes", "id");
    }

    /** The user with its attributes' names only: their values may be personal data or secrets (a password hash). */
    @Override
    public String toString() {
        return "User[id=" + id + ", attributes=" + attributes.keySet() + "]";
    }
}
