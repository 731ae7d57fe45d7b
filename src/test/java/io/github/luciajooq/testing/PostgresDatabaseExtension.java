package io.github.luciajooq.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a {@link TestDatabase} of its own: a fresh database, copied from a template to which
 * the tests' changelog (lucia-jooq's, and the tests' application tables) was applied once, on the server that {@link PostgresServer#shared()} picks
 * ({@code TEST_DATABASE_URL}, else Testcontainers when Docker answers, else embedded PostgreSQL). Ask for it as
 * a parameter of a test, a {@code @BeforeEach} method or a constructor. Databases are made a few ahead and dropped
 * after the test, both on threads of their own, so that tests do not wait for either.
 */
public final class PostgresDatabaseExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresDatabaseExtension.class);
    /** Databases made ahead, while tests run: making one costs about a tenth of a second. */
    private static final int AHEAD = 2;
    private static final ExecutorService MAKER = Executors.newSingleThreadExecutor(daemon("test-database-maker"));
    private static final ExecutorService DROPPER = Executors.newSingleThreadExecutor(daemon("test-database-dropper"));
    private static final Deque<Future<String>> MADE = new ArrayDeque<>();
    private static String template;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(key(context), key -> create(), TestDatabase.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestDatabase database = context.getStore(NAMESPACE).remove(key(context), TestDatabase.class);
        if (database != null) {
            database.closePool();
            DROPPER.execute(() -> database.server().dropDatabase(database.name()));
        }
    }

    private static String key(ExtensionContext context) {
        return context.getUniqueId();
    }

    private static synchronized TestDatabase create() {
        PostgresServer server = PostgresServer.shared();
        String from = template(server);
        while (MADE.size() <= AHEAD) {
            MADE.add(MAKER.submit(() -> server.createDatabase(from)));
        }
        try {
            return new TestDatabase(server, MADE.poll().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("making a test database failed", e.getCause());
        }
    }

    private static String template(PostgresServer server) {
        if (template == null) {
            String name = server.createDatabase(null);
            Migrations.apply(server.dataSource(name), Migrations.TEST_CHANGELOG);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> cleanUp(server, name)));
            template = name;
        }
        return template;
    }

    /** Drops what is left: databases made ahead and not used, and the template. */
    private static void cleanUp(PostgresServer server, String template) {
        try {
            MAKER.shutdown();
            DROPPER.shutdown();
            DROPPER.awaitTermination(30, TimeUnit.SECONDS);
            for (Future<String> made : MADE) {
                server.dropDatabase(made.get(30, TimeUnit.SECONDS));
            }
            server.dropDatabase(template);
        } catch (Exception serverGone) {
            // An embedded server stops with the JVM, and takes its databases with it.
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
