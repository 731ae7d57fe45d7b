package io.github.luciajooq.postgresql.internal.jdbc;

import io.github.luciajooq.postgresql.internal.statement.StoreErrors;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** What PostgreSQL said, as pgjdbc reports it. */
public final class JdbcErrors {

    private JdbcErrors() {}

    /** The server's error in this exception's causes, or {@code null} when there is none. */
    public static StoreErrors.ServerError of(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return new StoreErrors.ServerError(server.getSQLState(), server.getMessage(), server.getConstraint(),
                        server.getColumn());
            }
        }
        return null;
    }
}
