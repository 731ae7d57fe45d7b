package io.github.luciajooq.postgresql;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.StorableText;
import io.github.luciajooq.spi.AsyncAdapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.RowCountQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The {@link AsyncAdapter} for PostgreSQL: {@link PostgresAdapter}'s statements, on jOOQ over R2DBC
 * ({@code org.postgresql:r2dbc-postgresql}, the Postgres.js of Java), never blocking a thread.
 * <p>
 * The tables, attributes, time handling, error translation and settings kept are {@link PostgresAdapter}'s. The
 * {@link DSLContext} must run on an R2DBC {@link ConnectionFactory} ({@code DSL.using(connectionFactory,
 * SQLDialect.POSTGRES)}, pooled or not, or a jOOQ R2DBC transaction's configuration): on a JDBC context jOOQ would
 * block a thread for each statement. Each operation is one statement on a connection the factory lends for it, and
 * the adapter never commits, rolls back or closes a connection it did not open. Stages complete on the driver's I/O
 * threads: keep what depends on them non-blocking. jOOQ fires no {@code ExecuteListener}s on R2DBC (jOOQ issue
 * #12221), so the application's listeners do not see these statements.
 * <p>
 * Argument errors are thrown at once; a refused session completes the stage with a
 * {@link io.github.luciajooq.SessionStoreException}. Instances are immutable and thread-safe.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class AsyncPostgresAdapter<I, U, S> implements AsyncAdapter<I, U, S> {

    private final Statements<I, U, S> statements;
    private final SessionTables<I, U, S> tables;

    private AsyncPostgresAdapter(Statements<I, U, S> statements, SessionTables<I, U, S> tables) {
        this.statements = statements;
        this.tables = tables;
    }

    /**
     * An adapter on an R2DBC connection factory (an {@code io.r2dbc.pool.ConnectionPool} or a driver's factory), on
     * Lucia's tables ({@link SessionTables#lucia()}).
     */
    public static AsyncPostgresAdapter<String, Map<String, Object>, Map<String, Object>> create(
            ConnectionFactory connectionFactory) {
        Arguments.requireNonNull(connectionFactory, "connectionFactory");
        return create(DSL.using(connectionFactory, SQLDialect.POSTGRES));
    }

    /** An adapter on a context over R2DBC, on Lucia's tables. */
    public static AsyncPostgresAdapter<String, Map<String, Object>, Map<String, Object>> create(DSLContext dsl) {
        return create(dsl, SessionTables.lucia());
    }

    /**
     * An adapter on a context over R2DBC, on these tables.
     *
     * @throws IllegalArgumentException when the context's dialect is not PostgreSQL's
     */
    public static <I, U, S> AsyncPostgresAdapter<I, U, S> create(DSLContext dsl, SessionTables<I, U, S> tables) {
        Arguments.requireNonNull(dsl, "dsl");
        Arguments.requireNonNull(tables, "tables");
        return new AsyncPostgresAdapter<>(new Statements<>(dsl, tables.model()), tables);
    }

    /** The tables this adapter uses. */
    public SessionTables<I, U, S> tables() {
        return tables;
    }

    @Override
    public CompletionStage<Optional<DatabaseSessionAndUser<I, U, S>>> getSessionAndUser(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (!StorableText.isStorable(sessionId)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return Publishers.atMostOne(statements.sessionAndUser(sessionId))
                .thenApply(row -> row.map(statements::sessionAndUser));
    }

    @Override
    public CompletionStage<List<DatabaseSession<I, S>>> getUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        if (userId instanceof String text && !StorableText.isStorable(text)) {
            return CompletableFuture.completedFuture(List.of());
        }
        return Publishers.list(statements.userSessions(userId))
                .thenApply(rows -> rows.stream().map(statements::userSession).collect(Collectors.toList()));
    }

    @Override
    public CompletionStage<Void> setSession(DatabaseSession<I, S> session) {
        Arguments.requireNonNull(session, "session");
        SessionStoreException refused = statements.unwritable(session);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        return Publishers.rowCount(statements.insert(session)).handle((inserted, error) -> {
            if (error != null) {
                RuntimeException cause = unwrap(error);
                throw new CompletionException(statements.errors().translate(cause, R2dbcErrors.of(cause), session));
            }
            if (inserted == 0) {
                throw new CompletionException(statements.errors().duplicateId());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        RowCountQuery update = statements.updateExpiration(sessionId, expiresAt);
        if (!StorableText.isStorable(sessionId)) {
            return CompletableFuture.completedFuture(false);
        }
        return Publishers.rowCount(update).thenApply(updated -> updated > 0);
    }

    @Override
    public CompletionStage<Void> deleteSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (!StorableText.isStorable(sessionId)) {
            return CompletableFuture.completedFuture(null);
        }
        return done(Publishers.rowCount(statements.delete(sessionId)));
    }

    @Override
    public CompletionStage<Void> deleteUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        if (userId instanceof String text && !StorableText.isStorable(text)) {
            return CompletableFuture.completedFuture(null);
        }
        return done(Publishers.rowCount(statements.deleteOfUser(userId)));
    }

    @Override
    public CompletionStage<Long> deleteExpiredSessions(Instant now) {
        return Publishers.rowCount(statements.deleteExpired(now)).thenApply(Integer::longValue);
    }

    private static CompletionStage<Void> done(CompletableFuture<Integer> rowCount) {
        return rowCount.thenApply(rows -> null);
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    @Override
    public String toString() {
        return "AsyncPostgresAdapter[" + tables + "]";
    }
}
