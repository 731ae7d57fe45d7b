package com.example.sessions.web;

import com.example.sessions.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the demo web application on an embedded PostgreSQL, for a person with a browser: no server to install, no
 * Docker. {@code -Ddemo.port=8080} picks the port. (A launcher for development, kept with the tests as Spring Boot's
 * test applications are: the application itself takes any {@code DataSource}.)
 */
public final class LocalDemo {

    private LocalDemo() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Application application = Application.start(postgres.getPostgresDatabase());
        WebServer server = WebServer.start(application, Integer.getInteger("demo.port", 8080));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                postgres.close();
            } catch (java.io.IOException ignored) {
                // the process ends anyway
            }
        }));
        System.out.println("lucia-jooq demo: open http://localhost:" + server.port() + "/ (Ctrl+C stops it)");
        Thread.currentThread().join();
    }
}
