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
public final class LocalDemo {

    private LocalDemo() {}

    public static void main(String[] args) throws Exception {
        int poolSize = Integer.getInteger("demo.pool", ConnectionPool.sizeFor(Runtime.getRuntime().availableProcessors()));
        DemoDatabase database = DemoDatabase.start(EmbeddedPostgres.builder(), poolSize);
        Application application = Application.start(database.pool());
        WebServer server = WebServer.start(application, Integer.getInteger("demo.port", 8080));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            database.close();
        }));
        System.out.println("lucia-jooq demo: open http://localhost:" + server.port() + "/ (Ctrl+C stops it); "
                + ConnectionPool.describe(database.pool()));
        Thread.currentThread().join();
    }
}
