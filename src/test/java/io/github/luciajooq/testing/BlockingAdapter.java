package io.github.luciajooq.testing;

import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.AsyncAdapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Waits for an {@link AsyncAdapter}'s stages, so that the one adapter contract suite runs against it: a stage
 * completed with an error throws that error itself. For tests only: it blocks the calling thread by design.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class BlockingAdapter<I, U, S> implements Adapter<I, U, S> {

    private final AsyncAdapter<I, U, S> async;

    public BlockingAdapter(AsyncAdapter<I, U, S> async) {
        this.async = async;
    }

    /** The stage's result, or its error rethrown as it is. */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public Optional<DatabaseSessionAndUser<I, U, S>> getSessionAndUser(String sessionId) {
        return await(async.getSessionAndUser(sessionId));
    }

    @Override
    public List<DatabaseSession<I, S>> getUserSessions(I userId) {
        return await(async.getUserSessions(userId));
    }

    @Override
    public void setSession(DatabaseSession<I, S> session) {
        await(async.setSession(session));
    }

    @Override
    public boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
        return await(async.updateSessionExpiration(sessionId, expiresAt));
    }

    @Override
    public void deleteSession(String sessionId) {
        await(async.deleteSession(sessionId));
    }

    @Override
    public void deleteUserSessions(I userId) {
        await(async.deleteUserSessions(userId));
    }

    @Override
    public long deleteExpiredSessions(Instant now) {
        return await(async.deleteExpiredSessions(now));
    }

    @Override
    public boolean rotateSession(String sessionId, String newSessionId, Instant expiresAt, Instant authenticatedAt) {
        return await(async.rotateSession(sessionId, newSessionId, expiresAt, authenticatedAt));
    }

    @Override
    public long deleteOtherUserSessions(I userId, String keptSessionId) {
        return await(async.deleteOtherUserSessions(userId, keptSessionId));
    }

    @Override
    public boolean setSessionWithinLimit(DatabaseSession<I, S> session, int limit, boolean endOldest, Instant now) {
        return await(async.setSessionWithinLimit(session, limit, endOldest, now));
    }
}
