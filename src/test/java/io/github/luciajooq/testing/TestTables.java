package io.github.luciajooq.testing;

import static org.jooq.impl.DSL.constraint;
import static org.jooq.impl.DSL.quotedName;

import io.github.luciajooq.postgresql.TableNames;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Creates and fills Lucia's tables under any {@link TableNames}, the way a user's own DDL would. */
public final class TestTables {

    private TestTables() {}

    /** The name as the adapter understands it: each part literal, quoted. */
    public static Name name(String table) {
        return quotedName(table.split("\\."));
    }

    /** Creates the two tables with Lucia's columns only (and the schema, when the names have one). */
    public static void create(DSLContext dsl, TableNames names) {
        Name user = name(names.user());
        Name session = name(names.session());
        if (session.qualified()) {
            dsl.createSchemaIfNotExists(quotedName(session.first())).execute();
        }
        dsl.createTable(user)
                .column(quotedName("id"), SQLDataType.CLOB.notNull())
                .constraint(constraint().primaryKey(quotedName("id")))
                .execute();
        dsl.createTable(session)
                .column(quotedName("id"), SQLDataType.CLOB.notNull())
                .column(quotedName("expires_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6).notNull())
                .column(quotedName("user_id"), SQLDataType.CLOB.notNull())
                .constraints(
                        constraint().primaryKey(quotedName("id")),
                        constraint().foreignKey(quotedName("user_id")).references(user, quotedName("id")))
                .execute();
    }

    /**
     * Adds the attribute columns the contract tests use: {@code username TEXT} to the user table, {@code ip TEXT}
     * and {@code remembered BOOLEAN} to the session table.
     */
    public static void addAttributeColumns(DSLContext dsl, TableNames names) {
        dsl.alterTable(name(names.user())).addColumn(quotedName("username"), SQLDataType.CLOB).execute();
        dsl.alterTable(name(names.session())).addColumn(quotedName("ip"), SQLDataType.CLOB).execute();
        dsl.alterTable(name(names.session())).addColumn(quotedName("remembered"), SQLDataType.BOOLEAN).execute();
    }

    /** Inserts a user row with these attribute columns. */
    public static void insertUser(DSLContext dsl, TableNames names, String id, Map<String, Object> attributes) {
        var row = new java.util.LinkedHashMap<org.jooq.Field<?>, Object>();
        row.put(DSL.field(quotedName("id")), id);
        attributes.forEach((column, value) -> row.put(DSL.field(quotedName(column)), value));
        dsl.insertInto(DSL.table(name(names.user()))).set(row).execute();
    }

    /** How many rows a table has. */
    public static int count(DSLContext dsl, String table) {
        return dsl.fetchCount(DSL.table(name(table)));
    }
}
