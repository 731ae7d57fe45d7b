package com.example.sessions.web;

import com.example.sessions.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * Runs the demo web application on an embedded PostgreSQL, for a person with a browser: no server to install, no
 * Docker. {@code -Ddemo.port=8080} picks the port. (A launcher for development, kept with the tests as Spring Boot's
 * test applications are: the application itself takes any {@code DataSource}.)
 */
public final class LocalDemo implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final WebServer server;

    private LocalDemo(EmbeddedPostgres postgres, WebServer server) {
        this.postgres = postgres;
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        // When the start fails (a taken port), the exception says what to do, and nothing is left running.
        LocalDemo demo = start(EmbeddedPostgres.builder().start(), Integer.getInteger("demo.port", 8080));
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        System.out.println("lucia-jooq demo: open http://localhost:" + demo.port() + "/ (Ctrl+C stops it)");
        Thread.currentThread().join();
    }

    /**
     * Starts the demo on this PostgreSQL, which it then owns: when anything after it fails to start (the port is
     * taken), the database is stopped before the exception leaves, so nothing is left running.
     */
    static LocalDemo start(EmbeddedPostgres postgres, int port) {
        try {
            Application application = Application.start(postgres.getPostgresDatabase());
            return new LocalDemo(postgres, WebServer.start(application, port));
        } catch (RuntimeException failed) {
            closeQuietly(postgres, failed);
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
            closeQuietly(postgres, null);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres, RuntimeException failed) {
        try {
            postgres.close();
        } catch (IOException closing) {
            if (failed != null) {
                failed.addSuppressed(closing);
            }
        }
    }
}
