package io.github.luciajooq.postgresql;

import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;

/**
 * Turns PostgreSQL's refusal of a session insert into a {@link SessionStoreException} that names the problem,
 * whichever driver reported it.
 * <p>
 * The driver's error is not kept as the cause: its detail and, under {@code StatementType.STATIC_STATEMENT},
 * jOOQ's SQL text carry the session id, a credential that must not reach logs. The message keeps PostgreSQL's
 * primary message, which names the column or constraint and not the key's value.
 */
final class StoreErrors {

    /**
     * What PostgreSQL said, as a driver reports it.
     *
     * @param sqlState the SQLSTATE
     * @param message the primary message
     * @param detail the detail, or an empty string
     */
    record ServerError(String sqlState, String message, String detail) {}

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String UNDEFINED_COLUMN = "42703";
    private static final String DATATYPE_MISMATCH = "42804";

    private StoreErrors() {}

    /** The insert affected no row: another session has the id (the insert does nothing on conflict). */
    static SessionStoreException duplicateId(TableNames names) {
        return new SessionStoreException(Reason.DUPLICATE_SESSION_ID,
                "another session in table \"" + names.session() + "\" already has this session's id", null);
    }

    /**
     * @param error the error as thrown
     * @param server what PostgreSQL said, when the driver says it; {@code null} otherwise
     * @return the translated error, or {@code error} itself when it is not a refusal of the session
     */
    static RuntimeException translate(RuntimeException error, ServerError server, DatabaseSession session,
            TableNames names) {
        if (server == null || server.sqlState() == null) {
            return error;
        }
        String sqlState = server.sqlState();
        // The key's columns appear as "(user_id)=(" in every translation of PostgreSQL's detail message.
        if (FOREIGN_KEY_VIOLATION.equals(sqlState) && server.detail().contains("(user_id)=(")) {
            return new SessionStoreException(Reason.UNKNOWN_USER,
                    "user \"" + session.userId() + "\" does not exist in table \"" + names.user() + "\"", null);
        }
        if (UNDEFINED_COLUMN.equals(sqlState)) {
            return new SessionStoreException(Reason.UNKNOWN_ATTRIBUTE,
                    "a session attribute has no column in table \"" + names.session() + "\" (attributes "
                            + session.attributes().keySet() + "): " + server.message(), null);
        }
        if (DATATYPE_MISMATCH.equals(sqlState) || sqlState.startsWith("22") || sqlState.startsWith("23")) {
            return new SessionStoreException(Reason.INVALID_ATTRIBUTE_VALUE,
                    "a session attribute does not fit its column in table \"" + names.session() + "\" (attributes "
                            + session.attributes().keySet() + "): " + server.message(), null);
        }
        return error;
    }
}
