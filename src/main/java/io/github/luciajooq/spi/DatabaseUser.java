package io.github.luciajooq.spi;

import io.github.luciajooq.internal.Arguments;

/**
 * A user as an {@link Adapter} reads it.
 *
 * @param id the user id; never blank when it is text
 * @param attributes the columns of the user's row the adapter was asked to read: a map by column name (an
 *     unmodifiable copy that may hold {@code null} values), or a jOOQ record of the application's
 * @param <I> the type of user ids
 * @param <U> the type of the attributes
 */
public record DatabaseUser<I, U>(I id, U attributes) {

    /**
     * @throws NullPointerException when an argument is {@code null}
     * @throws IllegalArgumentException when the id is blank text
     */
    public DatabaseUser {
        Arguments.requireUserId(id, "id");
        attributes = Arguments.attributes(attributes, "attributes");
    }

    /** The user with its attributes' names only: their values may be personal data or secrets (a password hash). */
    @Override
    public String toString() {
        return "DatabaseUser[id=" + id + ", attributes=" + Arguments.describe(attributes) + "]";
    }
}
