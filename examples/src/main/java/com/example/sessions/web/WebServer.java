package com.example.sessions.web;

import com.example.sessions.Application;
import com.example.sessions.db.tables.records.AuthUserRecord;
import com.example.sessions.db.tables.records.UserSessionRecord;
import io.github.luciajooq.servlet.SessionFilter;
import jakarta.servlet.DispatcherType;
import java.net.BindException;
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
        SessionFilter<String, AuthUserRecord, UserSessionRecord> filter = SessionFilter.builder(application.lucia())
                .refusal("text/html;charset=UTF-8", Pages.refused())
                .build();
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SecurityHeaders()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new AccountServlet(application.accounts(), filter)), "/*");
        Server server = new Server(port);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception failed) {
            stopQuietly(server, failed);
            if (causes(failed, BindException.class)) {
                throw new IllegalStateException("port " + port + " is taken: start the demo on another one, for"
                        + " example with -Ddemo.port=" + (port == 8080 ? 8081 : 8080), failed);
            }
            throw new IllegalStateException("the web server did not start on port " + port, failed);
        }
        return new WebServer(server);
    }

    /** Stops what a failed start left running (threads, a half-open connector). */
    private static void stopQuietly(Server server, Exception failed) {
        try {
            server.stop();
        } catch (Exception alsoFailed) {
            failed.addSuppressed(alsoFailed);
        }
    }

    private static boolean causes(Throwable failed, Class<? extends Throwable> type) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
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
