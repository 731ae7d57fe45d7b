package io.github.luciajooq.tools.snippets;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java snippets, all in one run of javac, on the tests' class path (the library's classes as built, the
 * tests' generated tables, their dependencies): each becomes a subclass of {@link SnippetScaffold}, with the
 * imports an application of the README would have. Errors are reported at the snippet's own line.
 */
public final class SnippetCompiler {

    private static final String PACKAGE = "io.github.luciajooq.tools.snippets.compiled";
    /** What the README's application imports; single-type imports where two packages share a simple name. */
    private static final List<String> IMPORTS = List.of(
            "static io.github.luciajooq.testing.generated.Tables.*",
            "io.github.luciajooq.testing.generated.tables.records.*",
            "io.github.luciajooq.*",
            "io.github.luciajooq.token.*",
            "io.github.luciajooq.http.RequestHeaders",
            "io.github.luciajooq.http.CrossOriginProtection",
            "io.github.luciajooq.http.Origins",
            "io.github.luciajooq.servlet.*",
            "io.github.luciajooq.spi.*",
            "io.github.luciajooq.memory.*",
            "io.github.luciajooq.postgresql.*",
            "io.github.luciajooq.password.*",
            "java.time.*",
            "java.util.List",
            "java.util.Map",
            "java.util.Optional",
            "java.util.UUID",
            "java.util.concurrent.*",
            "java.sql.Connection",
            "javax.sql.DataSource",
            "org.jooq.DSLContext",
            "org.jooq.SQLDialect",
            "org.jooq.impl.*",
            "io.r2dbc.spi.ConnectionFactories",
            "io.r2dbc.spi.ConnectionFactory",
            "reactor.core.publisher.Mono",
            "com.zaxxer.hikari.HikariDataSource",
            "jakarta.servlet.http.HttpServletRequest",
            "jakarta.servlet.http.HttpServletResponse",
            "org.springframework.context.annotation.Bean");

    private final Map<String, Snippet> byClass = new LinkedHashMap<>();
    private final Map<Snippet, List<String>> errors = new LinkedHashMap<>();
    private final Map<String, Integer> headerLines = new LinkedHashMap<>();
    private final Path output;

    private SnippetCompiler(Path output) {
        this.output = output;
    }

    /** Compiles these snippets into this folder; their errors are then in {@link #errors(Snippet)}. */
    public static SnippetCompiler compile(List<Snippet> snippets, Path output) {
        SnippetCompiler compiler = new SnippetCompiler(output);
        compiler.run(snippets);
        return compiler;
    }

    /** This snippet's compile errors, each as "README.md:170: message"; empty when it compiled. */
    public List<String> errors(Snippet snippet) {
        return errors.getOrDefault(snippet, List.of());
    }

    /** An instance of the compiled snippet, loaded from the output folder. */
    public SnippetScaffold instance(Snippet snippet) throws ReflectiveOperationException {
        URLClassLoader loader = new URLClassLoader(new URL[] {toUrl(output)}, SnippetScaffold.class.getClassLoader());
        return (SnippetScaffold) loader.loadClass(PACKAGE + "." + className(snippet))
                .getDeclaredConstructor().newInstance();
    }

    private void run(List<Snippet> snippets) {
        List<JavaFileObject> units = new ArrayList<>();
        for (Snippet snippet : snippets) {
            String name = className(snippet);
            byClass.put(name, snippet);
            units.add(new Source(name, source(name, snippet)));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
            List<File> classPath = new ArrayList<>();
            for (String entry : classPath().split(File.pathSeparator)) {
                classPath.add(new File(entry));
            }
            files.setLocation(StandardLocation.CLASS_PATH, classPath);
            javac.getTask(null, files, diagnostics, List.of("-proc:none", "-Xlint:none", "-nowarn"), null, units)
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Snippet snippet = diagnostic.getSource() == null ? null : byClass.get(((Source) diagnostic.getSource()).name);
            if (snippet == null) {
                throw new IllegalStateException("javac: " + diagnostic.getMessage(Locale.ROOT));
            }
            String name = ((Source) diagnostic.getSource()).name;
            long line = snippet.firstLine() + diagnostic.getLineNumber() - headerLines.get(name) - 1;
            errors.computeIfAbsent(snippet, s -> new ArrayList<>())
                    .add(snippet.source() + ":" + line + ": " + diagnostic.getMessage(Locale.ROOT));
        }
    }

    private String source(String name, Snippet snippet) {
        StringBuilder header = new StringBuilder("package " + PACKAGE + ";\n");
        IMPORTS.forEach(imported -> header.append("import ").append(imported).append(";\n"));
        header.append("public final class ").append(name).append(" extends ")
                .append(SnippetScaffold.class.getName()).append(" {\n");
        boolean members = snippet.check().kind() == Check.Kind.COMPILE_MEMBERS;
        if (!members) {
            header.append("@Override public void snippet() throws Exception {\n");
        }
        headerLines.put(name, (int) header.chars().filter(c -> c == '\n').count());
        return header + snippet.text() + "\n"
                + (members ? "@Override public void snippet() {}\n" : "}\n") + "}\n";
    }

    private static String className(Snippet snippet) {
        return "Snippet_" + snippet.source().replaceAll(".*/", "").replaceAll("\\W", "_") + "_" + snippet.firstLine();
    }

    /** Surefire's class path (its own java.class.path may be a manifest-only jar pointing at it). */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String name;
        private final String code;

        Source(String name, String code) {
            super(java.net.URI.create("string:///" + PACKAGE.replace('.', '/') + "/" + name + ".java"),
                    Kind.SOURCE);
            this.name = name;
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
