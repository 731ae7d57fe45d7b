package io.github.luciajooq.postgresql;

import io.github.luciajooq.postgresql.internal.schema.JooqVersion;
import io.github.luciajooq.postgresql.internal.schema.TableModel;

/**
 * The user table and the session table a PostgreSQL adapter works on, and the columns it reads: either the
 * application's own generated classes ({@link GeneratedTables}, with typed user ids and the application's records as
 * attributes) or tables by name ({@link NamedTables}, with text user ids and attributes as maps). Immutable and
 * thread-safe.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public abstract sealed class SessionTables<I, U, S> permits GeneratedTables, NamedTables {

    SessionTables() {}

    /** Lucia's tables by their documented names, {@code auth_user} and {@code user_session}; no attribute columns. */
    public static NamedTables lucia() {
        JooqVersion.require();
        return NamedTables.of(TableNames.DEFAULT);
    }

    /** What the statements are built from. */
    abstract TableModel<I, U, S> model();
}
