package io.github.luciajooq.postgresql;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;

/** What PostgreSQL said, as r2dbc-postgresql reports it. Loaded only by {@link AsyncPostgresAdapter}. */
final class R2dbcErrors {

    private R2dbcErrors() {}

    /** The server's error in this exception's causes, or {@code null} when there is none. */
    static StoreErrors.ServerError of(Throwable error) {
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
