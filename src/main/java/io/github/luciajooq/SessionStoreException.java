package io.github.luciajooq;

import java.util.Objects;

/**
 * The store refused to write a session, and wrote nothing. {@link #reason()} says why; the message names the
 * session, user, attribute or table concerned; the cause, when there is one, is the driver's error.
 */
public final class SessionStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a session could not be stored. */
    public enum Reason {
        /** Another session already has this id. */
        DUPLICATE_SESSION_ID,
        /** The session's user does not exist. */
        UNKNOWN_USER,
        /** An attribute names a column that the session table does not have. */
        UNKNOWN_ATTRIBUTE,
        /** An attribute's value does not fit its column (wrong type, too long, violates a constraint). */
        INVALID_ATTRIBUTE_VALUE
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
