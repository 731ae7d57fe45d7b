package io.github.luciajooq.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.tools.snippets.Check;
import io.github.luciajooq.tools.snippets.Containment;
import io.github.luciajooq.tools.snippets.Snippet;
import io.github.luciajooq.tools.snippets.SnippetCompiler;
import io.github.luciajooq.tools.snippets.SnippetScaffold;
import io.github.luciajooq.tools.snippets.Snippets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of the documentation is checked, so that none drifts from the API (issue 22; README: Build, test):
 * README.md's fenced blocks as their markers say (Java compiled against the classes as built, flows run on a real
 * PostgreSQL, XML found in a file the build uses), and the {@code <pre>{@code ...}</pre>} examples of the public
 * types' Javadoc compiled. A failure names the line of README.md or of the source file.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class DocumentationSnippetsTest {

    /** The project's root: Surefire runs the tests there. */
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    static Path classes;

    private static SnippetCompiler compiled;

    private static Snippets readme() {
        return Snippets.markdown(ROOT, "README.md");
    }

    private static Snippets javadoc() {
        return Snippets.javadoc(ROOT, "src/main/java");
    }

    /** All Java snippets, README's and the Javadoc's, compiled in one run of javac. */
    private static synchronized SnippetCompiler compiled() {
        if (compiled == null) {
            List<Snippet> java = new ArrayList<>();
            Stream.concat(readme().snippets().stream(), javadoc().snippets().stream())
                    .filter(snippet -> snippet.check().isJava())
                    .forEach(java::add);
            compiled = SnippetCompiler.compile(java, classes);
        }
        return compiled;
    }

    @Test
    void everyBlockOfTheReadmeSaysHowItIsChecked() {
        Snippets readme = readme();

        assertThat(readme.problems()).isEmpty();
        assertThat(readme.snippets()).filteredOn(snippet -> snippet.check().kind() != Check.Kind.TEXT)
                .extracting(Snippet::language).doesNotContain("");
    }

    @TestFactory
    Stream<DynamicTest> readmeSnippets(TestDatabase database) {
        return readme().snippets().stream()
                .filter(snippet -> snippet.check().kind() != Check.Kind.TEXT)
                .map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> check(snippet, database)));
    }

    @TestFactory
    Stream<DynamicTest> javadocExamples() {
        List<Snippet> examples = javadoc().snippets();
        assertThat(examples).as("the Javadoc's <pre>{@code ...}</pre> examples").isNotEmpty();
        return examples.stream().map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> check(snippet, null)));
    }

    private static void check(Snippet snippet, TestDatabase database) throws Exception {
        if (snippet.check().kind() == Check.Kind.IN) {
            assertThat(Containment.check(ROOT, snippet)).as(snippet.location()).isEmpty();
            return;
        }
        assertThat(compiled().errors(snippet)).as("compile errors of " + snippet.location()).isEmpty();
        if (snippet.check().kind() == Check.Kind.RUN) {
            SnippetScaffold application;
            try {
                application = compiled().instance(snippet);
            } catch (ClassNotFoundException notCompiled) {
                throw new AssertionError(snippet.location() + ": not compiled: javac stopped at other snippets'"
                        + " errors (fix those first)", notCompiled);
            }
            application.prepare(database);
            try {
                application.snippet();
            } catch (Exception | AssertionError e) {
                throw new AssertionError(snippet.location() + ": the snippet failed when run: " + e, e);
            } finally {
                application.close();
            }
        }
    }
}
