package io.github.luciajooq.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.tools.snippets.Check;
import io.github.luciajooq.tools.snippets.Containment;
import io.github.luciajooq.tools.snippets.Snippet;
import io.github.luciajooq.tools.snippets.SnippetCompiler;
import io.github.luciajooq.tools.snippets.Snippets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DocumentationSnippetsTest's checks fail as README: Build, test says, each at the snippet's own line. */
class SnippetCheckerTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static Snippets markdown(String... lines) {
        return Snippets.markdown("GUIDE.md", List.of(lines));
    }

    @Test
    void aJavaBlockThatNoLongerCompilesFailsAtItsLine(@TempDir Path classes) {
        Snippets guide = markdown("# Guide", "", "```java", "var adapter = InMemoryAdapter.create();",
                "Lucia.builder(adapter).noSuchSetting(1).build();", "```");
        Snippet snippet = guide.snippets().get(0);

        SnippetCompiler compiled = SnippetCompiler.compile(guide.snippets(), classes);

        assertThat(snippet.check()).isEqualTo(Check.of(Check.Kind.COMPILE));
        assertThat(compiled.errors(snippet)).singleElement().asString()
                .startsWith("GUIDE.md:5: cannot find symbol").contains("noSuchSetting");
    }

    @Test
    void aBlockOfCodeWithoutAMarkerOrWithAWrongOneIsAProblemAtItsLine() {
        Snippets guide = markdown("```yaml", "lucia: {}", "```", "", "<!-- snippet: text -->", "```xml", "<a/>",
                "```", "<!-- snippet: compile -->", "```properties", "a=b", "```", "<!-- snippet: in -->",
                "```xml", "<a/>", "```", "<!-- snippet: run -->", "", "prose", "<!-- snippet: sometimes -->", "```",
                "```");

        assertThat(guide.snippets()).isEmpty();
        assertThat(guide.problems()).containsExactly(
                "GUIDE.md:1: a ```yaml block needs a marker on the line before its fence, e.g."
                        + " <!-- snippet: in examples/pom.xml --> (README: Build, test)",
                "GUIDE.md:5: a ```xml block is code: mark it with where it is checked, not 'text'",
                "GUIDE.md:9: marker 'compile' is for ```java blocks, not ```properties",
                "GUIDE.md:13: marker 'in': 'in' takes one path, of the file or folder that holds the block",
                "GUIDE.md:17: snippet marker with no fenced block under it",
                "GUIDE.md:20: unknown snippet marker 'sometimes': compile, compile-members, run, in PATH or text"
                        + " (README: Build, test)");
    }

    @Test
    void anXmlBlockIsFoundElementByElementOrFailsNamingWhatTheFileLacks() {
        Snippets guide = markdown("<!-- snippet: in examples/pom.xml -->", "```xml",
                "<generate>  <fluentSetters>true</fluentSetters> </generate>", "```",
                "<!-- snippet: in examples/pom.xml -->", "```xml",
                "<generate><javaTimeTypes>true</javaTimeTypes><records>false</records></generate>", "```");

        assertThat(Containment.check(ROOT, guide.snippets().get(0))).isEmpty();
        assertThat(Containment.check(ROOT, guide.snippets().get(1))).hasValue(
                "GUIDE.md:7: the block is not in examples/pom.xml (compared element by element);"
                        + " the file has no <records>false");
    }

    @Test
    void anotherBlockIsFoundAsTextWhiteSpaceAsideInAFileOrUnderAFolder() {
        Snippets guide = markdown("<!-- snippet: in src/test/resources/db -->", "```yaml",
                "<include   file=\"db/lucia-jooq/changelog.xml\"/>", "```",
                "<!-- snippet: in src/test/resources/db/test-changelog.xml -->", "```yaml", "include: nothing", "```",
                "<!-- snippet: in no/such/folder -->", "```yaml", "a: b", "```");

        assertThat(Containment.check(ROOT, guide.snippets().get(0))).isEmpty();
        assertThat(Containment.check(ROOT, guide.snippets().get(1))).hasValue("GUIDE.md:7: the block is not in"
                + " src/test/resources/db/test-changelog.xml (compared as text, white space aside)");
        assertThat(Containment.check(ROOT, guide.snippets().get(2)))
                .hasValue("GUIDE.md:11: marked 'in no/such/folder', which does not exist");
    }
}
