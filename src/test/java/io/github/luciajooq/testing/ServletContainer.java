package io.github.luciajooq.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.function.BiFunction;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real servlet container on a free local port, with one filter and one servlet mapped to every path: Jetty 12
 * (Servlet 6.0) or Tomcat 11 (Servlet 6.1), so that what a filter does is shown on two containers.
 */
public enum ServletContainer {
    JETTY(ServletContainer::jetty),
    TOMCAT(ServletContainer::tomcat);

    /** A started container: its port, and how to stop it. */
    public interface Running extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    private final BiFunction<Filter, Servlet, Running> start;

    ServletContainer(BiFunction<Filter, Servlet, Running> start) {
        this.start = start;
    }

    /** Starts the container with this filter in front of this servlet. */
    public Running start(Filter filter, Servlet servlet) {
        return start.apply(filter, servlet);
    }

    private static Running jetty(Filter filter, Servlet servlet) {
        Server server = new Server(0);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception failed) {
            throw new IllegalStateException("Jetty did not start", failed);
        }
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return new Running() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                try {
                    server.stop();
                } catch (Exception failed) {
                    throw new IllegalStateException("Jetty did not stop", failed);
                }
            }
        };
    }

    private static Running tomcat(Filter filter, Servlet servlet) {
        Tomcat tomcat = new Tomcat();
        try {
            tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        Connector connector = new Connector();
        connector.setPort(0);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "application", servlet);
        context.addServletMappingDecoded("/*", "application");
        FilterDef definition = new FilterDef();
        definition.setFilterName("sessions");
        definition.setFilter(filter);
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("sessions");
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
        try {
            tomcat.start();
        } catch (Exception failed) {
            throw new IllegalStateException("Tomcat did not start", failed);
        }
        int port = tomcat.getConnector().getLocalPort();
        return new Running() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                try {
                    tomcat.stop();
                    tomcat.destroy();
                } catch (Exception failed) {
                    throw new IllegalStateException("Tomcat did not stop", failed);
                }
            }
        };
    }
}
