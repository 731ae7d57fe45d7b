package io.github.luciajooq.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/** The PostgreSQL server a generation runs on: embedded, Testcontainers', or one at a JDBC URL. */
class CodegenServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String adminDatabase;
    private final String query;
    private final Properties credentials;
    private final AutoCloseable stop;

    CodegenServer(String jdbcUrl, String user, String password, AutoCloseable stop) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("server must be embedded, testcontainers or a jdbc:postgresql:// URL,"
                    + " not " + jdbcUrl.replaceAll("password=[^&]*", "password=..."));
        }
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int question = rest.indexOf('?');
        this.query = question < 0 ? "" : rest.substring(question + 1);
        String authority = question < 0 ? rest : rest.substring(0, question);
        int slash = authority.indexOf('/');
        this.adminDatabase = slash < 0 || slash == authority.length() - 1 ? "postgres" : authority.substring(slash + 1);
        String hostPort = slash < 0 ? authority : authority.substring(0, slash);
        int colon = hostPort.lastIndexOf(':');
        this.host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        this.port = colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1));
        this.credentials = new Properties();
        String urlUser = parameter("user");
        String urlPassword = parameter("password");
        if (user != null || urlUser != null) {
            credentials.setProperty("user", user != null ? user : urlUser);
        }
        if (password != null || urlPassword != null) {
            credentials.setProperty("password", password != null ? password : urlPassword);
        }
        this.stop = stop;
    }

    /**
     * @param choice {@code embedded}, {@code testcontainers} or a JDBC URL
     */
    static CodegenServer start(String choice) {
        if (choice.startsWith("jdbc:")) {
            return new CodegenServer(choice, null, null, () -> { });
        }
        if (choice.equals("testcontainers")) {
            try {
                return TestcontainersServer.start();
            } catch (NoClassDefFoundError missing) {
                throw new IllegalStateException("server=testcontainers needs org.testcontainers:postgresql among the"
                        + " code generator plugin's dependencies", missing);
            }
        }
        if (choice.equals("embedded")) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
                return new CodegenServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        throw new IllegalArgumentException("server must be embedded, testcontainers or a jdbc:postgresql:// URL, not "
                + choice);
    }

    /** Makes a new, empty database for this run. */
    String createDatabase() {
        String name = "lucia_codegen_" + UUID.randomUUID().toString().replace("-", "");
        admin("CREATE DATABASE " + name);
        return name;
    }

    void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    Connection connect(String database) {
        try {
            return DriverManager.getConnection(jdbcUrl(database), credentials);
        } catch (SQLException e) {
            throw new IllegalStateException("connecting to " + database + " on " + host + ":" + port + " failed", e);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), credentials);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + host + ":" + port, e);
        }
    }

    private String parameter(String name) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping PostgreSQL failed", e);
        }
    }
}
