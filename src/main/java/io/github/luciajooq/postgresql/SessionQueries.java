package io.github.luciajooq.postgresql;

import static io.github.luciajooq.postgresql.internal.generated.Tables.AUTH_USER;
import static io.github.luciajooq.postgresql.internal.generated.Tables.USER_SESSION;

import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.DatabaseSessionAndUser;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.Names;
import io.github.luciajooq.internal.SessionChecks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.RowCountQuery;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The adapter's statements, built from the generated classes on the mapped context, and what their rows mean.
 * {@link PostgresAdapter} runs them blocking, {@link AsyncPostgresAdapter} non-blocking.
 */
final class SessionQueries {

    /** The alias of a constant column that separates the session's columns from the user's in one row. */
    private static final Field<Integer> USER_COLUMNS_FOLLOW = DSL.inline(1).as("lucia_jooq_user_columns_follow");

    private static final int MAX_IDENTIFIER_BYTES = 63;

    private final DSLContext dsl;
    private final TableNames names;
    private final StoreErrors errors;

    SessionQueries(DSLContext applicationDsl, TableNames names) {
        this.dsl = MappedDsl.derive(applicationDsl, names);
        this.names = names;
        this.errors = new StoreErrors(names);
    }

    TableNames names() {
        return names;
    }

    /** How this adapter's refusals are translated. */
    StoreErrors errors() {
        return errors;
    }

    /** The session with this id joined to its user: one statement, every column of both tables. */
    ResultQuery<Record> sessionAndUser(String sessionId) {
        return allColumns(dsl.select(USER_SESSION.asterisk(), USER_COLUMNS_FOLLOW, AUTH_USER.asterisk())
                .from(USER_SESSION)
                .join(AUTH_USER).on(AUTH_USER.ID.eq(USER_SESSION.USER_ID))
                .where(USER_SESSION.ID.eq(sessionId)));
    }

    DatabaseSessionAndUser sessionAndUser(Record row) {
        int separator = row.indexOf(USER_COLUMNS_FOLLOW.getName());
        return new DatabaseSessionAndUser(
                Rows.session(row, 0, separator, names.session()),
                Rows.user(row, separator + 1, row.size(), names.user()));
    }

    /** Every session of this user, every column. */
    ResultQuery<Record> userSessions(String userId) {
        return allColumns(dsl.select(USER_SESSION.asterisk())
                .from(USER_SESSION)
                .where(USER_SESSION.USER_ID.eq(userId)));
    }

    DatabaseSession session(Record row) {
        return Rows.session(row, 0, row.size(), names.session());
    }

    /**
     * Inserts the session, its attributes into the columns of their names; a taken id inserts nothing (one row
     * affected means stored), so that a duplicate does not abort the caller's transaction.
     */
    RowCountQuery insert(DatabaseSession session) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(USER_SESSION.ID, session.id());
        row.put(USER_SESSION.USER_ID, session.userId());
        row.put(USER_SESSION.EXPIRES_AT, timestamp(session.expiresAt(), "session.expiresAt"));
        session.attributes().forEach((column, value) -> row.put(DSL.field(DSL.name(column)), value));
        return dsl.insertInto(USER_SESSION).set(row).onConflict(USER_SESSION.ID).doNothing();
    }

    /** What refuses this session before any SQL runs, or {@code null}: the checks no statement needs to make. */
    SessionStoreException unwritable(DatabaseSession session) {
        SessionStoreException unstorable = SessionChecks.unstorable(session);
        if (unstorable != null) {
            return unstorable;
        }
        for (Map.Entry<String, Object> attribute : session.attributes().entrySet()) {
            String column = attribute.getKey();
            if (column.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
                // PostgreSQL would truncate the name, and could find another column by the shorter one.
                return new SessionStoreException(Reason.UNKNOWN_ATTRIBUTE, "session attribute " + Names.quote(column)
                        + " is longer than PostgreSQL's " + MAX_IDENTIFIER_BYTES + "-byte names, so no column of table \""
                        + names.session() + "\" has it", null);
            }
            if (attribute.getValue() != null && !canBind(attribute.getValue())) {
                return new SessionStoreException(Reason.INVALID_ATTRIBUTE_VALUE, "session attribute "
                        + Names.quote(column) + ": a " + attribute.getValue().getClass().getName() + " cannot be"
                        + " written by column name; pass a String, number, boolean, UUID, java.time value, byte[],"
                        + " JSON, JSONB or an array of these", null);
            }
        }
        return null;
    }

    /** Whether jOOQ knows a SQL type for this value's class, so that the driver can bind it. */
    private static boolean canBind(Object value) {
        try {
            DataType<?> type = DSL.val(value).getDataType();
            return !type.isOther() && !(type.isArray() && type.getArrayComponentDataType().isOther());
        } catch (RuntimeException unknownType) {
            return false;
        }
    }

    RowCountQuery updateExpiration(String sessionId, Instant expiresAt) {
        return dsl.update(USER_SESSION)
                .set(USER_SESSION.EXPIRES_AT, timestamp(expiresAt, "expiresAt"))
                .where(USER_SESSION.ID.eq(sessionId));
    }

    RowCountQuery delete(String sessionId) {
        return dsl.deleteFrom(USER_SESSION).where(USER_SESSION.ID.eq(sessionId));
    }

    RowCountQuery deleteOfUser(String userId) {
        return dsl.deleteFrom(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId));
    }

    RowCountQuery deleteExpired(Instant now) {
        return dsl.deleteFrom(USER_SESSION)
                .where(USER_SESSION.EXPIRES_AT.le(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)));
    }

    /**
     * The query, fetched with every column typed as the result describes it. jOOQ takes a generated table's
     * asterisk to mean the columns it was generated with, and would misread the attribute columns users add; a
     * query wrapped in a plain SQL template ({@code "{0}"}: no SQL of its own) is read by the result's
     * metadata, over JDBC and R2DBC alike. The query inside is still built and rendered from the generated
     * classes.
     */
    private ResultQuery<Record> allColumns(ResultQuery<?> query) {
        return dsl.resultQuery("{0}", query);
    }

    private static OffsetDateTime timestamp(Instant instant, String name) {
        Arguments.requireExpiry(instant, name);
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
