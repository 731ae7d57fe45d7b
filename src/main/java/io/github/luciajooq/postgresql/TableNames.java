package io.github.luciajooq.postgresql;

import io.github.luciajooq.internal.Names;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jooq.Name;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The names of the user table and the session table, as the {@link PostgresAdapter} finds them at run time.
 * <p>
 * A name is {@code table} or {@code schema.table}. Each part is taken literally and always quoted, so it is
 * case-sensitive ({@code "Sessions"} is not {@code "sessions"}) and may be a reserved word ({@code user}); an
 * unqualified name is found through the connection's {@code search_path}, as in Lucia's own adapter. A part
 * cannot contain a dot. Both tables must be in the same schema, or both unqualified: the adapter maps them with
 * one jOOQ render mapping.
 * <p>
 * Names that cannot be mapped safely are rejected here, before any SQL is built: a part that is empty, has
 * leading or trailing white space, a control character or a double quote, or is longer than PostgreSQL's 63 bytes
 * (which PostgreSQL would silently truncate to another table's name).
 *
 * @param user the user table, by default {@code auth_user}
 * @param session the session table, by default {@code user_session}
 */
public record TableNames(String user, String session) {

    /** Lucia's documented names: {@code auth_user} and {@code user_session}. */
    public static final TableNames DEFAULT = new TableNames("auth_user", "user_session");

    private static final int MAX_IDENTIFIER_BYTES = 63;

    /**
     * @throws NullPointerException when a name is {@code null}
     * @throws IllegalArgumentException when a name cannot be mapped safely, the two are equal, or they are in
     *     different schemas; the message names which
     */
    public TableNames {
        Name userName = parse(user, "user");
        Name sessionName = parse(session, "session");
        if (userName.equals(sessionName)) {
            throw new IllegalArgumentException("user and session must name two tables, both name " + userName);
        }
        if (userName.qualified() != sessionName.qualified()
                || userName.qualified() && !userName.first().equals(sessionName.first())) {
            throw new IllegalArgumentException("user (" + userName + ") and session (" + sessionName
                    + ") must be in the same schema, or both unqualified");
        }
    }

    /**
     * The names of these two tables: {@code table} or {@code schema.table}, each part as it is written in the
     * database, without quotes.
     */
    public static TableNames of(String user, String session) {
        return new TableNames(user, session);
    }

    /**
     * The names of these two tables, as jOOQ names: {@code DSL.name("auth", "users")}. Each part is taken as it is;
     * a part may not contain a dot.
     *
     * @throws IllegalArgumentException when a name has more than two parts, or a part cannot be mapped safely
     */
    public static TableNames of(Name user, Name session) {
        return new TableNames(joined(user, "user"), joined(session, "session"));
    }

    /**
     * The names of these two tables of the application's, such as its generated {@code USERS} and
     * {@code SESSIONS}: their qualified names, schema included.
     */
    public static TableNames of(Table<?> user, Table<?> session) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
        return of(qualifiedName(user), qualifiedName(session));
    }

    /** The table's name with its schema, when it has one; generated tables report their schema apart. */
    static Name qualifiedName(Table<?> table) {
        Schema schema = table.getSchema();
        return schema == null || schema.getName().isEmpty()
                ? DSL.name(table.getName())
                : DSL.name(schema.getName(), table.getName());
    }

    private static String joined(Name name, String argument) {
        Objects.requireNonNull(name, argument);
        for (String part : name.getName()) {
            if (part.indexOf('.') >= 0) {
                throw new IllegalArgumentException(argument + " has a part with a dot, which a table name here cannot"
                        + " have: " + Names.quote(part));
            }
        }
        return String.join(".", name.getName());
    }

    /** The schema of both tables, or {@code null} when they are unqualified. */
    String schema() {
        Name name = parse(session, "session");
        return name.qualified() ? name.first() : null;
    }

    /** The user table's own name, without its schema. */
    String userTable() {
        return parse(user, "user").last();
    }

    /** The session table's own name, without its schema. */
    String sessionTable() {
        return parse(session, "session").last();
    }

    private static Name parse(String name, String argument) {
        Objects.requireNonNull(name, argument);
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(argument + " must be table or schema.table, not " + Names.quote(name));
        }
        for (String part : parts) {
            requireSafe(part, argument, name);
        }
        return DSL.quotedName(parts);
    }

    private static void requireSafe(String part, String argument, String name) {
        if (part.indexOf('"') >= 0) {
            throw new IllegalArgumentException(argument + " contains a double quote: " + Names.quote(name) + ". Pass"
                    + " names as they are written in the database, without quotes (\"auth.users\" for"
                    + " \"auth\".\"users\"), or pass the jOOQ Table or Name itself: TableNames.of(USERS, SESSIONS)");
        }
        if (part.isEmpty()) {
            throw new IllegalArgumentException(argument + " has an empty part: " + Names.quote(name));
        }
        if (!part.strip().equals(part)) {
            throw new IllegalArgumentException(argument + " has leading or trailing white space: " + Names.quote(name));
        }
        if (part.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(argument + " contains a control character: " + Names.quote(name));
        }
        if (part.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new IllegalArgumentException(argument + " has a part longer than PostgreSQL's "
                    + MAX_IDENTIFIER_BYTES + " bytes, which PostgreSQL would truncate: " + Names.quote(name));
        }
    }
}
