package io.github.luciajooq;

import static io.github.luciajooq.testing.BlockingAdapter.await;

import io.github.luciajooq.postgresql.AsyncPostgresAdapter;
import io.github.luciajooq.postgresql.TableNames;
import io.github.luciajooq.testing.BlockingAdapter;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testing.TestTables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session manager's contract on {@link AsyncLucia} and the non-blocking adapter over R2DBC. */
@ExtendWith(PostgresDatabaseExtension.class)
class AsyncLuciaOnPostgresAdapterTest extends LuciaContract {

    private TestDatabase database;
    private AsyncPostgresAdapter async;

    @BeforeEach
    void createAdapter(TestDatabase database) {
        this.database = database;
        TestTables.addAttributeColumns(database.dsl(), TableNames.DEFAULT);
        async = AsyncPostgresAdapter.create(DSL.using(database.connectionFactory(), SQLDialect.POSTGRES),
                TableNames.DEFAULT, clock);
    }

    @Override
    protected Adapter adapter() {
        return new BlockingAdapter(async);
    }

    @Override
    protected void insertUser(String id, String username) {
        TestTables.insertUser(database.dsl(), TableNames.DEFAULT, id, Map.of("username", username));
    }

    @Override
    protected Manager manager(Consumer<SessionManagerBuilder<?>> settings) {
        AsyncLucia.Builder builder = AsyncLucia.builder(async).clock(clock);
        settings.accept(builder);
        return managing(builder.build());
    }

    @Override
    protected Manager managerRacingInvalidation() {
        return managing(AsyncLucia.builder(new AsyncInvalidatedAfterRead(async)).clock(clock).build());
    }

    /** {@link AsyncLucia}'s operations as a {@link Manager}, awaited. */
    private static Manager managing(AsyncLucia lucia) {
        return new Manager() {
            @Override
            public Session createSession(String userId, Map<String, Object> attributes) {
                return await(lucia.createSession(userId, attributes));
            }

            @Override
            public Session createSession(String userId, Map<String, Object> attributes, String sessionId) {
                return await(lucia.createSession(userId, attributes, sessionId));
            }

            @Override
            public Optional<SessionAndUser> validateSession(String sessionId) {
                return await(lucia.validateSession(sessionId));
            }

            @Override
            public List<Session> getUserSessions(String userId) {
                return await(lucia.getUserSessions(userId));
            }

            @Override
            public void invalidateSession(String sessionId) {
                await(lucia.invalidateSession(sessionId));
            }

            @Override
            public void invalidateUserSessions(String userId) {
                await(lucia.invalidateUserSessions(userId));
            }

            @Override
            public long deleteExpiredSessions() {
                return await(lucia.deleteExpiredSessions());
            }

            @Override
            public Cookie createSessionCookie(String sessionId) {
                return lucia.createSessionCookie(sessionId);
            }
        };
    }

    /** {@link LuciaContract.InvalidatedAfterRead} for a non-blocking adapter. */
    private static final class AsyncInvalidatedAfterRead implements AsyncAdapter {

        private final AsyncAdapter store;

        AsyncInvalidatedAfterRead(AsyncAdapter store) {
            this.store = store;
        }

        @Override
        public CompletionStage<Optional<DatabaseSessionAndUser>> getSessionAndUser(String sessionId) {
            return store.getSessionAndUser(sessionId)
                    .thenCompose(found -> store.deleteSession(sessionId).thenApply(deleted -> found));
        }

        @Override
        public CompletionStage<List<DatabaseSession>> getUserSessions(String userId) {
            return store.getUserSessions(userId);
        }

        @Override
        public CompletionStage<Void> setSession(DatabaseSession session) {
            return store.setSession(session);
        }

        @Override
        public CompletionStage<Boolean> updateSessionExpiration(String sessionId, Instant expiresAt) {
            return store.updateSessionExpiration(sessionId, expiresAt);
        }

        @Override
        public CompletionStage<Void> deleteSession(String sessionId) {
            return store.deleteSession(sessionId);
        }

        @Override
        public CompletionStage<Void> deleteUserSessions(String userId) {
            return store.deleteUserSessions(userId);
        }

        @Override
        public CompletionStage<Long> deleteExpiredSessions() {
            return store.deleteExpiredSessions();
        }
    }
}
