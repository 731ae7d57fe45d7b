package io.github.luciajooq.postgresql;

import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.postgresql.internal.schema.ConstraintNames;
import io.github.luciajooq.postgresql.internal.schema.RecordColumns;
import io.github.luciajooq.postgresql.internal.schema.TableModel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UniqueKey;

/**
 * The application's own tables, as jOOQ generated them: the adapter runs on the application's {@code TableField}s,
 * so user ids have the user table's id type ({@code String}, {@code UUID}, {@code Long}...), attributes are the
 * application's records, and the columns' converters, forced types, enums, {@code JSONB} and {@code INET} bindings
 * apply both ways.
 * <pre>{@code
 * GeneratedTables<UUID, UsersRecord, SessionsRecord> tables = GeneratedTables
 *         .of(USERS.ID, SESSIONS.ID, SESSIONS.USER_ID, SESSIONS.EXPIRES_AT)
 *         .withUserColumns(USERS.USERNAME)
 *         .withSessionColumns(SESSIONS.IP, SESSIONS.COUNTRY);
 * }</pre>
 *
 * <h2>What is checked when</h2>
 * At compile time: the session's id is a {@code String} column, its expiry an {@code OffsetDateTime} column, the
 * user id columns of both tables have one type, the three session columns are of one table, and attribute columns
 * are of the table they are given for. When the tables are made ({@code IllegalArgumentException}, naming the
 * column): the session columns are of one table and not of the user table, the expiry is a
 * {@code TIMESTAMP WITH TIME ZONE}, and no attribute column is one of Lucia's.
 * <p>
 * Tables render with their qualified names as generated ({@code "public"."sessions"}), whatever render mapping the
 * application's context has; {@link #withoutSchema()} renders them unqualified, found through the connection's
 * {@code search_path}. Refusals are recognised by the constraint names the generated classes carry (the primary key,
 * the foreign key and index on the session's user id), or by PostgreSQL's default names where they carry none.
 * Immutable and thread-safe.
 *
 * @param <I> the type of user ids
 * @param <U> the application's user record
 * @param <S> the application's session record
 */
public final class GeneratedTables<I, U extends Record, S extends Record> extends SessionTables<I, U, S> {

    private final TableField<U, I> userId;
    private final TableField<S, String> sessionId;
    private final TableField<S, I> sessionUserId;
    private final TableField<S, OffsetDateTime> expiresAt;
    private final List<TableField<U, ?>> userColumns;
    private final List<TableField<S, ?>> sessionColumns;
    private final boolean renderSchema;
    private final TableModel<I, U, S> model;

    private GeneratedTables(TableField<U, I> userId, TableField<S, String> sessionId, TableField<S, I> sessionUserId,
            TableField<S, OffsetDateTime> expiresAt, List<TableField<U, ?>> userColumns,
            List<TableField<S, ?>> sessionColumns, boolean renderSchema) {
        this.userId = userId;
        this.sessionId = sessionId;
        this.sessionUserId = sessionUserId;
        this.expiresAt = expiresAt;
        this.userColumns = List.copyOf(userColumns);
        this.sessionColumns = List.copyOf(sessionColumns);
        this.renderSchema = renderSchema;
        this.model = buildModel();
    }

    /**
     * The tables of these columns, reading no attribute columns.
     *
     * @param userId the user table's id, e.g. {@code USERS.ID}
     * @param sessionId the session table's id, e.g. {@code SESSIONS.ID}: a text column (the token's hash, or the token)
     * @param sessionUserId the session table's reference to its user, e.g. {@code SESSIONS.USER_ID}
     * @param expiresAt the session table's expiry, e.g. {@code SESSIONS.EXPIRES_AT}: a {@code TIMESTAMPTZ}
     * @throws IllegalArgumentException when the session columns are not of one table, are of the user table, or the
     *     expiry is not a {@code TIMESTAMP WITH TIME ZONE}
     */
    public static <I, U extends Record, S extends Record> GeneratedTables<I, U, S> of(TableField<U, I> userId,
            TableField<S, String> sessionId, TableField<S, I> sessionUserId, TableField<S, OffsetDateTime> expiresAt) {
        Arguments.requireNonNull(userId, "userId");
        Arguments.requireNonNull(sessionId, "sessionId");
        Arguments.requireNonNull(sessionUserId, "sessionUserId");
        Arguments.requireNonNull(expiresAt, "expiresAt");
        Table<S> sessions = sessionId.getTable();
        if (!sessionUserId.getTable().equals(sessions) || !expiresAt.getTable().equals(sessions)) {
            throw new IllegalArgumentException("sessionId, sessionUserId and expiresAt must be columns of one table,"
                    + " not " + qualified(sessionId) + ", " + qualified(sessionUserId) + " and " + qualified(expiresAt));
        }
        if (userId.getTable().equals(sessions)) {
            throw new IllegalArgumentException("userId must be a column of the user table, not of the session table: "
                    + qualified(userId));
        }
        if (!expiresAt.getDataType().isTimestampWithTimeZone()) {
            throw new IllegalArgumentException("expiresAt must be a TIMESTAMP WITH TIME ZONE column, and "
                    + qualified(expiresAt) + " is " + expiresAt.getDataType().getTypeName());
        }
        return new GeneratedTables<>(userId, sessionId, sessionUserId, expiresAt, List.of(), List.of(), true);
    }

    /**
     * These tables, reading these columns of the user table besides its id into the user's record; by default none
     * is read, so that a password hash or a TOTP secret is not fetched on every request.
     *
     * @throws IllegalArgumentException when a column is the user's id
     */
    @SafeVarargs
    public final GeneratedTables<I, U, S> withUserColumns(TableField<U, ?>... columns) {
        List<TableField<U, ?>> checked = checked(columns, "userColumns", Set.of(userId));
        return new GeneratedTables<>(userId, sessionId, sessionUserId, expiresAt, checked, sessionColumns,
                renderSchema);
    }

    /**
     * These tables, reading these columns of the session table besides Lucia's into the session's record; by default
     * none is read. Attributes are written from whatever fields of the session record the application set.
     *
     * @throws IllegalArgumentException when a column is one of the session's id, user id and expiry
     */
    @SafeVarargs
    public final GeneratedTables<I, U, S> withSessionColumns(TableField<S, ?>... columns) {
        List<TableField<S, ?>> checked = checked(columns, "sessionColumns", Set.of(sessionId, sessionUserId, expiresAt));
        return new GeneratedTables<>(userId, sessionId, sessionUserId, expiresAt, userColumns, checked, renderSchema);
    }

    /**
     * These tables, rendered without their schema: PostgreSQL finds them through the connection's
     * {@code search_path}, for an application that generated its classes from one schema and runs on another.
     */
    public GeneratedTables<I, U, S> withoutSchema() {
        return new GeneratedTables<>(userId, sessionId, sessionUserId, expiresAt, userColumns, sessionColumns, false);
    }

    private static <R extends Record> List<TableField<R, ?>> checked(TableField<R, ?>[] columns, String argument,
            Set<TableField<?, ?>> luciasColumns) {
        Arguments.requireNonNull(columns, argument);
        List<TableField<R, ?>> checked = new ArrayList<>(columns.length);
        for (TableField<R, ?> column : columns) {
            Arguments.requireNonNull(column, argument + " has a null element");
            if (luciasColumns.contains(column)) {
                throw new IllegalArgumentException(argument + " must not contain " + qualified(column)
                        + ": the adapter reads that column itself");
            }
            if (!checked.contains(column)) {
                checked.add(column);
            }
        }
        return checked;
    }

    @Override
    TableModel<I, U, S> model() {
        return model;
    }

    private TableModel<I, U, S> buildModel() {
        Table<U> users = userId.getTable();
        Table<S> sessions = sessionId.getTable();
        String sessionTable = sessions.getName();
        return new TableModel<>(users, userId, sessions, sessionId, sessionUserId, expiresAt,
                new RecordColumns<>(users, userColumns, Set.of(userId)),
                new RecordColumns<>(sessions, sessionColumns, Set.of(sessionId, sessionUserId, expiresAt)),
                null, renderSchema, qualified(users), qualified(sessions),
                primaryKey(sessions, sessionTable),
                foreignKey(sessions, sessionUserId, sessionTable),
                index(sessions, sessionUserId, sessionTable),
                true, true);
    }

    private static String primaryKey(Table<?> sessions, String sessionTable) {
        UniqueKey<?> key = sessions.getPrimaryKey();
        return key != null ? key.getName() : ConstraintNames.primaryKey(sessionTable);
    }

    private static String foreignKey(Table<?> sessions, TableField<?, ?> column, String sessionTable) {
        for (ForeignKey<?, ?> key : sessions.getReferences()) {
            if (key.getFields().size() == 1 && key.getFields().get(0).getName().equals(column.getName())) {
                return key.getName();
            }
        }
        return ConstraintNames.foreignKey(sessionTable, column.getName());
    }

    private static String index(Table<?> sessions, TableField<?, ?> column, String sessionTable) {
        for (Index index : sessions.getIndexes()) {
            if (index.getFields().size() == 1 && index.getFields().get(0).getName().equals(column.getName())) {
                return index.getName();
            }
        }
        return ConstraintNames.index(sessionTable, column.getName());
    }

    private static String qualified(Table<?> table) {
        return String.join(".", TableNames.qualifiedName(table).getName());
    }

    private static String qualified(TableField<?, ?> column) {
        return qualified(column.getTable()) + "." + column.getName();
    }

    /** The tables and columns, for messages. */
    @Override
    public String toString() {
        return "GeneratedTables[users=" + qualified(userId.getTable()) + ", sessions=" + qualified(sessionId.getTable())
                + ", userColumns=" + names(userColumns) + ", sessionColumns=" + names(sessionColumns)
                + (renderSchema ? "" : ", withoutSchema") + "]";
    }

    private static String names(List<? extends TableField<?, ?>> columns) {
        return Arrays.toString(columns.stream().map(TableField::getName).toArray());
    }
}
