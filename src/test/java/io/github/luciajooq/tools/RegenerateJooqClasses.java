package io.github.luciajooq.tools;

import io.github.luciajooq.testing.Migrations;
import io.github.luciajooq.testing.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;

/**
 * Regenerates the jOOQ classes in {@code src/generated/java} from {@code db/}:
 * <pre>mvn -q test-compile exec:java@regenerate</pre>
 * It creates a fresh database on a real PostgreSQL, applies the changelog with Liquibase and runs jOOQ's
 * generator with {@code generated-sources-config.xml}. The server is the embedded one unless
 * {@code -Dcodegen.database} says {@code testcontainers} or gives a JDBC URL. An argument, when given, is the
 * directory to write to instead of {@code src/generated/java}. Run it from the project's root.
 */
public final class RegenerateJooqClasses {

    /** The generator's configuration, relative to the project's root. */
    public static final Path CONFIGURATION = Path.of("generated-sources-config.xml");
    /** Where the generated classes are kept, relative to the project's root. */
    public static final Path GENERATED_SOURCES = Path.of("src/generated/java");

    private RegenerateJooqClasses() {}

    public static void main(String[] args) throws Exception {
        Path target = args.length > 0 ? Path.of(args[0]) : GENERATED_SOURCES;
        String choice = System.getProperty("codegen.database", "embedded");
        PostgresServer server = PostgresServer.start(choice);
        generate(server, target);
        System.out.println("Generated jOOQ classes from db/ into " + target + " on " + server.description());
        System.exit(0);
    }

    /** Applies the changelog to a new database on this server and generates the classes into this directory. */
    public static void generate(PostgresServer server, Path targetDirectory) throws Exception {
        String database = server.createDatabase(null);
        try {
            Migrations.apply(server.dataSource(database));
            Configuration configuration = load();
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

    private static Configuration load() throws IOException {
        try (InputStream in = Files.newInputStream(CONFIGURATION)) {
            return GenerationTool.load(in);
        }
    }
}
