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
}
