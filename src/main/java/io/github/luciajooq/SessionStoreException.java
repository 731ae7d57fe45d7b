package io.github.luciajooq;

import java.util.Objects;

/**
 * The store refused to write a session, and wrote nothing. {@link #reason()} says why; the message names the
 * user, attribute, column, constraint or table concerned, and never contains the session id (a credential); the
 * cause, when there is one, is the driver's error.
 */
public final class SessionStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a session could not be stored. */
    public enum Reason {
        /** Another session already has this id. */
        DUPLICATE_SESSION_ID,
        /**
         * The session's id cannot be stored: it holds a character PostgreSQL cannot store (NUL, a lone UTF-16
         * surrogate), or is too large for the session table's primary key index. Ids that Lucia makes never are.
         */
        INVALID_SESSION_ID,
        /**
         * The session's user does not exist, or no user can have its id (it holds a character PostgreSQL cannot
         * store, or is too large for an index of the user id).
         */
        UNKNOWN_USER,
        /** An attribute names a column that the session table does not have, or that no column can have. */
        UNKNOWN_ATTRIBUTE,
        /**
         * An attribute's value does not fit its column: of a type that cannot be written, of the wrong type, too
         * long, too large for an index, text PostgreSQL cannot store exactly, or in breach of a constraint (not
         * null, check, unique, foreign key).
         */
        INVALID_ATTRIBUTE_VALUE,
        /**
         * The user already has as many live sessions as the session manager allows
         * ({@link Lucia.Builder#maxSessionsPerUser(int, AtSessionLimit)} with
         * {@link AtSessionLimit#REFUSE_NEW}).
         */
        SESSION_LIMIT_REACHED
    }

    private final Reason reason;

    /**
     * @param reason why the session was not stored
     * @param message what went wrong, naming the session, user or attribute
     * @param cause the driver's error, or {@code null}
     */
    public SessionStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the session was not stored; never {@code null}. */
    public Reason reason() {
        return reason;
    }
}
