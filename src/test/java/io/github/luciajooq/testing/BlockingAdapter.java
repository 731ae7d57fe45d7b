package io.github.luciajooq.testing;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.AsyncAdapter;
import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.DatabaseSessionAndUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Waits for an {@link AsyncAdapter}'s stages, so that the one adapter contract suite runs against it: a stage
 * completed with an error throws that error itself. For tests only: it blocks the calling thread by design.
 */
public final class BlockingAdapter implements Adapter {

    private final AsyncAdapter async;

    public BlockingAdapter(AsyncAdapter async) {
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
    public Optional<DatabaseSessionAndUser> getSessionAndUser(String sessionId) {
        return await(async.getSessionAndUser(sessionId));
    }

    @Override
    public List<DatabaseSession> getUserSessions(String userId) {
        return await(async.getUserSessions(userId));
    }

    @Override
    public void setSession(DatabaseSession session) {
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
    public void deleteUserSessions(String userId) {
        await(async.deleteUserSessions(userId));
    }

    @Override
    public long deleteExpiredSessions() {
        return await(async.deleteExpiredSessions());
    }
}
