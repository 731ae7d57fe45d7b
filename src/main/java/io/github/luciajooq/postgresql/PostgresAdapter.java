package io.github.luciajooq.postgresql;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.StorableText;
import io.github.luciajooq.postgresql.internal.jdbc.JdbcErrors;
import io.github.luciajooq.postgresql.internal.jdbc.JdbcExecutor;
import io.github.luciajooq.postgresql.internal.statement.MappedDsl;
import io.github.luciajooq.postgresql.internal.statement.Statements;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The {@link Adapter} for PostgreSQL, on jOOQ: every statement is built from jOOQ classes (the application's own
 * generated ones, or lucia-jooq's mapped to the tables' names) and runs on the {@link DSLContext} the application
 * already has.
 * <pre>{@code
 * PostgresAdapter<UUID, UsersRecord, SessionsRecord> adapter = PostgresAdapter.create(dsl, GeneratedTables
 *         .of(USERS.ID, SESSIONS.ID, SESSIONS.USER_ID, SESSIONS.EXPIRES_AT)
 *         .withUserColumns(USERS.USERNAME));
 * }</pre>
 *
 * <h2>Tables</h2>
 * {@link SessionTables} says which: {@link GeneratedTables} for the application's generated classes (user ids of
 * the id column's type, attributes as its records), {@link NamedTables} for tables by name (text user ids,
 * attributes as maps). The user table has an id; the session table a text id (the token's hash, or the token), an
 * expiry {@code TIMESTAMPTZ} and the user's id referencing the user table. Only the columns the tables name are
 * read besides those.
 *
 * <h2>Connections, transactions and settings</h2>
 * Each operation is one SQL statement, run through the given {@code DSLContext}'s connection provider: a pooled
 * {@code DataSource} lends a connection for that statement, a single {@code Connection} or the configuration of the
 * caller's {@code dsl.transaction(...)} is used as it is. The adapter never commits, rolls back, closes or changes
 * the auto-commit of a connection. Of the context's configuration it keeps only its connection provider,
 * transaction provider, execute and transaction listeners, query timeout, fetch size and execute logging: the
 * application's {@code ExecuteListener}s see every statement, and nothing else (name quoting and case, render
 * mapping, statement type, inlined values, visit listeners, converter providers) can change the adapter's SQL.
 * Statements are rendered once, when the adapter is made, and every statement is prepared with bound values: no id
 * ever becomes part of SQL text. Statements whose values are all plain (text, numbers, booleans, UUIDs,
 * timestamps, without a converter or binding of the application's) run over JDBC directly, as a hand-written
 * {@code PreparedStatement} would, unless jOOQ's execute logging is at {@code DEBUG}; the others run through jOOQ.
 * Results are the same either way. The application's execute listeners see the direct statements too, with jOOQ's
 * events from {@code start} to {@code end} except the result and record events (rows are read as plain values,
 * not records); {@code ctx.query()} is a plain SQL query of the statement, made when a listener asks for it.
 *
 * <h2>Time</h2>
 * The API speaks {@link Instant}; the expiry column is {@code TIMESTAMPTZ}. Results do not depend on the JVM's
 * default time zone nor on the server's or the connection's {@code TimeZone}. PostgreSQL keeps microseconds: an
 * expiry is truncated to the microsecond before it is written. Expiries must lie in the years 1 to 9999.
 *
 * <h2>Errors</h2>
 * A {@code null} argument throws {@link NullPointerException}, a blank id {@link IllegalArgumentException}, both
 * naming the argument, before any SQL runs. An id PostgreSQL cannot store (a NUL character, a lone UTF-16
 * surrogate) matches nothing, without SQL. A session that cannot be stored throws {@link SessionStoreException}
 * with the reason and the attribute, column or constraint concerned, recognised by SQLSTATE and constraint name,
 * and nothing is written. Text that cannot be stored exactly, values jOOQ cannot bind and a taken id
 * ({@code ON CONFLICT (id) DO NOTHING} and the row count) are refused without an error in PostgreSQL, so they leave
 * the caller's transaction usable; what PostgreSQL itself refuses (an unknown user or attribute, a value of the
 * wrong type) aborts a transaction the caller holds open. Messages never contain a session id. Refusals are
 * recognised in the cause chain of whatever reaches the adapter, so an application's exception-translating
 * listener (Spring Boot's) does not hide them. Other database errors are jOOQ's {@link DataAccessException}, with
 * the driver's error as cause, or what the application's listeners replaced it with.
 * <p>
 * Instances are thread-safe when the context's connection provider is (a {@code DataSource}'s is; a single
 * {@code Connection} is not for concurrent use), and immutable.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class PostgresAdapter<I, U, S> implements Adapter<I, U, S> {

    private final Statements<I, U, S> statements;
    private final JdbcExecutor executor;
    private final SessionTables<I, U, S> tables;

    private PostgresAdapter(Statements<I, U, S> statements, JdbcExecutor executor, SessionTables<I, U, S> tables) {
        this.statements = statements;
        this.executor = executor;
        this.tables = tables;
    }

    /**
     * An adapter on a pool, such as HikariCP's, on Lucia's tables ({@link SessionTables#lucia()}): each operation
     * borrows a connection for its one statement and returns it at once. The pool stays the caller's to close.
     */
    public static PostgresAdapter<String, Map<String, Object>, Map<String, Object>> create(DataSource dataSource) {
        Arguments.requireNonNull(dataSource, "dataSource");
        return create(DSL.using(dataSource, SQLDialect.POSTGRES));
    }

    /**
     * An adapter on one connection, in whatever transaction state the caller keeps it, on Lucia's tables: the
     * adapter never commits, rolls back, closes it or changes its auto-commit. A JDBC connection is not for
     * concurrent use, so neither is this adapter.
     */
    public static PostgresAdapter<String, Map<String, Object>, Map<String, Object>> create(Connection connection) {
        Arguments.requireNonNull(connection, "connection");
        return create(DSL.using(connection, SQLDialect.POSTGRES));
    }

    /** An adapter on Lucia's tables, {@code auth_user} and {@code user_session}, reading Lucia's columns only. */
    public static PostgresAdapter<String, Map<String, Object>, Map<String, Object>> create(DSLContext dsl) {
        return create(dsl, SessionTables.lucia());
    }

    /**
     * An adapter on these tables. Its statements are built and rendered now.
     *
     * @param dsl the application's context; its dialect must be {@link SQLDialect#POSTGRES}
     * @throws IllegalArgumentException when the dialect is not PostgreSQL's
     */
    public static <I, U, S> PostgresAdapter<I, U, S> create(DSLContext dsl, SessionTables<I, U, S> tables) {
        Arguments.requireNonNull(dsl, "dsl");
        Arguments.requireNonNull(tables, "tables");
        Statements<I, U, S> statements = new Statements<>(dsl, tables.model());
        return new PostgresAdapter<>(statements, new JdbcExecutor(statements.dsl().configuration()), tables);
    }

    /**
     * This adapter on a transaction's configuration: its statements, rendered once when this adapter was made, run
     * on the transaction's connection, for an application on jOOQ's default transaction provider, whose
     * {@code dsl.transaction(trx -> ...)} hands the transaction to the lambda and nowhere else. Making it costs a
     * few objects; use it for the transaction's span only, with {@code Lucia.withAdapter}:
     * <pre>{@code
     * dsl.transaction(trx -> {
     *     Lucia<UUID, UsersRecord, SessionsRecord> inTransaction = lucia.withAdapter(adapter.in(trx));
     *     NewSession<UUID, SessionsRecord> created = inTransaction.createSession(userId, new SessionsRecord());
     * });
     * }</pre>
     * The settings kept (query timeout, fetch size, execute logging) are those of the context this adapter was made
     * on; the connection provider, transaction provider and listeners are the transaction's. With a
     * {@code ThreadLocalTransactionProvider}, or Spring's transaction-aware data source, the adapter joins the
     * thread's transaction by itself and needs none of this.
     *
     * @param transaction the configuration {@code dsl.transaction(...)} passed to its lambda
     * @throws IllegalArgumentException when its dialect is not PostgreSQL's
     */
    public PostgresAdapter<I, U, S> in(Configuration transaction) {
        Arguments.requireNonNull(transaction, "transaction");
        return new PostgresAdapter<>(statements,
                new JdbcExecutor(MappedDsl.configuration(transaction, statements.dsl().settings())), tables);
    }

    /** {@link #in(Configuration)} on the transaction's context, {@code trx.dsl()}. */
    public PostgresAdapter<I, U, S> in(DSLContext transaction) {
        Arguments.requireNonNull(transaction, "transaction");
        return in(transaction.configuration());
    }

    /** The tables this adapter uses. */
    public SessionTables<I, U, S> tables() {
        return tables;
    }

    @Override
    public Optional<DatabaseSessionAndUser<I, U, S>> getSessionAndUser(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (!StorableText.isStorable(sessionId)) {
            return Optional.empty();
        }
        List<DatabaseSessionAndUser<I, U, S>> found = executor.fetch(statements.sessionAndUserReader(),
                statements.sessionAndUser(sessionId), statements::sessionAndUser);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<DatabaseSession<I, S>> getUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        if (userId instanceof String text && !StorableText.isStorable(text)) {
            return List.of();
        }
        return executor.fetch(statements.userSessionsReader(), statements.userSessions(userId), statements::session);
    }

    @Override
    public void setSession(DatabaseSession<I, S> session) {
        Arguments.requireNonNull(session, "session");
        requireWritable(session);
        // jOOQ's DataAccessException, or what an application's listener made of it (Spring's translator): either
        // way the driver's error is in the cause chain.
        insert(executor, session);
    }

    @Override
    public boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        Statements.Bound update = statements.updateExpiration(sessionId, expiresAt);
        return StorableText.isStorable(sessionId) && executor.execute(update) > 0;
    }

    @Override
    public void deleteSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (StorableText.isStorable(sessionId)) {
            executor.execute(statements.delete(sessionId));
        }
    }

    @Override
    public void deleteUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        if (!(userId instanceof String text) || StorableText.isStorable(text)) {
            executor.execute(statements.deleteOfUser(userId));
        }
    }

    /** Refuses what cannot be written before any SQL; learns the foreign key's name once, for refusals. */
    private void requireWritable(DatabaseSession<I, S> session) {
        SessionStoreException refused = statements.unwritable(session);
        if (refused != null) {
            throw refused;
        }
        if (!statements.errors().userForeignKeysKnown()) {
            statements.errors().learnUserForeignKeys(executor.fetch(statements.userForeignKeysReader(),
                    statements.userForeignKeys(), row -> (String) row.apply(0)));
        }
    }

    /** One {@code UPDATE} of the session's id, expiry and authentication time: atomic. */
    @Override
    public boolean rotateSession(String sessionId, String newSessionId, Instant expiresAt, Instant authenticatedAt) {
        Arguments.requireId(sessionId, "sessionId");
        Arguments.requireId(newSessionId, "newSessionId");
        Statements.Bound rotate = statements.rotate(sessionId, newSessionId, expiresAt, authenticatedAt);
        if (!StorableText.isStorable(sessionId)) {
            return false;
        }
        if (!StorableText.isStorable(newSessionId)) {
            throw new SessionStoreException(SessionStoreException.Reason.INVALID_SESSION_ID,
                    "the rotated session's new id " + StorableText.problem(newSessionId), null);
        }
        try {
            return executor.execute(rotate) > 0;
        } catch (RuntimeException e) {
            throw statements.errors().translateRotation(e, JdbcErrors.of(e));
        }
    }

    /** One {@code DELETE}. */
    @Override
    public long deleteOtherUserSessions(I userId, String keptSessionId) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireId(keptSessionId, "keptSessionId");
        if (userId instanceof String text && !StorableText.isStorable(text)) {
            return 0;
        }
        return executor.execute(statements.deleteOthersOfUser(userId,
                StorableText.isStorable(keptSessionId) ? keptSessionId : ""));
    }

    /**
     * In a transaction: the caller's, when the connection is in one (the user's row then stays locked until the
     * caller's transaction ends), else one of its own on the connection, committed before it returns. The user's row
     * is locked ({@code SELECT ... FOR NO KEY UPDATE}), then the user's live sessions are counted, or the oldest
     * deleted, and the session inserted.
     */
    @Override
    public boolean setSessionWithinLimit(DatabaseSession<I, S> session, int limit, boolean endOldest, Instant now) {
        Arguments.requireNonNull(session, "session");
        Arguments.requireNonNull(now, "now");
        Arguments.requireLimit(limit, "limit");
        requireWritable(session);
        return executor.inTransaction(within -> {
            within.fetch(statements.lockUserReader(), statements.lockUser(session.userId()), row -> row.apply(0));
            if (endOldest) {
                within.execute(statements.deleteOldestLive(session.userId(), now, limit - 1));
            } else if (within.fetch(statements.countLiveReader(), statements.countLive(session.userId(), now),
                    row -> ((Number) row.apply(0)).intValue()).get(0) >= limit) {
                return false;
            }
            insert(within, session);
            return true;
        });
    }

    private void insert(JdbcExecutor on, DatabaseSession<I, S> session) {
        int inserted;
        try {
            inserted = on.execute(statements.insert(session));
        } catch (RuntimeException e) {
            throw statements.errors().translate(e, JdbcErrors.of(e), session);
        }
        if (inserted == 0) {
            throw statements.errors().duplicateId();
        }
    }

    /**
     * Deletes in batches of a thousand, earliest expiries first, each statement on its own when the connection is
     * in auto-commit mode: a batch locks only the rows it deletes and skips rows another clean-up holds, so
     * clean-ups on several instances of an application neither wait for each other nor deadlock, and validation
     * of live sessions goes on. The first call asks the catalog, once, whether the session table is partitioned:
     * a batch finds its rows again by their physical address, or on a partitioned table by primary key.
     */
    @Override
    public long deleteExpiredSessions(Instant now) {
        Arguments.requireNonNull(now, "now");
        if (statements.deleteExpiredReader() == null) {
            statements.learnPartitioned(executor.fetch(statements.partitionedReader(), statements.partitioned(),
                    row -> (Boolean) row.apply(0)));
        }
        long deleted = 0;
        Instant from = Statements.EARLIEST_EXPIRY;
        Statements.Batch batch;
        do {
            batch = executor.fetch(statements.deleteExpiredReader(), statements.deleteExpiredBatch(now, from),
                    Statements.Batch::of).get(0);
            deleted += batch.deleted();
            from = batch.latest();
        } while (batch.full());
        return deleted;
    }

    @Override
    public String toString() {
        return "PostgresAdapter[" + tables + "]";
    }
}
