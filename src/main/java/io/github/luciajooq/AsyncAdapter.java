package io.github.luciajooq;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The {@link Adapter} contract for non-blocking stores: the same seven operations, the same results, each
 * returned as a {@link CompletionStage} instead of blocking the calling thread.
 * <p>
 * Implementations are thread-safe and never block the calling thread. Argument errors
 * ({@link NullPointerException}, {@link IllegalArgumentException}, naming the argument) are thrown at once,
 * before anything is sent; errors of the store complete the stage exceptionally, a refused session with a
 * {@link SessionStoreException}. Dependent stages may run on the driver's I/O threads: keep them non-blocking.
 */
public interface AsyncAdapter {

    /** @see Adapter#getSessionAndUser(String) */
    CompletionStage<Optional<DatabaseSessionAndUser>> getSessionAndUser(String sessionId);

    /** @see Adapter#getUserSessions(String) */
    CompletionStage<List<DatabaseSession>> getUserSessions(String userId);

    /** @see Adapter#setSession(DatabaseSession) */
    CompletionStage<Void> setSession(DatabaseSession session);

    /** @see Adapter#updateSessionExpiration(String, Instant) */
    CompletionStage<Boolean> updateSessionExpiration(String sessionId, Instant expiresAt);

    /** @see Adapter#deleteSession(String) */
    CompletionStage<Void> deleteSession(String sessionId);

    /** @see Adapter#deleteUserSessions(String) */
    CompletionStage<Void> deleteUserSessions(String userId);

    /** @see Adapter#deleteExpiredSessions() */
    CompletionStage<Long> deleteExpiredSessions();
}
