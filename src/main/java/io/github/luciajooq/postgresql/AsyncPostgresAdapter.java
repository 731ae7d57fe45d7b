package io.github.luciajooq.postgresql;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.StorableText;
import io.github.luciajooq.postgresql.internal.r2dbc.Publishers;
import io.github.luciajooq.postgresql.internal.r2dbc.R2dbcErrors;
import io.github.luciajooq.postgresql.internal.r2dbc.R2dbcExecutor;
import io.github.luciajooq.postgresql.internal.statement.JdbcType;
import io.github.luciajooq.postgresql.internal.statement.MappedDsl;
import io.github.luciajooq.postgresql.internal.statement.Statements;
import io.github.luciajooq.spi.AsyncAdapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record;
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
 * #12221), so the application's listeners do not see these statements. The context's query timeout
 * ({@code Settings.queryTimeout}) applies to each statement as on JDBC, and cancelling a returned stage cancels its
 * statement on the server; either way the statement fails with SQLSTATE 57014 and its connection goes back to the
 * pool.
 * <p>
 * Argument errors are thrown at once; a refused session completes the stage with a
 * {@link io.github.luciajooq.SessionStoreException}. Instances are immutable and thread-safe.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class AsyncPostgresAdapter<I, U, S> implements AsyncAdapter<I, U, S> {

    /** What jOOQ's configuration holds when it was made without an R2DBC connection factory. */
    private static final String NO_CONNECTION_FACTORY = "org.jooq.impl.NoConnectionFactory";

    private final Statements<I, U, S> statements;
    private final R2dbcExecutor executor;
    private final SessionTables<I, U, S> tables;

    private AsyncPostgresAdapter(Statements<I, U, S> statements, R2dbcExecutor executor,
            SessionTables<I, U, S> tables) {
        this.statements = statements;
        this.executor = executor;
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
     * @throws IllegalArgumentException when the context's dialect is not PostgreSQL's, or it has no R2DBC
     *     connection factory (a context on a JDBC {@code DataSource} or {@code Connection}: use
     *     {@link PostgresAdapter} there)
     */
    public static <I, U, S> AsyncPostgresAdapter<I, U, S> create(DSLContext dsl, SessionTables<I, U, S> tables) {
        Arguments.requireNonNull(dsl, "dsl");
        Arguments.requireNonNull(tables, "tables");
        requireConnectionFactory(dsl.configuration(), "dsl");
        Statements<I, U, S> statements = new Statements<>(dsl, tables.model());
        return new AsyncPostgresAdapter<>(statements, new R2dbcExecutor(statements.dsl().configuration()), tables);
    }

    /**
     * This adapter in a jOOQ R2DBC transaction: its statements, rendered once when this adapter was made, run on the
     * transaction's connection, which {@code dsl.transactionPublisher(trx -> ...)} hands to the lambda and nowhere
     * else. Making it costs a few objects; use it for the transaction's span only, with
     * {@code AsyncLucia.withAdapter}:
     * <pre>{@code
     * AsyncPostgresAdapter<UUID, UsersRecord, SessionsRecord> adapter = AsyncPostgresAdapter.create(dsl, TABLES);
     * AsyncLucia<UUID, UsersRecord, SessionsRecord> lucia = AsyncLucia.builder(adapter).build();
     *
     * Mono<NewSession<UUID, SessionsRecord>> created = Mono.from(dsl.transactionPublisher(trx ->
     *         Mono.fromCompletionStage(() -> lucia.withAdapter(adapter.in(trx))
     *                 .createSession(userId, new SessionsRecord()))));
     * }</pre>
     * The session limit's statements then run in the caller's transaction, which commits or rolls them back. The
     * settings kept (query timeout among them) are those of the context this adapter was made on.
     *
     * @param transaction the configuration {@code transactionPublisher} passed to its lambda
     * @throws IllegalArgumentException when its dialect is not PostgreSQL's, or it has no R2DBC connection factory
     */
    public AsyncPostgresAdapter<I, U, S> in(Configuration transaction) {
        Arguments.requireNonNull(transaction, "transaction");
        requireConnectionFactory(transaction, "transaction");
        return new AsyncPostgresAdapter<>(statements,
                new R2dbcExecutor(MappedDsl.configuration(transaction, statements.dsl().settings())), tables);
    }

    /** {@link #in(Configuration)} on the transaction's context, {@code trx.dsl()}. */
    public AsyncPostgresAdapter<I, U, S> in(DSLContext transaction) {
        Arguments.requireNonNull(transaction, "transaction");
        return in(transaction.configuration());
    }

    private static void requireConnectionFactory(Configuration configuration, String name) {
        ConnectionFactory connectionFactory = configuration.connectionFactory();
        if (connectionFactory == null || connectionFactory.getClass().getName().equals(NO_CONNECTION_FACTORY)) {
            throw new IllegalArgumentException(name + " has no R2DBC ConnectionFactory, and AsyncPostgresAdapter runs"
                    + " on R2DBC: make it on DSL.using(connectionFactory, SQLDialect.POSTGRES), or use PostgresAdapter"
                    + " on a JDBC DataSource or Connection");
        }
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
        CompletableFuture<List<DatabaseSessionAndUser<I, U, S>>> rows =
                fetch(statements.sessionAndUserReader(), statements.sessionAndUser(sessionId),
                        statements::sessionAndUser);
        return Publishers.cancelling(rows, rows.thenApply(found -> {
                    if (found.size() > 1) {
                        throw new IllegalStateException("expected at most one session, got " + found.size());
                    }
                    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
                }));
    }

    @Override
    public CompletionStage<List<DatabaseSession<I, S>>> getUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        if (userId instanceof String text && !StorableText.isStorable(text)) {
            return CompletableFuture.completedFuture(List.of());
        }
        return fetch(statements.userSessionsReader(), statements.userSessions(userId), statements::session);
    }

    @Override
    public CompletionStage<Void> setSession(DatabaseSession<I, S> session) {
        Arguments.requireNonNull(session, "session");
        SessionStoreException refused = statements.unwritable(session);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        if (!statements.errors().userForeignKeysKnown()) {
            return Publishers.composing(learnUserForeignKeys(), learnt -> setSession(session));
        }
        CompletableFuture<Long> insert = execute(statements.insert(session));
        return Publishers.cancelling(insert, insert.handle((inserted, error) -> {
            if (error != null) {
                RuntimeException cause = unwrap(error);
                throw new CompletionException(statements.errors().translate(cause, R2dbcErrors.of(cause), session));
            }
            if (inserted == 0) {
                throw new CompletionException(statements.errors().duplicateId());
            }
            return null;
        }));
    }

    @Override
    public CompletionStage<Boolean> updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        Statements.Bound update = statements.updateExpiration(sessionId, expiresAt);
        if (!StorableText.isStorable(sessionId)) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Long> updated = execute(update);
        return Publishers.cancelling(updated, updated.thenApply(rows -> rows > 0));
    }

    @Override
    public CompletionStage<Void> deleteSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (!StorableText.isStorable(sessionId)) {
            return CompletableFuture.completedFuture(null);
        }
        return done(execute(statements.delete(sessionId)));
    }

    @Override
    public CompletionStage<Void> deleteUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        if (userId instanceof String text && !StorableText.isStorable(text)) {
            return CompletableFuture.completedFuture(null);
        }
        return done(execute(statements.deleteOfUser(userId)));
    }

    /** Asks the catalog, once, for the foreign key's name, by which refusals are recognised. */
    private CompletableFuture<Void> learnUserForeignKeys() {
        return fetch(statements.userForeignKeysReader(), statements.userForeignKeys(), row -> (String) row.apply(0))
                .thenAccept(names -> statements.errors().learnUserForeignKeys(names));
    }

    /** One {@code UPDATE}, as {@link PostgresAdapter#rotateSession}. */
    @Override
    public CompletionStage<Boolean> rotateSession(String sessionId, String newSessionId, Instant expiresAt,
            Instant authenticatedAt) {
        Arguments.requireId(sessionId, "sessionId");
        Arguments.requireId(newSessionId, "newSessionId");
        Statements.Bound rotate = statements.rotate(sessionId, newSessionId, expiresAt, authenticatedAt);
        if (!StorableText.isStorable(sessionId)) {
            return CompletableFuture.completedFuture(false);
        }
        if (!StorableText.isStorable(newSessionId)) {
            return CompletableFuture.failedFuture(new SessionStoreException(
                    SessionStoreException.Reason.INVALID_SESSION_ID,
                    "the rotated session's new id " + StorableText.problem(newSessionId), null));
        }
        CompletableFuture<Long> updated = execute(rotate);
        return Publishers.cancelling(updated, updated.handle((rows, error) -> {
            if (error != null) {
                RuntimeException cause = unwrap(error);
                throw new CompletionException(statements.errors().translateRotation(cause, R2dbcErrors.of(cause)));
            }
            return rows > 0;
        }));
    }

    /** One {@code DELETE}. */
    @Override
    public CompletionStage<Long> deleteOtherUserSessions(I userId, String keptSessionId) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireId(keptSessionId, "keptSessionId");
        if (userId instanceof String text && !StorableText.isStorable(text)) {
            return CompletableFuture.completedFuture(0L);
        }
        return execute(statements.deleteOthersOfUser(userId,
                StorableText.isStorable(keptSessionId) ? keptSessionId : ""));
    }

    /**
     * As {@link PostgresAdapter#setSessionWithinLimit}, in a transaction on one connection: the caller's, when the
     * context is a jOOQ R2DBC transaction's, else one of its own.
     */
    @Override
    public CompletionStage<Boolean> setSessionWithinLimit(DatabaseSession<I, S> session, int limit, boolean endOldest,
            Instant now) {
        Arguments.requireNonNull(session, "session");
        Arguments.requireNonNull(now, "now");
        Arguments.requireLimit(limit, "limit");
        SessionStoreException refused = statements.unwritable(session);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        if (!statements.errors().userForeignKeysKnown()) {
            return Publishers.composing(learnUserForeignKeys(),
                    learnt -> setSessionWithinLimit(session, limit, endOldest, now));
        }
        return executor.inTransaction(connection -> {
            DSLContext dsl = connection.dsl();
            Statements.Bound lock = statements.lockUser(session.userId());
            CompletableFuture<Boolean> room = connection.list(dsl.resultQuery(lock.sql(), (Object[]) lock.binds()))
                    .thenCompose(locked -> {
                        if (endOldest) {
                            Statements.Bound delete = statements.deleteOldestLive(session.userId(), now, limit - 1);
                            return connection.rowCount(dsl.query(delete.sql(), (Object[]) delete.binds()))
                                    .thenApply(deleted -> true);
                        }
                        Statements.Bound count = statements.countLive(session.userId(), now);
                        return connection.list(dsl.resultQuery(count.sql(), (Object[]) count.binds()))
                                .thenApply(rows -> ((Number) rows.get(0).get(0)).intValue() < limit);
                    });
            return room.thenCompose(free -> {
                if (!free) {
                    return CompletableFuture.completedFuture(false);
                }
                Statements.Bound insert = statements.insert(session);
                return connection.rowCount(dsl.query(insert.sql(), (Object[]) insert.binds())).handle((rows, error) -> {
                    if (error != null) {
                        RuntimeException cause = unwrap(error);
                        throw new CompletionException(statements.errors().translate(cause, R2dbcErrors.of(cause),
                                session));
                    }
                    if (rows == 0) {
                        throw new CompletionException(statements.errors().duplicateId());
                    }
                    return true;
                });
            });
        });
    }

    /** In batches, as {@link PostgresAdapter#deleteExpiredSessions(Instant)}, one after another without blocking. */
    @Override
    public CompletionStage<Long> deleteExpiredSessions(Instant now) {
        Arguments.requireNonNull(now, "now");
        if (statements.deleteExpiredReader() == null) {
            return Publishers.composing(
                    fetch(statements.partitionedReader(), statements.partitioned(), row -> (Boolean) row.apply(0)),
                    answer -> {
                        statements.learnPartitioned(answer);
                        return deleteExpired(now, Statements.EARLIEST_EXPIRY, 0);
                    });
        }
        return deleteExpired(now, Statements.EARLIEST_EXPIRY, 0);
    }

    private CompletableFuture<Long> deleteExpired(Instant now, Instant from, long deletedSoFar) {
        return Publishers.composing(
                fetch(statements.deleteExpiredReader(), statements.deleteExpiredBatch(now, from), Statements.Batch::of),
                batches -> {
                    Statements.Batch batch = batches.get(0);
                    long deleted = deletedSoFar + batch.deleted();
                    return batch.full() ? deleteExpired(now, batch.latest(), deleted)
                            : CompletableFuture.completedFuture(deleted);
                });
    }

    /** The rows of a select, over the R2DBC SPI directly when every value is plain, else through jOOQ. */
    private <T> CompletableFuture<List<T>> fetch(Statements<I, U, S>.Reader reader, Statements.Bound bound,
            Function<IntFunction<Object>, T> map) {
        JdbcType[] columns = reader.plainTypes();
        if (columns != null && bound.bindTypes() != null && R2dbcExecutor.canBind(bound.bindTypes())) {
            CompletableFuture<List<Object[]>> fetched =
                    executor.fetch(bound.sql(), bound.values(), bound.bindTypes(), columns);
            return Publishers.cancelling(fetched, fetched.thenApply(rows -> {
                List<T> mapped = new ArrayList<>(rows.size());
                for (Object[] row : rows) {
                    mapped.add(map.apply(index -> row[index]));
                }
                return mapped;
            }));
        }
        CompletableFuture<List<Record>> fetched = executor.fetch(bound.sql(), bound.binds(), reader.types());
        return Publishers.cancelling(fetched, fetched.thenApply(rows -> {
            List<T> mapped = new ArrayList<>(rows.size());
            for (Record row : rows) {
                reader.learn(row);
                mapped.add(map.apply(row::get));
            }
            return mapped;
        }));
    }

    /** The rows a statement affected, over the R2DBC SPI directly when every value is plain. */
    private CompletableFuture<Long> execute(Statements.Bound bound) {
        if (bound.bindTypes() != null && R2dbcExecutor.canBind(bound.bindTypes())) {
            return executor.execute(bound.sql(), bound.values(), bound.bindTypes());
        }
        return executor.execute(bound.sql(), bound.binds());
    }

    private static CompletionStage<Void> done(CompletableFuture<Long> rowCount) {
        return Publishers.cancelling(rowCount, rowCount.thenApply(rows -> null));
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
