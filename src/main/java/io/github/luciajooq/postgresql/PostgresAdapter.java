package io.github.luciajooq.postgresql;

import static io.github.luciajooq.postgresql.internal.generated.Tables.AUTH_USER;
import static io.github.luciajooq.postgresql.internal.generated.Tables.USER_SESSION;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.DatabaseSessionAndUser;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.ResultQuery;
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
 * see every statement. Settings that would send a query to another table or break it (name quoting and case,
 * schema rendering and mapping, a row limit) are overridden for the adapter's queries only; the others,
 * statement type and query timeout among them, are the application's.
 *
 * <h2>Time</h2>
 * The API speaks {@link Instant}; the columns are {@code TIMESTAMPTZ}. Results do not depend on the JVM's
 * default time zone nor on the server's or the connection's {@code TimeZone}. PostgreSQL keeps microseconds:
 * an expiry is truncated to the microsecond before it is written. Expiries must lie in the years 1 to 9999.
 * {@link #deleteExpiredSessions()} takes "now" from the adapter's {@link Clock}.
 *
 * <h2>Errors</h2>
 * A {@code null} argument throws {@link NullPointerException}, a blank id {@link IllegalArgumentException},
 * both naming the argument, before any SQL runs. A session that cannot be stored throws
 * {@link SessionStoreException}, and nothing is written. Messages never contain a session id: it is a
 * credential. Other database errors are jOOQ's {@link DataAccessException}.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class PostgresAdapter implements Adapter {

    /** The alias of a constant column that separates the session's columns from the user's in one row. */
    private static final Field<Integer> USER_COLUMNS_FOLLOW = DSL.inline(1).as("lucia_jooq_user_columns_follow");

    private final DSLContext dsl;
    private final TableNames names;
    private final Clock clock;

    private PostgresAdapter(DSLContext dsl, TableNames names, Clock clock) {
        this.dsl = dsl;
        this.names = names;
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
     * @param dsl the application's context; its dialect must be {@link org.jooq.SQLDialect#POSTGRES}
     * @throws IllegalArgumentException when the dialect is not PostgreSQL's
     */
    public static PostgresAdapter create(DSLContext dsl, TableNames names, Clock clock) {
        Arguments.requireNonNull(dsl, "dsl");
        Arguments.requireNonNull(names, "names");
        Arguments.requireNonNull(clock, "clock");
        return new PostgresAdapter(MappedDsl.derive(dsl, names), names, clock);
    }

    /** The names of the tables this adapter uses. */
    public TableNames tableNames() {
        return names;
    }

    @Override
    public Optional<DatabaseSessionAndUser> getSessionAndUser(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        Result<Record> rows = fetchAllColumns(dsl
                .select(USER_SESSION.asterisk(), USER_COLUMNS_FOLLOW, AUTH_USER.asterisk())
                .from(USER_SESSION)
                .join(AUTH_USER).on(AUTH_USER.ID.eq(USER_SESSION.USER_ID))
                .where(USER_SESSION.ID.eq(sessionId)));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Record row = rows.get(0);
        int separator = row.indexOf(USER_COLUMNS_FOLLOW.getName());
        return Optional.of(new DatabaseSessionAndUser(
                Rows.session(row, 0, separator, names.session()),
                Rows.user(row, separator + 1, row.size(), names.user())));
    }

    @Override
    public List<DatabaseSession> getUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        List<DatabaseSession> sessions = new ArrayList<>();
        for (Record row : fetchAllColumns(dsl
                .select(USER_SESSION.asterisk())
                .from(USER_SESSION)
                .where(USER_SESSION.USER_ID.eq(userId)))) {
            sessions.add(Rows.session(row, 0, row.size(), names.session()));
        }
        return sessions;
    }

    @Override
    public void setSession(DatabaseSession session) {
        Arguments.requireNonNull(session, "session");
        OffsetDateTime expiresAt = timestamp(session.expiresAt(), "session.expiresAt");
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(USER_SESSION.ID, session.id());
        row.put(USER_SESSION.USER_ID, session.userId());
        row.put(USER_SESSION.EXPIRES_AT, expiresAt);
        session.attributes().forEach((column, value) -> row.put(DSL.field(DSL.name(column)), value));
        try {
            dsl.insertInto(USER_SESSION).set(row).execute();
        } catch (DataAccessException e) {
            throw StoreErrors.translate(e, session, names);
        }
    }

    @Override
    public void updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        OffsetDateTime timestamp = timestamp(expiresAt, "expiresAt");
        dsl.update(USER_SESSION)
                .set(USER_SESSION.EXPIRES_AT, timestamp)
                .where(USER_SESSION.ID.eq(sessionId))
                .execute();
    }

    @Override
    public void deleteSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        dsl.deleteFrom(USER_SESSION).where(USER_SESSION.ID.eq(sessionId)).execute();
    }

    @Override
    public void deleteUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        dsl.deleteFrom(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId)).execute();
    }

    @Override
    public long deleteExpiredSessions() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return dsl.deleteFrom(USER_SESSION).where(USER_SESSION.EXPIRES_AT.le(now)).execute();
    }

    /**
     * Fetches a query that selects {@code table.*}, with every column typed as the result set describes it.
     * jOOQ would otherwise take a generated table's asterisk to mean only the columns it was generated with, and
     * misread the attribute columns that users add.
     */
    private Result<Record> fetchAllColumns(ResultQuery<?> query) {
        try (ResultSet resultSet = query.fetchResultSet()) {
            return dsl.fetch(resultSet);
        } catch (SQLException e) {
            throw new DataAccessException("closing the result of " + query.getSQL(), e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant, String name) {
        Arguments.requireExpiry(instant, name);
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "PostgresAdapter" + names;
    }
}
