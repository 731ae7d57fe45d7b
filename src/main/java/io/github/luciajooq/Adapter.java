package io.github.luciajooq;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sessions and users are stored: the seven operations {@link Lucia} needs, and nothing else.
 * <p>
 * An adapter stores and fetches; it decides nothing. Expiry and renewal are {@link Lucia}'s policy, so an
 * adapter returns expired sessions like any other (only {@link #deleteExpiredSessions()} knows about time).
 * <p>
 * Implementations are thread-safe. Every method rejects a {@code null} argument with a
 * {@link NullPointerException} and a blank id with an {@link IllegalArgumentException}, both naming the
 * argument, before it touches the store.
 * <p>
 * Ids may come from a client, so any other string is an answer, never an error: an id that the store cannot hold
 * (one with a NUL character or a lone UTF-16 surrogate, which PostgreSQL cannot store) simply matches nothing.
 * Reads find nothing for it and writes by it change nothing; only {@link #setSession(DatabaseSession)} refuses
 * it, with a {@link SessionStoreException}.
 */
public interface Adapter {

    /**
     * The session with this id and the user it belongs to.
     *
     * @return empty when no session has this id (or, where the store allows it, the session's user is gone)
     */
    Optional<DatabaseSessionAndUser> getSessionAndUser(String sessionId);

    /**
     * Every stored session of this user, expired ones included, in no particular order.
     *
     * @return an empty list when the user has none, or does not exist
     */
    List<DatabaseSession> getUserSessions(String userId);

    /**
     * Stores a new session.
     *
     * @throws SessionStoreException when the session's id is taken or cannot be stored, its user does not exist,
     *     or an attribute has no column or a value the column cannot hold; nothing is written then
     */
    void setSession(DatabaseSession session);

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
    void deleteUserSessions(String userId);

    /**
     * Deletes every session whose expiry is now or earlier, "now" being the adapter's clock.
     *
     * @return how many sessions were deleted
     */
    long deleteExpiredSessions();
}
