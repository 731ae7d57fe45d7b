package io.github.luciajooq.tools.snippets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the documentation's examples: README.md's fenced blocks with their markers, and the {@code <pre>{@code
 * ...}</pre>} blocks of the Javadoc of public types. A marker that cannot be read, a marker with no block under it,
 * and a block of code whose language has no default check and no marker are problems, each with its line.
 */
public final class Snippets {

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w+-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern PRE_START = Pattern.compile("^\\s*\\*\\s?<pre>\\{@code\\s*$");
    private static final Pattern PRE_END = Pattern.compile("^\\s*\\*\\s?}</pre>.*$");
    private static final Pattern JAVADOC_LINE = Pattern.compile("^\\s*\\*( ?)(.*)$");
    /** Languages that are not code: no check, and the marker {@code text} may say so. */
    private static final Set<String> NOT_CODE = Set.of("", "text", "sh", "shell", "console");

    private final List<Snippet> snippets = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private Snippets() {}

    /** The fenced blocks of a Markdown file. */
    public static Snippets markdown(Path root, String file) {
        return markdown(file, lines(root.resolve(file)));
    }

    /** The fenced blocks of Markdown text, reported as lines of this file. */
    public static Snippets markdown(String file, List<String> lines) {
        Snippets found = new Snippets();
        found.readMarkdown(file, lines);
        return found;
    }

    /** The {@code <pre>{@code ...}</pre>} examples in the Javadoc of the public types under a source folder. */
    public static Snippets javadoc(Path root, String folder) {
        Snippets found = new Snippets();
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.toString().contains("/internal/"))
                    .sorted()
                    .forEach(file -> found.readJavadoc(root.relativize(file).toString(), lines(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public List<Snippet> snippets() {
        return snippets;
    }

    public List<String> problems() {
        return problems;
    }

    private void readMarkdown(String file, List<String> lines) {
        String marker = null;
        int markerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher markerMatch = MARKER.matcher(line);
            Matcher fence = FENCE.matcher(line);
            if (markerMatch.matches()) {
                if (marker != null) {
                    problems.add(file + ":" + markerLine + ": snippet marker with no fenced block under it");
                }
                marker = markerMatch.group(1);
                markerLine = i + 1;
            } else if (fence.matches()) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                String indent = fence.group(1);
                List<String> body = new ArrayList<>();
                for (String text : lines.subList(i + 1, Math.min(end, lines.size()))) {
                    body.add(text.startsWith(indent) ? text.substring(indent.length()) : text.stripLeading());
                }
                String language = fence.group(2);
                int firstLine = i + 2;
                check(file, i + 1, language, marker, markerLine).ifPresent(check ->
                        snippets.add(new Snippet(file, firstLine, language, check, body)));
                marker = null;
                i = end;
            } else if (!line.isBlank() && marker != null) {
                problems.add(file + ":" + markerLine + ": snippet marker with no fenced block under it");
                marker = null;
            }
        }
        if (marker != null) {
            problems.add(file + ":" + markerLine + ": snippet marker with no fenced block under it");
        }
    }

    private Optional<Check> check(String file, int fenceLine, String language, String marker, int markerLine) {
        String where = file + ":" + (marker == null ? fenceLine : markerLine) + ": ";
        if (marker == null) {
            if (language.equals("java")) {
                return Optional.of(Check.of(Check.Kind.COMPILE));
            }
            if (NOT_CODE.contains(language)) {
                return Optional.of(Check.of(Check.Kind.TEXT));
            }
            problems.add(where + "a ```" + language + " block needs a marker on the line before its fence, e.g."
                    + " <!-- snippet: in examples/pom.xml --> (README: Build, test)");
            return Optional.empty();
        }
        String[] words = marker.split("\\s+");
        String kind = words[0];
        Optional<String> path = words.length > 1 ? Optional.of(words[1]) : Optional.empty();
        for (Check.Kind known : Check.Kind.values()) {
            if (known.marker().equals(kind) || (known == Check.Kind.IN && kind.equals("compiled-in"))) {
                boolean needsPath = known == Check.Kind.IN;
                if (needsPath != path.isPresent() || words.length > 2) {
                    problems.add(where + "marker '" + marker + "': " + (needsPath
                            ? "'in' takes one path, of the file or folder that holds the block"
                            : "'" + kind + "' takes no argument"));
                    return Optional.empty();
                }
                if (known.ordinal() <= Check.Kind.RUN.ordinal() && !language.equals("java")) {
                    problems.add(where + "marker '" + kind + "' is for ```java blocks, not ```" + language);
                    return Optional.empty();
                }
                if (known == Check.Kind.TEXT && !NOT_CODE.contains(language)) {
                    problems.add(where + "a ```" + language + " block is code: mark it with where it is checked,"
                            + " not 'text'");
                    return Optional.empty();
                }
                return Optional.of(new Check(known, path));
            }
        }
        problems.add(where + "unknown snippet marker '" + marker
                + "': compile, compile-members, run, in PATH or text (README: Build, test)");
        return Optional.empty();
    }

    private void readJavadoc(String file, List<String> lines) {
        if (lines.stream().noneMatch(line -> line.startsWith("public "))) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (PRE_START.matcher(lines.get(i)).matches()) {
                int end = i + 1;
                while (end < lines.size() && !PRE_END.matcher(lines.get(end)).matches()) {
                    end++;
                }
                List<String> body = new ArrayList<>();
                for (String text : lines.subList(i + 1, Math.min(end, lines.size()))) {
                    Matcher line = JAVADOC_LINE.matcher(text);
                    body.add(line.matches() ? line.group(2) : text);
                }
                snippets.add(new Snippet(file, i + 2, "java", Check.of(Check.Kind.COMPILE), body));
                i = end;
            }
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
