package io.github.luciajooq.postgresql;

import io.github.luciajooq.AsyncAdapter;
import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.DatabaseSessionAndUser;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.StorableText;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * The tables, attributes, time handling, error translation and settings overridden are
 * {@link PostgresAdapter}'s. The {@link DSLContext} must run on an R2DBC {@link ConnectionFactory}
 * ({@code DSL.using(connectionFactory, SQLDialect.POSTGRES)}, pooled or not, or a jOOQ R2DBC transaction's
 * configuration): on a JDBC context jOOQ would block a thread for each statement. Each operation is one statement
 * on a connection the factory lends for it, and the adapter never commits, rolls back or closes a connection it
 * did not open. Stages complete on the driver's I/O threads: keep what depends on them non-blocking.
 * <p>
 * Argument errors are thrown at once; a refused session completes the stage with a
 * {@link io.github.luciajooq.SessionStoreException}. Instances are immutable and thread-safe.
 */
public final class AsyncPostgresAdapter implements AsyncAdapter {

    private final SessionQueries queries;
    private final Clock clock;

    private AsyncPostgresAdapter(SessionQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * An adapter on an R2DBC connection factory (an {@code io.r2dbc.pool.ConnectionPool} or a driver's factory),
     * on the tables {@code auth_user} and {@code user_session}, with the system UTC clock.
     */
    public static AsyncPostgresAdapter create(ConnectionFactory connectionFactory) {
        Arguments.requireNonNull(connectionFactory, "connectionFactory");
        return create(DSL.using(connectionFactory, SQLDialect.POSTGRES));
    }

    /** An adapter on a context over R2DBC, on the tables {@code auth_user} and {@code user_session}. */
    public static AsyncPostgresAdapter create(DSLContext dsl) {
        return create(dsl, TableNames.DEFAULT);
    }

    /** An adapter on a context over R2DBC, on the tables with these names, with the system UTC clock. */
    public static AsyncPostgresAdapter create(DSLContext dsl, TableNames names) {
        return create(dsl, names, Clock.systemUTC());
    }

    /**
     * An adapter on a context over R2DBC, on the tables with these names, which takes "now" from this clock.
     *
     * @throws IllegalArgumentException when the context's dialect is not PostgreSQL's
     */
    public static AsyncPostgresAdapter create(DSLContext dsl, TableNames names, Clock clock) {
        Arguments.requireNonNull(dsl, "dsl");
        Arguments.requireNonNull(names, "names");
        Arguments.requireNonNull(clock, "clock");
        return new AsyncPostgresAdapter(new SessionQueries(dsl, names), clock);
    }

    /** The names of the tables this adapter uses. */
    public TableNames tableNames() {
        return queries.names();
    }

    @Override
    public CompletionStage<Optional<DatabaseSessionAndUser>> getSessionAndUser(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (!StorableText.isStorable(sessionId)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return Publishers.atMostOne(queries.sessionAndUser(sessionId))
                .thenApply(row -> row.map(queries::sessionAndUser));
    }

    @Override
    public CompletionStage<List<DatabaseSession>> getUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        if (!StorableText.isStorable(userId)) {
            return CompletableFuture.completedFuture(List.of());
        }
        return Publishers.list(queries.userSessions(userId))
                .thenApply(rows -> rows.stream().map(queries::session).collect(Collectors.toList()));
    }

    @Override
    public CompletionStage<Void> setSession(DatabaseSession session) {
        Arguments.requireNonNull(session, "session");
        SessionStoreException refused = queries.unwritable(session);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        return Publishers.rowCount(queries.insert(session)).handle((inserted, error) -> {
            if (error != null) {
                RuntimeException cause = unwrap(error);
                throw new CompletionException(queries.errors().translate(cause, R2dbcErrors.of(cause), session));
            }
            if (inserted == 0) {
                throw new CompletionException(queries.errors().duplicateId());
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        RowCountQuery update = queries.updateExpiration(sessionId, expiresAt);
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
        return done(Publishers.rowCount(queries.delete(sessionId)));
    }

    @Override
    public CompletionStage<Void> deleteUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        if (!StorableText.isStorable(userId)) {
            return CompletableFuture.completedFuture(null);
        }
        return done(Publishers.rowCount(queries.deleteOfUser(userId)));
    }

    @Override
    public CompletionStage<Long> deleteExpiredSessions() {
        return Publishers.rowCount(queries.deleteExpired(clock.instant())).thenApply(Integer::longValue);
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
        return "AsyncPostgresAdapter" + queries.names();
    }
}
