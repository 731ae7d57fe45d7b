package io.github.luciajooq.postgresql.internal.statement;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import io.github.luciajooq.internal.Names;
import io.github.luciajooq.postgresql.internal.schema.TableModel;
import io.github.luciajooq.spi.DatabaseSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Turns PostgreSQL's refusal of a session insert into a {@link SessionStoreException} that names the problem,
 * whichever driver reported it. Errors are recognised by their SQLSTATE and the constraint or column PostgreSQL
 * names in its error fields, never by message text: the detail text is left out under row-level security and
 * without column privileges, and is translated with {@code lc_messages}.
 * <p>
 * The driver's error is kept as the cause. The adapter's statements carry every value as a bind value, so the SQL
 * text in it holds no session id; the messages here never contain one either.
 */
public final class StoreErrors {

    /**
     * What PostgreSQL said, as a driver reports it.
     *
     * @param sqlState the SQLSTATE
     * @param message the primary message
     * @param constraint the constraint or index the error names, or {@code null}
     * @param column the column the error names, or {@code null}
     */
    public record ServerError(String sqlState, String message, String constraint, String column) {}

    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String UNDEFINED_COLUMN = "42703";
    private static final String DATATYPE_MISMATCH = "42804";
    private static final String PROGRAM_LIMIT_EXCEEDED = "54000";
    /** The largest index entry PostgreSQL takes, in bytes: a value no larger never overflows an index alone. */
    private static final int MAX_INDEX_ENTRY_BYTES = 8191;

    private final String userTable;
    private final String sessionTable;
    private final String sessionPrimaryKey;
    /** The names of the session table's foreign keys from its user id to the user table. */
    private volatile Set<String> userForeignKeys;
    private volatile boolean userForeignKeysKnown;
    private final String userIdIndex;

    StoreErrors(TableModel<?, ?, ?> model) {
        this.userTable = model.userName();
        this.sessionTable = model.sessionName();
        this.sessionPrimaryKey = model.sessionPrimaryKey();
        this.userForeignKeys = Set.of(model.userForeignKey());
        this.userForeignKeysKnown = model.userForeignKeyKnown();
        this.userIdIndex = model.userIdIndex();
    }

    /**
     * Whether the names of the foreign keys to the user table are known: from the application's generated classes,
     * or learnt from the catalog ({@link #learnUserForeignKeys(List)}); until then the adapter asks the catalog before
     * its first insert, so that an unknown user is recognised whatever the application named the key.
     */
    public boolean userForeignKeysKnown() {
        return userForeignKeysKnown;
    }

    /** The names of the foreign keys from the session table's user id to the user table, as the catalog has them. */
    public void learnUserForeignKeys(List<String> names) {
        if (!names.isEmpty()) {
            userForeignKeys = Set.copyOf(names);
        }
        userForeignKeysKnown = true;
    }

    /** The insert affected no row: another session has the id (the insert does nothing on conflict). */
    public SessionStoreException duplicateId() {
        return new SessionStoreException(Reason.DUPLICATE_SESSION_ID,
                "another session in table \"" + sessionTable + "\" already has this session's id", null);
    }

    /**
     * What refused a rotation ({@code UPDATE} of the session's id): another session has the new id, when the
     * session table's primary key says so, without the driver's error as cause, whose detail would name the new id
     * (the new token itself, in plain storage); else {@code error} itself.
     */
    public RuntimeException translateRotation(RuntimeException error, ServerError server) {
        if (server != null && UNIQUE_VIOLATION.equals(server.sqlState())
                && (server.constraint() == null || sessionPrimaryKey.equals(server.constraint()))) {
            return new SessionStoreException(Reason.DUPLICATE_SESSION_ID,
                    "another session in table \"" + sessionTable + "\" already has the rotated session's new id", null);
        }
        return error;
    }

    /**
     * @param error the error as thrown
     * @param server what PostgreSQL said, when the driver says it; {@code null} otherwise
     * @return the translated error, or {@code error} itself when it is not a refusal of the session
     */
    public RuntimeException translate(RuntimeException error, ServerError server, DatabaseSession<?, ?> session) {
        if (server == null || server.sqlState() == null) {
            return error;
        }
        String sqlState = server.sqlState();
        String constraint = server.constraint();
        if (FOREIGN_KEY_VIOLATION.equals(sqlState) && userForeignKeys.contains(constraint)) {
            return refused(Reason.UNKNOWN_USER, "user " + Names.quote(String.valueOf(session.userId())) + " does not exist in table \""
                    + userTable + "\"", error);
        }
        if (PROGRAM_LIMIT_EXCEEDED.equals(sqlState)) {
            return tooLargeForAnIndex(session, constraint, error);
        }
        if (UNDEFINED_COLUMN.equals(sqlState)) {
            return refused(Reason.UNKNOWN_ATTRIBUTE, "a session attribute has no column in table \"" + sessionTable
                    + "\" (attributes " + attributeNames(session) + "): " + server.message(), error);
        }
        if (NOT_NULL_VIOLATION.equals(sqlState) && server.column() != null) {
            return refused(Reason.INVALID_ATTRIBUTE_VALUE, "session attribute " + Names.quote(server.column())
                    + " of table \"" + sessionTable + "\" must not be NULL", error);
        }
        if (sqlState.startsWith("23") && constraint != null) {
            return refused(Reason.INVALID_ATTRIBUTE_VALUE, "a session attribute breaks constraint "
                    + Names.quote(constraint) + " of table \"" + sessionTable + "\" (attributes "
                    + attributeNames(session) + ")", error);
        }
        if (DATATYPE_MISMATCH.equals(sqlState) || sqlState.startsWith("22") || sqlState.startsWith("23")) {
            return refused(Reason.INVALID_ATTRIBUTE_VALUE, "a session attribute does not fit its column in table \""
                    + sessionTable + "\" (attributes " + attributeNames(session) + "): " + server.message(),
                    error);
        }
        return error;
    }

    /**
     * A value too large for a B-tree index: PostgreSQL names the index when the entry exceeds a third of a page,
     * and none when it exceeds the largest entry of any index, which only a value larger than that can.
     */
    private SessionStoreException tooLargeForAnIndex(DatabaseSession<?, ?> session, String index, RuntimeException error) {
        boolean named = index != null;
        if (named ? sessionPrimaryKey.equals(index) : exceedsAnyIndex(session.id())) {
            return refused(Reason.INVALID_SESSION_ID, "the session id is too large for the primary key index of table \""
                    + sessionTable + "\"", error);
        }
        if (named ? userIdIndex.equals(index) : exceedsAnyIndex(session.userId())) {
            return refused(Reason.UNKNOWN_USER, "the session's userId is too large for an index of table \""
                    + sessionTable + "\", so no user can have it", error);
        }
        if (named) {
            return refused(Reason.INVALID_ATTRIBUTE_VALUE, "a session attribute's value is too large for index "
                    + Names.quote(index) + " of table \"" + sessionTable + "\" (attributes "
                    + attributeNames(session) + ")", error);
        }
        for (Map.Entry<String, Object> attribute : attributes(session).entrySet()) {
            if (exceedsAnyIndex(attribute.getValue())) {
                return refused(Reason.INVALID_ATTRIBUTE_VALUE, "session attribute " + Names.quote(attribute.getKey())
                        + ": its value is too large for an index of table \"" + sessionTable + "\"", error);
            }
        }
        return refused(Reason.INVALID_ATTRIBUTE_VALUE, "a value is too large for an index of table \""
                + sessionTable + "\" (attributes " + attributeNames(session) + ")", error);
    }

    /** The attributes the session writes, by column name: a map's entries, a record's changed fields. */
    private static Map<String, Object> attributes(DatabaseSession<?, ?> session) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (session.attributes() instanceof Map<?, ?> map) {
            map.forEach((name, value) -> attributes.put(String.valueOf(name), value));
        } else if (session.attributes() instanceof Record record) {
            for (Field<?> field : record.fields()) {
                if (record.changed(field)) {
                    attributes.put(field.getName(), record.get(field));
                }
            }
        }
        return attributes;
    }

    private static List<String> attributeNames(DatabaseSession<?, ?> session) {
        return new ArrayList<>(attributes(session).keySet());
    }

    private static boolean exceedsAnyIndex(Object value) {
        if (value instanceof String text) {
            return text.length() > MAX_INDEX_ENTRY_BYTES / 3
                    && text.getBytes(StandardCharsets.UTF_8).length > MAX_INDEX_ENTRY_BYTES;
        }
        return value instanceof byte[] bytes && bytes.length > MAX_INDEX_ENTRY_BYTES;
    }

    private static SessionStoreException refused(Reason reason, String message, RuntimeException cause) {
        return new SessionStoreException(reason, message, cause);
    }
}
