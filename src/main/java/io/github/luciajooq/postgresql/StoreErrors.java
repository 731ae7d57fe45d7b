package io.github.luciajooq.postgresql;

import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns PostgreSQL's refusal of a session insert into a {@link SessionStoreException} that names the problem.
 * <p>
 * The driver's error is not kept as the cause: its detail and, under {@code StatementType.STATIC_STATEMENT},
 * jOOQ's SQL text carry the session id, a credential that must not reach logs. The message keeps PostgreSQL's
 * primary message, which names the column or constraint and not the key's value.
 */
final class StoreErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String UNDEFINED_COLUMN = "42703";
    private static final String DATATYPE_MISMATCH = "42804";

    private StoreErrors() {}

    static RuntimeException translate(DataAccessException error, DatabaseSession session, TableNames names) {
        String sqlState = error.sqlState();
        ServerErrorMessage server = serverMessage(error);
        if (server == null) {
            return error;
        }
        // The key's columns appear as "(id)=(" in every translation of PostgreSQL's detail message.
        String detail = server.getDetail() == null ? "" : server.getDetail();
        String primary = server.getMessage();
        if (UNIQUE_VIOLATION.equals(sqlState) && detail.contains("(id)=(")) {
            return new SessionStoreException(Reason.DUPLICATE_SESSION_ID,
                    "another session in table \"" + names.session() + "\" already has this session's id", null);
        }
        if (FOREIGN_KEY_VIOLATION.equals(sqlState) && detail.contains("(user_id)=(")) {
            return new SessionStoreException(Reason.UNKNOWN_USER,
                    "user \"" + session.userId() + "\" does not exist in table \"" + names.user() + "\"", null);
        }
        if (UNDEFINED_COLUMN.equals(sqlState)) {
            return new SessionStoreException(Reason.UNKNOWN_ATTRIBUTE,
                    "a session attribute has no column in table \"" + names.session() + "\" (attributes "
                            + session.attributes().keySet() + "): " + primary, null);
        }
        if (DATATYPE_MISMATCH.equals(sqlState) || sqlState.startsWith("22") || sqlState.startsWith("23")) {
            return new SessionStoreException(Reason.INVALID_ATTRIBUTE_VALUE,
                    "a session attribute does not fit its column in table \"" + names.session() + "\" (attributes "
                            + session.attributes().keySet() + "): " + primary, null);
        }
        return error;
    }

    private static ServerErrorMessage serverMessage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage();
            }
        }
        return null;
    }
}
