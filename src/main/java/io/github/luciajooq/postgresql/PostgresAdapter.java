package io.github.luciajooq.postgresql;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.DatabaseSessionAndUser;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.StorableText;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.RowCountQuery;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The {@link Adapter} for PostgreSQL, on jOOQ: every query is built from the classes jOOQ generated from
 * lucia-jooq's Liquibase changelog, and runs on the {@link DSLContext} the application already has.
 *
 * <h2>Tables</h2>
 * The tables have Lucia's columns: the user table {@code id TEXT PRIMARY KEY}; the session table
 * {@code id TEXT PRIMARY KEY}, {@code expires_at TIMESTAMPTZ NOT NULL}, {@code user_id TEXT NOT NULL} referencing
 * the user table. Every other column is an attribute: read into {@code attributes()} under its column name, as
 * jOOQ reads its type, and written from a session's attributes of that name. Their names are
 * {@link TableNames}, {@code auth_user} and {@code user_session} by default.
 *
 * <h2>Connections and transactions</h2>
 * Each operation is one SQL statement, run through the given {@code DSLContext}'s connection provider: a
 * pooled {@code DataSource} lends a connection for that statement, a single {@code Connection} or the
 * configuration of the caller's {@code dsl.transaction(...)} is used as it is. The adapter never commits,
 * rolls back, closes or changes the auto-commit of a connection. The application's {@code ExecuteListener}s
 * see every statement. Of the context's configuration the adapter keeps only its connection provider, transaction
 * provider, execute and transaction listeners, query timeout, fetch size and execute logging; everything else that
 * shapes SQL (name quoting and case, render mapping, statement type, inlined values, visit listeners, converter
 * providers) is the adapter's own, so no setting can send a query elsewhere or break it. Every statement is
 * prepared and binds its values: no id ever becomes part of SQL text.
 *
 * <h2>Time</h2>
 * The API speaks {@link Instant}; the columns are {@code TIMESTAMPTZ}. Results do not depend on the JVM's
 * default time zone nor on the server's or the connection's {@code TimeZone}. PostgreSQL keeps microseconds:
 * an expiry is truncated to the microsecond before it is written. Expiries must lie in the years 1 to 9999.
 * {@link #deleteExpiredSessions()} takes "now" from the adapter's {@link Clock}.
 *
 * <h2>Errors</h2>
 * A {@code null} argument throws {@link NullPointerException}, a blank id {@link IllegalArgumentException},
 * both naming the argument, before any SQL runs. An id PostgreSQL cannot store (a NUL character, a lone UTF-16
 * surrogate) matches nothing, without SQL. A session that cannot be stored throws {@link SessionStoreException}
 * with the reason and the attribute, column or constraint concerned, recognised by SQLSTATE and constraint name,
 * and nothing is written. Text that cannot be stored exactly, values jOOQ cannot bind and a taken id
 * ({@code ON CONFLICT (id) DO NOTHING} and the row count) are refused without an error in PostgreSQL, so they
 * leave the caller's transaction usable; what PostgreSQL itself refuses (an unknown user or attribute, a value of
 * the wrong type) aborts a transaction the caller holds open. Messages never contain a session id: it is a
 * credential. Other database errors are jOOQ's {@link DataAccessException}, with the driver's error as cause.
 * <p>
 * Instances are thread-safe when the context's connection provider is (a {@code DataSource}'s is; a single
 * {@code Connection} is not for concurrent use), and immutable.
 */
public final class PostgresAdapter implements Adapter {

    private final SessionQueries queries;
    private final Clock clock;

    private PostgresAdapter(SessionQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * An adapter on a pool, such as HikariCP's: each operation borrows a connection for its one statement and
     * returns it at once. On the tables {@code auth_user} and {@code user_session}, with the system UTC clock;
     * for other names or a clock, use {@code create(DSL.using(dataSource, SQLDialect.POSTGRES), names, clock)}.
     * The pool stays the caller's to close.
     */
    public static PostgresAdapter create(DataSource dataSource) {
        Arguments.requireNonNull(dataSource, "dataSource");
        return create(DSL.using(dataSource, SQLDialect.POSTGRES));
    }

    /**
     * An adapter on one connection, in whatever transaction state the caller keeps it: the adapter never
     * commits, rolls back, closes it or changes its auto-commit. A JDBC connection is not for concurrent use, so
     * neither is this adapter. On the tables {@code auth_user} and {@code user_session}, with the system UTC
     * clock; for other names or a clock, use {@code create(DSL.using(connection, SQLDialect.POSTGRES), names,
     * clock)}.
     */
    public static PostgresAdapter create(Connection connection) {
        Arguments.requireNonNull(connection, "connection");
        return create(DSL.using(connection, SQLDialect.POSTGRES));
    }

    /** An adapter on the tables {@code auth_user} and {@code user_session}, with the system UTC clock. */
    public static PostgresAdapter create(DSLContext dsl) {
        return create(dsl, TableNames.DEFAULT);
    }

    /** An adapter on the tables with these names, with the system UTC clock. */
    public static PostgresAdapter create(DSLContext dsl, TableNames names) {
        return create(dsl, names, Clock.systemUTC());
    }

    /**
     * An adapter on the tables with these names, which takes "now" from this clock.
     *
     * @param dsl the application's context; its dialect must be {@link SQLDialect#POSTGRES}
     * @throws IllegalArgumentException when the dialect is not PostgreSQL's
     */
    public static PostgresAdapter create(DSLContext dsl, TableNames names, Clock clock) {
        Arguments.requireNonNull(dsl, "dsl");
        Arguments.requireNonNull(names, "names");
        Arguments.requireNonNull(clock, "clock");
        return new PostgresAdapter(new SessionQueries(dsl, names), clock);
    }

    /** The names of the tables this adapter uses. */
    public TableNames tableNames() {
        return queries.names();
    }

    @Override
    public Optional<DatabaseSessionAndUser> getSessionAndUser(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (!StorableText.isStorable(sessionId)) {
            return Optional.empty();
        }
        return queries.sessionAndUser(sessionId).fetchOptional().map(queries::sessionAndUser);
    }

    @Override
    public List<DatabaseSession> getUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        if (!StorableText.isStorable(userId)) {
            return List.of();
        }
        return queries.userSessions(userId).fetch(queries::session);
    }

    @Override
    public void setSession(DatabaseSession session) {
        Arguments.requireNonNull(session, "session");
        SessionStoreException refused = queries.unwritable(session);
        if (refused != null) {
            throw refused;
        }
        int inserted;
        try {
            inserted = queries.insert(session).execute();
        } catch (DataAccessException e) {
            throw queries.errors().translate(e, JdbcErrors.of(e), session);
        }
        if (inserted == 0) {
            throw queries.errors().duplicateId();
        }
    }

    @Override
    public boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        RowCountQuery update = queries.updateExpiration(sessionId, expiresAt);
        return StorableText.isStorable(sessionId) && update.execute() > 0;
    }

    @Override
    public void deleteSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        if (StorableText.isStorable(sessionId)) {
            queries.delete(sessionId).execute();
        }
    }

    @Override
    public void deleteUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        if (StorableText.isStorable(userId)) {
            queries.deleteOfUser(userId).execute();
        }
    }

    @Override
    public long deleteExpiredSessions() {
        return queries.deleteExpired(clock.instant()).execute();
    }

    @Override
    public String toString() {
        return "PostgresAdapter" + queries.names();
    }
}
