package io.github.luciajooq.postgresql;

import io.github.luciajooq.postgresql.internal.schema.ConstraintNames;
import io.github.luciajooq.postgresql.internal.schema.JooqVersion;
import io.github.luciajooq.postgresql.internal.schema.NamedColumns;
import io.github.luciajooq.postgresql.internal.schema.TableModel;
import io.github.luciajooq.postgresql.internal.statement.MappedDsl;
import static io.github.luciajooq.postgresql.internal.generated.tables.LuciaAuthUser.AUTH_USER;
import static io.github.luciajooq.postgresql.internal.generated.tables.LuciaUserSession.USER_SESSION;

import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.Names;
import io.github.luciajooq.internal.StorableText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables by name, for applications without generated classes of their own: Lucia's columns ({@code id};
 * {@code id}, {@code user_id}, {@code expires_at}) under the given {@link TableNames}, text user ids, and attributes
 * as maps by column name. The statements are built from the classes jOOQ generated from lucia-jooq's changelog,
 * mapped to these names.
 * <p>
 * Only Lucia's columns are read unless the application names others ({@link #withUserColumns(String...)},
 * {@link #withSessionColumns(String...)}); their types, and that Lucia's columns have the types the adapter needs,
 * are learnt from the first row read. Attributes are written by column name, each value bound as jOOQ binds its
 * Java class: a {@code String} into an {@code INTEGER}, {@code JSONB} or enum column is refused by PostgreSQL. For
 * those, use {@link GeneratedTables}. Immutable and thread-safe.
 */
public final class NamedTables extends SessionTables<String, Map<String, Object>, Map<String, Object>> {

    private static final int MAX_IDENTIFIER_BYTES = 63;
    // Lucia's column names, as the changelog and the generated classes have them. Not read from the generated
    // classes: this class must load without them, so that an unsupported jOOQ is refused by name (JooqVersion).
    private static final Set<String> LUCIAS_USER_COLUMNS = Set.of("id");
    private static final Set<String> LUCIAS_SESSION_COLUMNS = Set.of("id", "user_id", "expires_at");

    private final TableNames names;
    private final List<String> userColumns;
    private final List<String> sessionColumns;
    private final TableModel<String, Map<String, Object>, Map<String, Object>> model;

    private NamedTables(TableNames names, List<String> userColumns, List<String> sessionColumns) {
        this.names = names;
        this.userColumns = List.copyOf(userColumns);
        this.sessionColumns = List.copyOf(sessionColumns);
        this.model = new TableModel<>(AUTH_USER, AUTH_USER.ID, USER_SESSION, USER_SESSION.ID, USER_SESSION.USER_ID,
                USER_SESSION.EXPIRES_AT,
                new NamedColumns(userColumns, LUCIAS_USER_COLUMNS, names.user()),
                new NamedColumns(sessionColumns, LUCIAS_SESSION_COLUMNS, names.session()),
                MappedDsl.mapping(names.schema(), names.userTable(), names.sessionTable()),
                names.schema() != null, names.user(), names.session(),
                ConstraintNames.primaryKey(names.sessionTable()),
                ConstraintNames.foreignKey(names.sessionTable(), USER_SESSION.USER_ID.getName()),
                ConstraintNames.index(names.sessionTable(), USER_SESSION.USER_ID.getName()),
                false, false);
    }

    /** The tables with these names ({@link TableNames#of(String, String)}), reading Lucia's columns only. */
    public static NamedTables of(String user, String session) {
        return of(TableNames.of(user, session));
    }

    /** The tables with these names, reading Lucia's columns only. */
    public static NamedTables of(TableNames names) {
        JooqVersion.require();
        return new NamedTables(Arguments.requireNonNull(names, "names"), List.of(), List.of());
    }

    /**
     * These tables, reading these columns of the user table besides {@code id} into the user's attributes; by
     * default none is read, so that a password hash or a TOTP secret is not fetched on every request.
     *
     * @throws IllegalArgumentException when a name is blank, {@code id}, or no column can have it
     */
    public NamedTables withUserColumns(String... columns) {
        return new NamedTables(names, checked(columns, "userColumns", LUCIAS_USER_COLUMNS), sessionColumns);
    }

    /**
     * These tables, reading these columns of the session table besides Lucia's into the session's attributes; by
     * default none is read.
     *
     * @throws IllegalArgumentException when a name is blank, one of Lucia's, or no column can have it
     */
    public NamedTables withSessionColumns(String... columns) {
        return new NamedTables(names, userColumns, checked(columns, "sessionColumns", LUCIAS_SESSION_COLUMNS));
    }

    /** The tables' names. */
    public TableNames names() {
        return names;
    }

    private static List<String> checked(String[] columns, String argument, Set<String> luciasColumns) {
        Arguments.requireNonNull(columns, argument);
        List<String> checked = new ArrayList<>(columns.length);
        for (String column : columns) {
            Arguments.requireId(column, argument + " element");
            String problem = StorableText.problem(column);
            if (problem == null && column.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
                problem = "is longer than PostgreSQL's " + MAX_IDENTIFIER_BYTES + "-byte names";
            }
            if (problem != null) {
                throw new IllegalArgumentException(argument + " has a name no column can have: "
                        + Names.quote(column) + " " + problem);
            }
            if (luciasColumns.contains(column)) {
                throw new IllegalArgumentException(argument + " must not contain \"" + column
                        + "\": the adapter reads that column itself");
            }
            if (!checked.contains(column)) {
                checked.add(column);
            }
        }
        return checked;
    }

    @Override
    TableModel<String, Map<String, Object>, Map<String, Object>> model() {
        return model;
    }

    @Override
    public String toString() {
        return "NamedTables[users=" + names.user() + ", sessions=" + names.session() + ", userColumns=" + userColumns
                + ", sessionColumns=" + sessionColumns + "]";
    }
}
