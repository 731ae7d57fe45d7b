package io.github.luciajooq.tools;

import io.github.luciajooq.testing.Migrations;
import io.github.luciajooq.testing.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;

/**
 * Regenerates the jOOQ classes from their changelogs:
 * <pre>mvn -q test-compile exec:java@regenerate</pre>
 * the library's own in {@code src/generated/java} from {@code db/}, and the tests' application tables in
 * {@code src/test/generated/java} from {@code src/test/resources/db/test-changelog.xml}. For each, it creates a fresh
 * database on a real PostgreSQL, applies the changelog with Liquibase and runs jOOQ's generator with its
 * configuration. The server is the embedded one unless {@code -Dcodegen.database} says {@code testcontainers} or
 * gives a JDBC URL. Run it from the project's root.
 */
public final class RegenerateJooqClasses {

    /**
     * One set of generated classes.
     *
     * @param configuration the generator's configuration, relative to the project's root
     * @param changelog the changelog, on the test class path
     * @param directory where the classes are kept, relative to the project's root
     */
    public record Generation(Path configuration, String changelog, Path directory) {}

    /** The library's own classes. */
    public static final Generation LIBRARY = new Generation(Path.of("generated-sources-config.xml"),
            Migrations.CHANGELOG, Path.of("src/generated/java"));
    /** The tests' application classes. */
    public static final Generation TEST_TABLES = new Generation(Path.of("src/test/resources/jooq/test-tables.xml"),
            Migrations.TEST_CHANGELOG, Path.of("src/test/generated/java"));

    private RegenerateJooqClasses() {}

    public static void main(String[] args) throws Exception {
        String choice = System.getProperty("codegen.database", "embedded");
        PostgresServer server = PostgresServer.start(choice);
        for (Generation generation : List.of(LIBRARY, TEST_TABLES)) {
            generate(server, generation, generation.directory());
            System.out.println("Generated jOOQ classes from " + generation.changelog() + " into "
                    + generation.directory() + " on " + server.description());
        }
        System.exit(0);
    }

    /** Applies the changelog to a new database on this server and generates the classes into this directory. */
    public static void generate(PostgresServer server, Generation generation, Path targetDirectory) throws Exception {
        String database = server.createDatabase(null);
        try {
            Migrations.apply(server.dataSource(database), generation.changelog());
            Configuration configuration = load(generation.configuration());
            configuration.setJdbc(new Jdbc()
                    .withDriver("org.postgresql.Driver")
                    .withUrl(server.jdbcUrl(database))
                    .withUser(server.user())
                    .withPassword(server.password()));
            configuration.getGenerator().getTarget().setDirectory(targetDirectory.toAbsolutePath().toString());
            GenerationTool.generate(configuration);
        } finally {
            server.dropDatabase(database);
        }
    }

    private static Configuration load(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return GenerationTool.load(in);
        }
    }
}
