package io.github.luciajooq.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Property;
import org.jooq.meta.jaxb.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jOOQ's generator on a changelog applied to an embedded PostgreSQL, found in the search path and on the class path. */
class LiquibasePostgresDatabaseTest {

    private static Configuration configuration(Path target, Property... properties) {
        return new Configuration()
                .withBasedir(Path.of("").toAbsolutePath().toString())
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName(LiquibasePostgresDatabase.class.getName())
                                .withInputSchema("public")
                                .withIncludes("account|visit|mood")
                                .withProperties(properties))
                        .withTarget(new Target().withPackageName("example.generated").withDirectory(target.toString())));
    }

    @Test
    void generatesPostgresqlsOwnTypesFromAChangelogThatIncludesOneFromTheClassPath(@TempDir Path target)
            throws Exception {
        GenerationTool.generate(configuration(target,
                new Property().withKey("changeLogFile").withValue("db/changelog.xml"),
                new Property().withKey("searchPath").withValue("src/test/changelogs")));

        String visit = Files.readString(target.resolve("example/generated/tables/Visit.java"));
        assertThat(visit)
                .contains("TableField<VisitRecord, OffsetDateTime> AT")
                .contains("TableField<VisitRecord, JSONB> DETAILS")
                .contains("TableField<VisitRecord, Mood> MOOD")
                .contains("TableField<VisitRecord, UUID> ACCOUNT_ID");
        assertThat(target.resolve("example/generated/tables/Account.java")).exists();
        assertThat(target.resolve("example/generated/enums/Mood.java")).exists();
        assertThat(Files.readString(target.resolve("example/generated/Keys.java"))).contains("visit_account_fkey");
    }

    @Test
    void theEmbeddedServerIsTheReleaseTheReadmePromises() throws Exception {
        try (CodegenServer server = CodegenServer.start("embedded");
                java.sql.Connection connection = server.connect("postgres");
                java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SHOW server_version_num")) {
            row.next();
            assertThat(Integer.parseInt(row.getString(1)) / 10_000)
                    .as("PostgreSQL's major release, from the binaries on this module's class path as an application's"
                            + " build resolves them")
                    .isEqualTo(17);
        }
    }

    @Test
    void aChangelogAlsoOnTheClassPathAsAfterAPreviousBuildIsTakenFromTheSearchPath(@TempDir Path target,
            @TempDir Path previousBuildOutput) throws Exception {
        Path staleCopy = previousBuildOutput.resolve("db/changelog.xml");
        Files.createDirectories(staleCopy.getParent());
        Files.writeString(staleCopy, "not a changelog: reading this copy would fail");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        try (URLClassLoader withPreviousOutput = new URLClassLoader(
                new URL[] {previousBuildOutput.toUri().toURL()}, original)) {
            thread.setContextClassLoader(withPreviousOutput);
            GenerationTool.generate(configuration(target,
                    new Property().withKey("changeLogFile").withValue("db/changelog.xml"),
                    new Property().withKey("searchPath").withValue("src/test/changelogs")));
        } finally {
            thread.setContextClassLoader(original);
        }

        assertThat(target.resolve("example/generated/tables/Visit.java")).exists();
    }

    @Test
    void withoutAChangelogItSaysWhichPropertyIsMissing(@TempDir Path target) {
        assertThatThrownBy(() -> GenerationTool.generate(configuration(target)))
                .hasStackTraceContaining("LiquibasePostgresDatabase needs the property changeLogFile");
    }

    @Test
    void aSearchPathThatIsNoDirectoryIsNamed(@TempDir Path target) {
        assertThatThrownBy(() -> GenerationTool.generate(configuration(target,
                new Property().withKey("changeLogFile").withValue("db/changelog.xml"),
                new Property().withKey("searchPath").withValue("src/test/no-such-directory"))))
                .hasStackTraceContaining("searchPath names")
                .hasStackTraceContaining("no-such-directory");
    }
}
