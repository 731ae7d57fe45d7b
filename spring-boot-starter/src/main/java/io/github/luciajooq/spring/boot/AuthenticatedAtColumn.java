package io.github.luciajooq.spring.boot;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The start-up check that the session table named by {@code lucia.tables.session} has the {@code authenticated_at}
 * column the adapter is told to read, so that a table without it fails the start naming the column and the
 * property instead of every request failing later. When the database cannot be asked at start-up, the check is
 * skipped (logged) and the start goes on as without it. Stateless.
 */
final class AuthenticatedAtColumn {

    static final String NAME = "authenticated_at";

    private static final Log LOG = LogFactory.getLog(AuthenticatedAtColumn.class);

    private AuthenticatedAtColumn() {}

    /**
     * @param sessionTable {@code table} or {@code schema.table}, as {@code TableNames} has accepted it (no quotes)
     * @throws IllegalStateException when the table exists and has no {@code authenticated_at} column
     */
    static void require(DSLContext dsl, String sessionTable) {
        Record found;
        try {
            // to_regclass finds an unqualified name through the search_path, as the adapter's statements do.
            found = dsl.resultQuery("SELECT c.oid IS NOT NULL, EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a"
                    + " WHERE a.attrelid = c.oid AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped)"
                    + " FROM (SELECT pg_catalog.to_regclass(?) AS oid) c", NAME, quoted(sessionTable)).fetchSingle();
        } catch (org.jooq.exception.DataAccessException | org.springframework.dao.DataAccessException e) {
            LOG.warn("Could not check at start-up that session table " + sessionTable + " has column " + NAME
                    + " (lucia.tables.authenticated-at): " + e.getMessage());
            return;
        }
        boolean tableFound = found.get(0, Boolean.class);
        boolean columnFound = found.get(1, Boolean.class);
        if (tableFound && !columnFound) {
            throw new IllegalStateException("Session table " + sessionTable + " has no column " + NAME
                    + ", which lucia.tables.authenticated-at=true (the default) reads: add it (lucia-jooq's changeset"
                    + " 5-user-session-authenticated-at, " + NAME + " TIMESTAMPTZ NOT NULL DEFAULT now()) or set"
                    + " lucia.tables.authenticated-at=false (then no absolute lifetime, no authentication time)");
        }
    }

    /** The name as {@code to_regclass} reads it: each part quoted, taken literally as the adapter takes it. */
    private static String quoted(String table) {
        StringBuilder quoted = new StringBuilder();
        for (String part : table.split("\\.", -1)) {
            quoted.append(quoted.isEmpty() ? "" : ".").append('"').append(part).append('"');
        }
        return quoted.toString();
    }
}
