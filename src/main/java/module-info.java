/**
 * lucia-jooq: Lucia-style database sessions on jOOQ and PostgreSQL.
 * <p>
 * Exports the API: the session managers ({@code io.github.luciajooq}), tokens and handles, HTTP helpers, password
 * hashes, the adapter contract ({@code spi}), the in-memory and PostgreSQL adapters and the servlet filter. The
 * package {@code internal} and the generated jOOQ classes of lucia-jooq's own tables are not API: the generated
 * classes are open to jOOQ alone, which makes their records. Every driver is optional ({@code requires static}):
 * an application has pgjdbc, r2dbc-postgresql or both, and a servlet container only if it uses the filter.
 */
module io.github.luciajooq {
    requires transitive org.jooq;
    requires transitive java.sql;
    requires static org.postgresql.jdbc;
    requires static r2dbc.postgresql;
    requires static r2dbc.spi;
    requires static org.reactivestreams;
    requires static transitive jakarta.servlet;
    requires static org.bouncycastle.provider;

    exports io.github.luciajooq;
    exports io.github.luciajooq.http;
    exports io.github.luciajooq.memory;
    exports io.github.luciajooq.password;
    exports io.github.luciajooq.postgresql;
    exports io.github.luciajooq.servlet;
    exports io.github.luciajooq.spi;
    exports io.github.luciajooq.token;

    opens io.github.luciajooq.postgresql.internal.generated to org.jooq;
    opens io.github.luciajooq.postgresql.internal.generated.tables to org.jooq;
    opens io.github.luciajooq.postgresql.internal.generated.tables.records to org.jooq;
}
