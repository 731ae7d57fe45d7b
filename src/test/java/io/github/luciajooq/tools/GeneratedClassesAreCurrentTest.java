package io.github.luciajooq.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed jOOQ classes in {@code src/generated/java} are exactly what the generator makes from {@code db/} today,
 * with {@code generated-sources-config.xml} and lucia-jooq-codegen's database, as
 * {@code mvn -q jooq-codegen:generate@regenerate} runs them. When this fails, run that and commit the result; never
 * edit the classes by hand.
 */
class GeneratedClassesAreCurrentTest {

    private static final Path CONFIGURATION = Path.of("generated-sources-config.xml");
    private static final Path GENERATED_SOURCES = Path.of("src/generated/java");

    @Test
    void committedClassesMatchAFreshGenerationFromTheChangelog(@TempDir Path fresh) throws Exception {
        Configuration configuration;
        try (InputStream in = Files.newInputStream(CONFIGURATION)) {
            configuration = GenerationTool.load(in);
        }
        configuration.setBasedir(Path.of("").toAbsolutePath().toString());
        configuration.getGenerator().getTarget().setDirectory(fresh.toString());

        GenerationTool.generate(configuration);

        Map<String, String> committed = contents(GENERATED_SOURCES);
        Map<String, String> generated = contents(fresh);
        assertThat(generated).isNotEmpty();
        assertThat(committed.keySet())
                .as("files in %s; run mvn -q jooq-codegen:generate@regenerate", GENERATED_SOURCES)
                .isEqualTo(generated.keySet());
        generated.forEach((file, text) -> assertThat(committed.get(file))
                .as("%s is stale or was edited by hand; run mvn -q jooq-codegen:generate@regenerate", file)
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
