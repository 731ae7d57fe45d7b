package io.github.luciajooq.tools.snippets;

import java.util.List;

/**
 * One example of the documentation: a fenced block of README.md, or a {@code <pre>{@code ...}</pre>} block of a
 * public type's Javadoc.
 *
 * @param source where it is, as a path from the project's root ({@code README.md}, {@code src/main/java/...})
 * @param firstLine the line of {@code source} that holds the snippet's first line (1-based)
 * @param language the fence's language ({@code java}, {@code xml}, ...; empty for none)
 * @param check how it is checked
 * @param lines its text, the fence's or the list item's indentation removed
 */
public record Snippet(String source, int firstLine, String language, Check check, List<String> lines) {

    /** {@code README.md:167}: where a failure message points. */
    public String location() {
        return source + ":" + firstLine;
    }

    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public String toString() {
        return location() + " " + (language.isEmpty() ? "" : language + " ") + check;
    }
}
