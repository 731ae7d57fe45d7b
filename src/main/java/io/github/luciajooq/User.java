package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;

/**
 * The user a valid session belongs to.
 *
 * @param id the user id
 * @param attributes the user's columns the adapter was asked to read: a map by column name, or a jOOQ record of the
 *     application's
 * @param <I> the type of user ids
 * @param <U> the type of the attributes
 */
public record User<I, U>(I id, U attributes) {

    /** @throws NullPointerException when an argument is {@code null} */
    public User {
        Arguments.requireUserId(id, "id");
        attributes = Arguments.attributes(attributes, "attributes");
    }

    /** The user with its attributes' names only: their values may be personal data or secrets (a password hash). */
    @Override
    public String toString() {
        return "User[id=" + id + ", attributes=" + Arguments.describe(attributes) + "]";
    }
}
