package io.github.luciajooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.spi.AsyncAdapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.token.SessionToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncLucia} on an adapter of the seven operations alone, without the optional ones: as the class promises,
 * an error of the adapter (here, an operation it does not have) completes the stage exceptionally and is never
 * thrown at the caller.
 */
class AsyncLuciaOnSevenOperationsTest {

    private final InMemoryAdapter<String, Map<String, Object>, Map<String, Object>> store =
            InMemoryAdapter.withSessionColumns();
    private final SevenOperations adapter = new SevenOperations(store);

    AsyncLuciaOnSevenOperationsTest() {
        store.putUser("ann", Map.of());
    }

    /** The stage the call returns, or, when it throws, what it threw. */
    private static Object outcome(Supplier<CompletionStage<?>> call) {
        try {
            return call.get().toCompletableFuture();
        } catch (RuntimeException thrown) {
            return thrown;
        }
    }

    private static void assertFailedWithUnsupportedOperation(Object outcome) {
        assertThat(outcome).as("a stage, not an exception thrown at the caller").isInstanceOf(CompletableFuture.class);
        CompletableFuture<?> stage = (CompletableFuture<?>) outcome;
        assertThat(stage).isCompletedExceptionally();
        Throwable error = stage.handle((value, failure) -> failure).join();
        assertThat(error instanceof CompletionException ? error.getCause() : error)
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void createSessionWithALimitFailsTheStageAndStoresNothing() {
        AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia = AsyncLucia.builder(adapter)
                .maxSessionsPerUser(2, AtSessionLimit.REFUSE_NEW).build();

        assertFailedWithUnsupportedOperation(outcome(() -> lucia.createSession("ann", Map.of())));
        assertThat(store.getUserSessions("ann")).isEmpty();
    }

    @Test
    void invalidateOtherUserSessionsFailsTheStageAndDeletesNothing() {
        AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia = AsyncLucia.builder(adapter).build();
        SessionToken current = lucia.createSession("ann", Map.of()).toCompletableFuture().join().token();
        lucia.createSession("ann", Map.of()).toCompletableFuture().join();

        assertFailedWithUnsupportedOperation(outcome(() -> lucia.invalidateOtherUserSessions("ann", current)));
        assertThat(store.getUserSessions("ann")).hasSize(2);
    }

    @Test
    void rotateSessionFailsTheStageAndTheTokenStaysValid() {
        AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia = AsyncLucia.builder(adapter).build();
        SessionToken token = lucia.createSession("ann", Map.of()).toCompletableFuture().join().token();

        assertFailedWithUnsupportedOperation(outcome(() -> lucia.rotateSession(token)));
        assertThat(lucia.validateSession(token).toCompletableFuture().join()).isPresent();
    }

    /** The seven operations on an in-memory store, the optional ones left to {@link AsyncAdapter}'s defaults. */
    private record SevenOperations(InMemoryAdapter<String, Map<String, Object>, Map<String, Object>> store)
            implements AsyncAdapter<String, Map<String, Object>, Map<String, Object>> {

        @Override
        public CompletionStage<Optional<DatabaseSessionAndUser<String, Map<String, Object>, Map<String, Object>>>>
                getSessionAndUser(String sessionId) {
            return CompletableFuture.completedFuture(store.getSessionAndUser(sessionId));
        }

        @Override
        public CompletionStage<List<DatabaseSession<String, Map<String, Object>>>> getUserSessions(String userId) {
            return CompletableFuture.completedFuture(store.getUserSessions(userId));
        }

        @Override
        public CompletionStage<Void> setSession(DatabaseSession<String, Map<String, Object>> session) {
            store.setSession(session);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Boolean> updateSessionExpiration(String sessionId, Instant expiresAt) {
            return CompletableFuture.completedFuture(store.updateSessionExpiration(sessionId, expiresAt));
        }

        @Override
        public CompletionStage<Void> deleteSession(String sessionId) {
            store.deleteSession(sessionId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> deleteUserSessions(String userId) {
            store.deleteUserSessions(userId);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Long> deleteExpiredSessions(Instant now) {
            return CompletableFuture.completedFuture(store.deleteExpiredSessions(now));
        }
    }
}
