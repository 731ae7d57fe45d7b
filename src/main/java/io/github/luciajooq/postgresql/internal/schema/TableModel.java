package io.github.luciajooq.postgresql.internal.schema;

import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.conf.RenderMapping;

/**
 * Everything the statements need to know of the two tables: Lucia's columns as typed fields, how attributes map to
 * other columns, how the names render, and the constraint names refusals are recognised by. Immutable.
 *
 * @param users the user table
 * @param userId its id column
 * @param sessions the session table
 * @param sessionId its id column
 * @param sessionUserId its column of the user's id
 * @param expiresAt its expiry column
 * @param userColumns the user's attributes
 * @param sessionColumns the session's attributes
 * @param mapping the render mapping that sends the tables to their names at run time, or {@code null}
 * @param renderSchema whether table names are rendered with their schema
 * @param userName the user table's name, for messages
 * @param sessionName the session table's name, for messages
 * @param sessionPrimaryKey the name of the session table's primary key index
 * @param userForeignKey the name of the session table's foreign key to the user table
 * @param userIdIndex the name of the session table's index of user ids
 * @param luciasTypesKnown whether the types of Lucia's columns are the declared ones (else checked on first read)
 * @param userForeignKeyKnown whether {@code userForeignKey} is the foreign key's name (else it is PostgreSQL's default
 *     name, and the real one is learnt from the catalog before the first insert)
 */
public record TableModel<I, U, S>(
        Table<?> users,
        Field<I> userId,
        Table<?> sessions,
        Field<String> sessionId,
        Field<I> sessionUserId,
        Field<OffsetDateTime> expiresAt,
        Columns<U> userColumns,
        Columns<S> sessionColumns,
        RenderMapping mapping,
        boolean renderSchema,
        String userName,
        String sessionName,
        String sessionPrimaryKey,
        String userForeignKey,
        String userIdIndex,
        boolean luciasTypesKnown,
        boolean userForeignKeyKnown) {}
