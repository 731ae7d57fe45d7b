package com.example.sessions;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;

/**
 * The application's connections to PostgreSQL: a HikariCP pool, as a real application has. Without one, each
 * statement opens a new connection, which PostgreSQL answers by starting a server process and authenticating: tens
 * of milliseconds per statement, where a statement on an open connection takes well under one.
 */
public final class ConnectionPool {

    private ConnectionPool() {}

    /**
     * The connections the pool opens for a database server with this many cores: twice the cores.
     *
     * <p>A PostgreSQL connection is one server process, which runs one statement at a time on one core. With about
     * two connections per core, every core has a statement to run while the other connection's statement is on its
     * way over the network or waits on disk (HikariCP's "About Pool Sizing": cores &times; 2 + disks). More
     * connections run no more statements at once: they add processes that compete for the same cores, locks and
     * memory. A request that finds every connection busy waits in the pool's queue, which is cheaper than waiting
     * inside PostgreSQL. The demo's database runs on the same machine as the demo, so its cores are this JVM's.
     */
    public static int sizeFor(int databaseCores) {
        if (databaseCores < 1) {
            throw new IllegalArgumentException("databaseCores must be at least 1: " + databaseCores);
        }
        return 2 * databaseCores;
    }

    /**
     * Opens a fixed-size pool of {@code size} connections to this JDBC URL (user and password in the URL, or none
     * needed): HikariCP's advice, a pool that neither grows nor shrinks (minimum idle = maximum). A request waits for
     * a connection at most HikariCP's default 30 seconds, then fails. The caller closes the pool, after whatever uses
     * it; closing it closes its connections.
     *
     * @throws IllegalArgumentException when {@code size} is below 1
     * @throws RuntimeException (HikariCP's) when the first connection cannot be opened
     */
    public static HikariDataSource open(String jdbcUrl, int size) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1: " + size);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("demo");
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    /** The pool's settings in a few words, for a start-up line; never the URL, which may hold a password. */
    public static String describe(HikariDataSource pool) {
        return "HikariCP pool \"" + pool.getPoolName() + "\", " + pool.getMaximumPoolSize() + " connections (fixed: "
                + pool.getMinimumIdle() + " idle minimum), a request waits for one at most "
                + pool.getConnectionTimeout() / 1000 + " s";
    }
}
