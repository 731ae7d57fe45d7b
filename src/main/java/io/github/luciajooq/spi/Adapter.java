package io.github.luciajooq.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions and users are stored: the seven operations a session manager needs, and nothing else (Lucia v3's
 * {@code Adapter}). Applications use an adapter through {@link io.github.luciajooq.Lucia}; they implement one only for
 * another store.
 * <p>
 * An adapter stores and fetches; it decides nothing. Expiry and renewal are the session manager's policy: an
 * adapter returns expired sessions like any other, and deletes expired ones only when told what "now" is.
 * <p>
 * Session ids here are what the session table's id column holds: the SHA-256 of the token, or the token itself
 * (see {@link io.github.luciajooq.token.TokenStorage}). Ids may come from a client, so any string is an answer,
 * never an error: an id that the store cannot hold (one with a NUL character or a lone UTF-16 surrogate, which
 * PostgreSQL cannot store) simply matches nothing; reads find nothing for it and writes by it change nothing. Only
 * {@link #setSession(DatabaseSession)} refuses it, with a {@link io.github.luciajooq.SessionStoreException}.
 * <p>
 * Implementations are thread-safe. Every method rejects a {@code null} argument with a {@link NullPointerException}
 * and a blank id (a session id, or a user id that is text) with an {@link IllegalArgumentException}, both naming the
 * argument, before it touches the store.
 *
 * @param <I> the type of user ids: {@code String}, {@code UUID}, {@code Long}, as the user table's id column
 * @param <U> the type of a user's attributes: a {@code Map} by column name, or a jOOQ record of the application's
 * @param <S> the type of a session's attributes, likewise
 */
public interface Adapter<I, U, S> {

    /**
     * The session with this id and the user it belongs to.
     *
     * @return empty when no session has this id (or, where the store allows it, the session's user is gone)
     */
    Optional<DatabaseSessionAndUser<I, U, S>> getSessionAndUser(String sessionId);

    /**
     * Every stored session of this user, expired ones included, in no particular order.
     *
     * @return an empty list when the user has none, or does not exist
     */
    List<DatabaseSession<I, S>> getUserSessions(I userId);

    /**
     * Stores a new session.
     *
     * @throws io.github.luciajooq.SessionStoreException when the session's id is taken or cannot be stored, its user
     *     does not exist, or an attribute has no column or a value the column cannot hold; nothing is written then
     * @throws IllegalArgumentException when the attributes set one of the columns the adapter writes itself (the
     *     session's id, user id or expiry), naming it; nothing is written
     */
    void setSession(DatabaseSession<I, S> session);

    /**
     * Sets the expiry of the session with this id.
     *
     * @return whether a session had this id: {@code false} when there was none (it may have been deleted since it
     *     was read), and nothing was written
     */
    boolean updateSessionExpiration(String sessionId, Instant expiresAt);

    /** Deletes the session with this id; does nothing when there is none. */
    void deleteSession(String sessionId);

    /** Deletes every session of this user; does nothing when there is none. */
    void deleteUserSessions(I userId);

    /**
     * Deletes every session whose expiry is at or before this instant.
     *
     * @param now the session manager's "now"
     * @return how many sessions were deleted
     */
    long deleteExpiredSessions(Instant now);

    /**
     * <em>Optional capability</em>, for rotation and re-authentication (OWASP ASVS 5.0 V7.2.4): gives the session
     * with this id a new id and expiry, and, when {@code authenticatedAt} is not {@code null}, a new authentication
     * time, keeping its user, attributes and (else) authentication time, atomically: no reader ever finds both ids
     * valid, nor neither once it returns {@code true}. Of two concurrent rotations of one session, one succeeds.
     * <p>
     * The default throws {@link UnsupportedOperationException}: an adapter of the seven operations alone cannot do
     * it atomically. lucia-jooq's adapters implement it.
     *
     * @param authenticatedAt the new authentication time, or {@code null} to keep the stored one
     * @return whether a session had {@code sessionId}: {@code false} when there was none (deleted or rotated since it
     *     was read), and nothing was written
     * @throws io.github.luciajooq.SessionStoreException when the new id is taken; nothing is written then
     */
    default boolean rotateSession(String sessionId, String newSessionId, Instant expiresAt, Instant authenticatedAt) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot rotate sessions");
    }

    /**
     * <em>Optional capability</em>, for ending every other session after a password change (ASVS V7.4): deletes
     * every session of this user except the one with {@code keptSessionId} (when it is this user's). The default runs
     * {@link #getUserSessions} and {@link #deleteSession} for each: not atomic, so a session created meanwhile may
     * survive; lucia-jooq's adapters do it in one statement.
     *
     * @return how many sessions were deleted
     */
    default long deleteOtherUserSessions(I userId, String keptSessionId) {
        long deleted = 0;
        for (DatabaseSession<I, S> session : getUserSessions(userId)) {
            if (!session.id().equals(keptSessionId)) {
                deleteSession(session.id());
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * <em>Optional capability</em>, for a limit of concurrent sessions per user (ASVS V7.1.2): stores a new session
     * unless its user has {@code limit} or more sessions that expire after {@code now}; then, with
     * {@code endOldest}, first deletes as many of them as it takes, those that expire first, else stores nothing.
     * Concurrent calls for one user are serialised (on PostgreSQL, by a lock of the user's row until the transaction
     * ends), so that the user never has more than {@code limit} live sessions created this way.
     * <p>
     * The default throws {@link UnsupportedOperationException}. lucia-jooq's adapters implement it.
     *
     * @return whether the session was stored: {@code false} only when the limit was reached and not
     *     {@code endOldest}
     * @throws io.github.luciajooq.SessionStoreException as {@link #setSession}
     */
    default boolean setSessionWithinLimit(DatabaseSession<I, S> session, int limit, boolean endOldest, Instant now) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot limit the sessions per user");
    }
}
