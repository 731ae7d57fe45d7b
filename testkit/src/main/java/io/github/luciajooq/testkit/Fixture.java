package io.github.luciajooq.testkit;

import java.util.Optional;

/**
 * What the contract tests need to know of an adapter's types: how users are added and named, and how the
 * contract's two session attributes (a text and a flag) and the user's username are written and read, as maps by
 * column name or as an application's generated records.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public interface Fixture<I, U, S> {

    /** Adds a user with this name (see {@link #userId(String)}) and username. */
    void insertUser(String name, String username);

    /** The id of the user of this name: the name itself for text ids, one derived from it for others. */
    I userId(String name);

    /** Session attributes with this text and flag, either of which may be {@code null}. */
    S attributes(String text, Boolean flag);

    /** The text attribute of these session attributes, or {@code null} when it is not set. */
    String text(S attributes);

    /** The flag attribute of these session attributes, or {@code null} when it is not set. */
    Boolean flag(S attributes);

    /** The username in these user attributes. */
    String username(U attributes);

    /** Session attributes that name a column the session table does not have, where the type can express one. */
    Optional<S> attributesWithUnknownColumn();

    /** Session attributes that set the session's own id column, which the adapter writes itself. */
    S attributesSettingTheId();
}
