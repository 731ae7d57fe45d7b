package com.example.sessions.web;

import com.example.sessions.Application;
import com.example.sessions.db.tables.records.AuthUserRecord;
import com.example.sessions.db.tables.records.UserSessionRecord;
import io.github.luciajooq.servlet.SessionFilter;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo web application on an embedded Jetty 12: lucia-jooq's {@link SessionFilter} in front of every path, then
 * the {@link AccountServlet}. Server-rendered HTML, no JavaScript.
 */
public final class WebServer implements AutoCloseable {

    private final Server server;

    private WebServer(Server server) {
        this.server = server;
    }

    /**
     * Starts the web application on this port of every local address; 0 picks a free one.
     *
     * @throws IllegalStateException when Jetty does not start, for example because the port is taken
     */
    public static WebServer start(Application application, int port) {
        SessionFilter<String, AuthUserRecord, UserSessionRecord> filter = SessionFilter.create(application.lucia());
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new AccountServlet(application.accounts(), filter)), "/*");
        Server server = new Server(port);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception failed) {
            throw new IllegalStateException("the web server did not start on port " + port, failed);
        }
        return new WebServer(server);
    }

    /** The port it listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception failed) {
            throw new IllegalStateException("the web server did not stop", failed);
        }
    }
}
