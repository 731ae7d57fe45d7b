package io.github.luciajooq.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of one test's own on the shared {@link PostgresServer}, with lucia-jooq's changelog applied. The
 * test may change it at will: it is dropped after the test.
 */
public final class TestDatabase {

    private final PostgresServer server;
    private final String name;
    private final PGSimpleDataSource unpooled;
    private HikariDataSource pooled;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
        this.unpooled = server.dataSource(name);
    }

    public PostgresServer server() {
        return server;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /**
     * A small pool on this database (opening a connection costs more than most statements here). Connections go
     * back to it as they were left: a test that changes a connection's session settings ({@code SET ROLE},
     * {@code SET TIME ZONE}) takes it from {@link #unpooledDataSource()} instead.
     */
    public synchronized DataSource dataSource() {
        if (pooled == null) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(unpooled);
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(20_000);
            config.setPoolName("test-" + name);
            pooled = new HikariDataSource(config);
        }
        return pooled;
    }

    /** A non-pooling data source: each connection is new, and closing it ends it. */
    public DataSource unpooledDataSource() {
        return unpooled;
    }

    /**
     * A non-pooling data source whose connections start with these server settings, e.g.
     * {@code -c standard_conforming_strings=off} (libpq's {@code options}).
     */
    public DataSource dataSource(String options) {
        PGSimpleDataSource withOptions = server.dataSource(name);
        withOptions.setOptions(options);
        return withOptions;
    }

    /** A plain context on {@link #dataSource()}, for setting up and checking what tests need. */
    public DSLContext dsl() {
        return DSL.using(dataSource(), SQLDialect.POSTGRES);
    }

    /** An R2DBC connection factory for this database: each {@code create()} opens a new connection. */
    public io.r2dbc.spi.ConnectionFactory connectionFactory() {
        return connectionFactory(java.util.Map.of());
    }

    /** An R2DBC connection factory whose connections start with these server settings. */
    public io.r2dbc.spi.ConnectionFactory connectionFactory(java.util.Map<String, String> options) {
        return new io.r2dbc.postgresql.PostgresqlConnectionFactory(
                io.r2dbc.postgresql.PostgresqlConnectionConfiguration.builder()
                        .host(server.host())
                        .port(server.port())
                        .database(name)
                        .username(server.user())
                        .password(server.password() == null ? "" : server.password())
                        .options(options)
                        .build());
    }

    /** Runs SQL written for the test's own set-up or check. */
    public void execute(String sql, Object... bindings) {
        dsl().execute(sql, bindings);
    }

    /** How many rows a table (schema-qualified or not, each part literal) has. */
    public int count(String table) {
        return TestTables.count(dsl(), table);
    }

    /** Closes the pool, if one was opened; the database is dropped afterwards. */
    synchronized void closePool() {
        if (pooled != null) {
            pooled.close();
        }
    }
}
