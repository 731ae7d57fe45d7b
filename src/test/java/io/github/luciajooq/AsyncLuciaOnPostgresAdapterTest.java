package io.github.luciajooq;

import static io.github.luciajooq.testing.BlockingAdapter.await;

import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.postgresql.AsyncPostgresAdapter;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.AsyncAdapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.testing.BlockingAdapter;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TablesUnderTest;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testkit.Fixture;
import io.github.luciajooq.testkit.LuciaContract;
import io.github.luciajooq.token.SessionHandle;
import io.github.luciajooq.token.SessionToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The session manager's contract on {@link AsyncLucia} and the non-blocking adapter over R2DBC. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.github.luciajooq.testing.TablesUnderTest#all")
@ExtendWith(PostgresDatabaseExtension.class)
class AsyncLuciaOnPostgresAdapterTest extends LuciaContract<Object, Object, Object> {

    @Parameter
    TablesUnderTest<Object, Object, Object> tables;
    private Fixture<Object, Object, Object> fixture;
    private AsyncPostgresAdapter<Object, Object, Object> async;

    @BeforeEach
    void createAdapter(TestDatabase database) {
        tables.prepare(database);
        fixture = tables.fixture(database);
        async = AsyncPostgresAdapter.create(DSL.using(database.connectionFactory(), SQLDialect.POSTGRES), tables.tables());
    }

    @Override
    protected Adapter<Object, Object, Object> adapter() {
        return new BlockingAdapter<>(async);
    }

    @Override
    protected Fixture<Object, Object, Object> fixture() {
        return fixture;
    }

    @Override
    protected Manager<Object, Object, Object> manager(Consumer<SessionManagerBuilder<?>> settings) {
        AsyncLucia.Builder<Object, Object, Object> builder = AsyncLucia.builder(async).clock(clock);
        settings.accept(builder);
        return managing(builder.build());
    }

    @Override
    protected Manager<Object, Object, Object> managerRacingInvalidation() {
        return managing(AsyncLucia.builder(new AsyncInvalidatedAfterRead<>(async)).clock(clock).build());
    }

    /** {@link AsyncLucia}'s operations as a {@link Manager}, awaited. */
    private static <I, U, S> Manager<I, U, S> managing(AsyncLucia<I, U, S> lucia) {
        return new Manager<>() {
            @Override
            public NewSession<I, S> createSession(I userId, S attributes) {
                return await(lucia.createSession(userId, attributes));
            }

            @Override
            public NewSession<I, S> createSession(I userId, S attributes, SessionToken token) {
                return await(lucia.createSession(userId, attributes, token));
            }

            @Override
            public Optional<SessionAndUser<I, U, S>> validateSession(SessionToken token) {
                return await(lucia.validateSession(token));
            }

            @Override
            public List<Session<I, S>> getUserSessions(I userId) {
                return await(lucia.getUserSessions(userId));
            }

            @Override
            public void invalidateSession(SessionToken token) {
                await(lucia.invalidateSession(token));
            }

            @Override
            public boolean invalidateSession(I userId, SessionHandle handle) {
                return await(lucia.invalidateSession(userId, handle));
            }

            @Override
            public void invalidateUserSessions(I userId) {
                await(lucia.invalidateUserSessions(userId));
            }

            @Override
            public long deleteExpiredSessions() {
                return await(lucia.deleteExpiredSessions());
            }

            @Override
            public Cookie createSessionCookie(SessionToken token) {
                return lucia.createSessionCookie(token);
            }

            @Override
            public CookieSession<I, U, S> validateSessionCookies(String cookieHeader, boolean navigation) {
                return await(lucia.validateSessionCookies(cookieHeader, navigation));
            }

            @Override
            public Cookie createBlankSessionCookie() {
                return lucia.createBlankSessionCookie();
            }
        };
    }

    /** {@link LuciaContract.InvalidatedAfterRead} for a non-blocking adapter. */
    private static final class AsyncInvalidatedAfterRead<I, U, S> implements AsyncAdapter<I, U, S> {

        private final AsyncAdapter<I, U, S> store;

        AsyncInvalidatedAfterRead(AsyncAdapter<I, U, S> store) {
            this.store = store;
        }

        @Override
        public CompletionStage<Optional<DatabaseSessionAndUser<I, U, S>>> getSessionAndUser(String sessionId) {
            return store.getSessionAndUser(sessionId)
                    .thenCompose(found -> store.deleteSession(sessionId).thenApply(deleted -> found));
        }

        @Override
        public CompletionStage<List<DatabaseSession<I, S>>> getUserSessions(I userId) {
            return store.getUserSessions(userId);
        }

        @Override
        public CompletionStage<Void> setSession(DatabaseSession<I, S> session) {
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
        public CompletionStage<Void> deleteUserSessions(I userId) {
            return store.deleteUserSessions(userId);
        }

        @Override
        public CompletionStage<Long> deleteExpiredSessions(Instant now) {
            return store.deleteExpiredSessions(now);
        }
    }
}
