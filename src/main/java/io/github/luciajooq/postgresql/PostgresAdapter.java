package io.github.luciajooq.postgresql;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.StorableText;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.RowCountQuery;
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
 * ever becomes part of SQL text.
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
 * wrong type) aborts a transaction the caller holds open. Messages never contain a session id. Other database
 * errors are jOOQ's {@link DataAccessException}, with the driver's error as cause.
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
    private final SessionTables<I, U, S> tables;

    private PostgresAdapter(Statements<I, U, S> statements, SessionTables<I, U, S> tables) {
        this.statements = statements;
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
        return new PostgresAdapter<>(new Statements<>(dsl, tables.model()), tables);
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
        return statements.sessionAndUser(sessionId).fetchOptional().map(statements::sessionAndUser);
    }

    @Override
    public List<DatabaseSession<I, S>> getUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        if (userId instanceof String text && !StorableText.isStorable(text)) {
            return List.of();
        }
        return statements.userSessions(userId).fetch(statements::userSession);
    }

    @Override
    public void setSession(DatabaseSession<I, S> session) {
        Arguments.requireNonNull(session, "session");
        SessionStoreException refused = statements.unwritable(session);
        if (refused != null) {
            throw refused;
        }
        int inserted;
        try {
            inserted = statements.insert(session).execute();
        } catch (DataAccessException e) {
            throw statements.errors().translate(e, JdbcErrors.of(e), session);
        }
        if (inserted == 0) {
            throw statements.errors().duplicateId();
        }
    }

    @Override
    public boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        RowCountQuery update = statements.updateExpiration(sessionId, expiresAt);
        return StorableText.isStorable(sessionId) && update.execute() > 0;
    }

    @Override
    public void deleteSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (StorableText.isStorable(sessionId)) {
            statements.delete(sessionId).execute();
        }
    }

    @Override
    public void deleteUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        if (!(userId instanceof String text) || StorableText.isStorable(text)) {
            statements.deleteOfUser(userId).execute();
        }
    }

    @Override
    public long deleteExpiredSessions(Instant now) {
        return statements.deleteExpired(now).execute();
    }

    @Override
    public String toString() {
        return "PostgresAdapter[" + tables + "]";
    }
}
