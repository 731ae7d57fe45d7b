package io.github.luciajooq.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link Adapter} contract for non-blocking stores: the same seven operations, the same results, each returned
 * as a {@link CompletionStage} instead of blocking the calling thread.
 * <p>
 * Implementations are thread-safe and never block the calling thread. Argument errors
 * ({@link NullPointerException}, {@link IllegalArgumentException}, naming the argument) are thrown at once, before
 * anything is sent; errors of the store complete the stage exceptionally, a refused session with a
 * {@link io.github.luciajooq.SessionStoreException}. Dependent stages may run on the driver's I/O threads: keep
 * them non-blocking.
 *
 * @param <I> the type of user ids
 * @param <U> the type of a user's attributes
 * @param <S> the type of a session's attributes
 */
public interface AsyncAdapter<I, U, S> {

    /** @see Adapter#getSessionAndUser(String) */
    CompletionStage<Optional<DatabaseSessionAndUser<I, U, S>>> getSessionAndUser(String sessionId);

    /** @see Adapter#getUserSessions(Object) */
    CompletionStage<List<DatabaseSession<I, S>>> getUserSessions(I userId);

    /** @see Adapter#setSession(DatabaseSession) */
    CompletionStage<Void> setSession(DatabaseSession<I, S> session);

    /** @see Adapter#updateSessionExpiration(String, Instant) */
    CompletionStage<Boolean> updateSessionExpiration(String sessionId, Instant expiresAt);

    /** @see Adapter#deleteSession(String) */
    CompletionStage<Void> deleteSession(String sessionId);

    /** @see Adapter#deleteUserSessions(Object) */
    CompletionStage<Void> deleteUserSessions(I userId);

    /** @see Adapter#deleteExpiredSessions(Instant) */
    CompletionStage<Long> deleteExpiredSessions(Instant now);

    /**
     * <em>Optional capability</em>, as {@link Adapter#rotateSession}: by default, a stage failed with
     * {@link UnsupportedOperationException} (an error of the store, not of the arguments: never thrown at once).
     *
     * @see Adapter#rotateSession(String, String, Instant, Instant)
     */
    default CompletionStage<Boolean> rotateSession(String sessionId, String newSessionId, Instant expiresAt,
            Instant authenticatedAt) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException(getClass().getName() + " cannot rotate sessions"));
    }

    /**
     * <em>Optional capability</em>, as {@link Adapter#deleteOtherUserSessions}, but without its fallback on the seven
     * operations: by default, a stage failed with {@link UnsupportedOperationException} (an error of the store, not
     * of the arguments: never thrown at once).
     *
     * @see Adapter#deleteOtherUserSessions(Object, String)
     */
    default CompletionStage<Long> deleteOtherUserSessions(I userId, String keptSessionId) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException(getClass().getName() + " cannot end a user's other sessions"));
    }

    /**
     * <em>Optional capability</em>, as {@link Adapter#setSessionWithinLimit}: by default, a stage failed with
     * {@link UnsupportedOperationException} (an error of the store, not of the arguments: never thrown at once).
     *
     * @see Adapter#setSessionWithinLimit(DatabaseSession, int, boolean, Instant)
     */
    default CompletionStage<Boolean> setSessionWithinLimit(DatabaseSession<I, S> session, int limit,
            boolean endOldest, Instant now) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException(getClass().getName() + " cannot limit the sessions per user"));
    }
}
