package com.example.sessions;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An embedded PostgreSQL and the application's {@link ConnectionPool} on it: what the demo and the example's tests
 * run the application on. Closing it closes the pool, then the server.
 */
public final class DemoDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;

    private DemoDatabase(EmbeddedPostgres postgres, HikariDataSource pool) {
        this.postgres = postgres;
        this.pool = pool;
    }

    /** For a test: no {@code fsync}, a pool of {@link ConnectionPool#sizeFor} this machine's cores. */
    public static DemoDatabase forTests() throws IOException {
        return start(EmbeddedPostgres.builder().setServerConfig("fsync", "off"),
                ConnectionPool.sizeFor(Runtime.getRuntime().availableProcessors()));
    }

    /** Starts the server this builder describes and opens a pool of {@code poolSize} connections to it. */
    public static DemoDatabase start(EmbeddedPostgres.Builder server, int poolSize) throws IOException {
        EmbeddedPostgres postgres = server.start();
        try {
            return new DemoDatabase(postgres, ConnectionPool.open(postgres.getJdbcUrl("postgres", "postgres"), poolSize));
        } catch (RuntimeException failed) {
            postgres.close();
            throw failed;
        }
    }

    /** The pool, to hand to {@link Application#start}; closing it early (a test may) leaves the server running. */
    public HikariDataSource pool() {
        return pool;
    }

    /**
     * The client connections PostgreSQL has open to the application's database, counted in
     * {@code pg_stat_activity} on a connection of its own, outside the pool (which it leaves out of the count).
     */
    public int connectionsOpen() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and backend_type = 'client backend'"
                        + " and pid <> pg_backend_pid()")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException failed) {
            throw new IllegalStateException("counting the database's connections failed", failed);
        }
    }

    @Override
    public void close() {
        pool.close();
        try {
            postgres.close();
        } catch (IOException failed) {
            throw new UncheckedIOException("stopping the embedded PostgreSQL failed", failed);
        }
    }
}
