package io.github.luciajooq.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed jOOQ classes are exactly what the generator makes from {@code db/} today. When this fails, run
 * {@code mvn -q test-compile exec:java@regenerate} and commit the result; never edit the classes by hand.
 */
class GeneratedClassesAreCurrentTest {

    @Test
    void committedLibraryClassesMatchAFreshGenerationFromTheChangelog(@TempDir Path fresh) throws Exception {
        assertCurrent(RegenerateJooqClasses.LIBRARY, fresh);
    }

    @Test
    void committedTestTableClassesMatchAFreshGenerationFromTheTestChangelog(@TempDir Path fresh) throws Exception {
        assertCurrent(RegenerateJooqClasses.TEST_TABLES, fresh);
    }

    private static void assertCurrent(RegenerateJooqClasses.Generation generation, Path fresh) throws Exception {
        RegenerateJooqClasses.generate(PostgresServer.shared(), generation, fresh);

        Map<String, String> committed = contents(generation.directory());
        Map<String, String> generated = contents(fresh);

        assertThat(generated).isNotEmpty();
        assertThat(committed.keySet())
                .as("files in %s; run mvn -q test-compile exec:java@regenerate", generation.directory())
                .isEqualTo(generated.keySet());
        generated.forEach((file, text) -> assertThat(committed.get(file))
                .as("%s is stale or was edited by hand; run mvn -q test-compile exec:java@regenerate", file)
                .isEqualTo(text));
    }

    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        }
        return files;
    }
}
