package io.github.luciajooq.tools.snippets;

import java.util.Optional;

/**
 * How a snippet is checked: the marker {@code <!-- snippet: KIND [PATH] -->} on the line before its fence, or the
 * default of its language (README: Build, test).
 *
 * @param kind what is done with it
 * @param path for {@link Kind#IN}, the file or folder (from the project's root) that holds it
 */
public record Check(Kind kind, Optional<String> path) {

    public enum Kind {
        /** Java statements, compiled as a method body on the README's application ({@link SnippetScaffold}). */
        COMPILE("compile"),
        /** Java class members (a method, a field), compiled in a class on the README's application. */
        COMPILE_MEMBERS("compile-members"),
        /** Java statements, compiled, then run on a fresh test database, where they must complete. */
        RUN("run"),
        /** Found in a file that the build uses: XML element by element, any other text whitespace-normalised. */
        IN("in"),
        /** Not code: commands, output, layouts. Only for blocks without a language, or sh/shell/console/text. */
        TEXT("text");

        private final String marker;

        Kind(String marker) {
            this.marker = marker;
        }

        public String marker() {
            return marker;
        }
    }

    public static Check of(Kind kind) {
        return new Check(kind, Optional.empty());
    }

    public boolean isJava() {
        return kind == Kind.COMPILE || kind == Kind.COMPILE_MEMBERS || kind == Kind.RUN;
    }

    @Override
    public String toString() {
        return kind.marker() + path.map(p -> " " + p).orElse("");
    }
}
