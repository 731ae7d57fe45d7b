package io.github.luciajooq.postgresql;

import static io.github.luciajooq.postgresql.internal.generated.Tables.AUTH_USER;
import static io.github.luciajooq.postgresql.internal.generated.Tables.USER_SESSION;

import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.DatabaseUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Record;

/** Reads sessions and users out of rows fetched with {@code table.*}: Lucia's columns, and attributes. */
final class Rows {

    private static final String ID = USER_SESSION.ID.getName();
    private static final String USER_ID = USER_SESSION.USER_ID.getName();
    private static final String EXPIRES_AT = USER_SESSION.EXPIRES_AT.getName();

    private Rows() {}

    /** The session in the row's columns {@code from} (inclusive) to {@code to} (exclusive). */
    static DatabaseSession session(Record row, int from, int to, String table) {
        String id = null;
        String userId = null;
        Instant expiresAt = null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int column = from; column < to; column++) {
            String name = row.field(column).getName();
            Object value = row.get(column);
            if (name.equals(ID)) {
                id = text(value, table, name);
            } else if (name.equals(USER_ID)) {
                userId = text(value, table, name);
            } else if (name.equals(EXPIRES_AT)) {
                expiresAt = instant(value, table, name);
            } else {
                attributes.put(name, value);
            }
        }
        requireColumn(id, table, ID);
        requireColumn(userId, table, USER_ID);
        requireColumn(expiresAt, table, EXPIRES_AT);
        return new DatabaseSession(id, userId, expiresAt, attributes);
    }

    /** The user in the row's columns {@code from} (inclusive) to {@code to} (exclusive). */
    static DatabaseUser user(Record row, int from, int to, String table) {
        String id = null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int column = from; column < to; column++) {
            String name = row.field(column).getName();
            if (name.equals(AUTH_USER.ID.getName())) {
                id = text(row.get(column), table, name);
            } else {
                attributes.put(name, row.get(column));
            }
        }
        requireColumn(id, table, ID);
        return new DatabaseUser(id, attributes);
    }

    private static String text(Object value, String table, String column) {
        if (value instanceof String text) {
            return text;
        }
        throw wrongType(table, column, "TEXT", value);
    }

    private static Instant instant(Object value, String table, String column) {
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.toInstant();
        }
        throw wrongType(table, column, "TIMESTAMPTZ", value);
    }

    private static void requireColumn(Object value, String table, String column) {
        if (value == null) {
            throw new IllegalStateException("table \"" + table + "\" has no column \"" + column + "\"");
        }
    }

    private static IllegalStateException wrongType(String table, String column, String type, Object value) {
        return new IllegalStateException("column \"" + column + "\" of table \"" + table + "\" must be a NOT NULL "
                + type + ", but jOOQ read " + (value == null ? "NULL" : "a " + value.getClass().getName()));
    }
}
