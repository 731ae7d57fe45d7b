package com.example.sessions.web;

import com.example.sessions.Application;
import com.example.sessions.ConnectionPool;
import com.example.sessions.DemoDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the demo web application on an embedded PostgreSQL, for a person with a browser: no server to install, no
 * Docker. {@code -Ddemo.port=8080} picks the port, {@code -Ddemo.pool=4} the connection pool's size (by default
 * {@link ConnectionPool#sizeFor} this machine's cores, the database's too). (A launcher for development, kept with
 * the tests as Spring Boot's test applications are: the application itself takes any {@code DataSource}.)
 */
public final class LocalDemo implements AutoCloseable {

    private final DemoDatabase database;
    private final WebServer server;

    private LocalDemo(DemoDatabase database, WebServer server) {
        this.database = database;
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        int poolSize = Integer.getInteger("demo.pool", ConnectionPool.sizeFor(Runtime.getRuntime().availableProcessors()));
        // When the start fails (a taken port), the exception says what to do, and nothing is left running.
        LocalDemo demo = start(DemoDatabase.start(EmbeddedPostgres.builder(), poolSize),
                Integer.getInteger("demo.port", 8080));
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        System.out.println("lucia-jooq demo: open http://localhost:" + demo.port() + "/ (Ctrl+C stops it); "
                + ConnectionPool.describe(demo.database.pool()));
        Thread.currentThread().join();
    }

    /**
     * Starts the demo on this database and its pool, which it then owns: when anything after it fails to start (the
     * port is taken), the pool and the database are closed before the exception leaves, so nothing is left running.
     */
    static LocalDemo start(DemoDatabase database, int port) {
        try {
            Application application = Application.start(database.pool());
            return new LocalDemo(database, WebServer.start(application, port));
        } catch (RuntimeException failed) {
            closeQuietly(database, failed);
            throw failed;
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            closeQuietly(database, null);
        }
    }

    private static void closeQuietly(DemoDatabase database, RuntimeException failed) {
        try {
            database.close();
        } catch (RuntimeException closing) {
            if (failed != null) {
                failed.addSuppressed(closing);
            }
        }
    }
}
