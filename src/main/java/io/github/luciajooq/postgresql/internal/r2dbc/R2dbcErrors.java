package io.github.luciajooq.postgresql.internal.r2dbc;

import io.github.luciajooq.postgresql.AsyncPostgresAdapter;
import io.github.luciajooq.postgresql.internal.statement.StoreErrors;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;

/** What PostgreSQL said, as r2dbc-postgresql reports it. Loaded only by {@link AsyncPostgresAdapter}. */
public final class R2dbcErrors {

    private R2dbcErrors() {}

    /** The server's error in this exception's causes, or {@code null} when there is none. */
    public static StoreErrors.ServerError of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres) {
                ErrorDetails details = postgres.getErrorDetails();
                return new StoreErrors.ServerError(details.getCode(), details.getMessage(),
                        details.getConstraintName().orElse(null), details.getColumnName().orElse(null));
            }
        }
        return null;
    }
}
