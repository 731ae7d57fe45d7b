package io.github.luciajooq.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a {@link TestDatabase} of its own: a fresh database, copied from a template to which
 * lucia-jooq's changelog was applied once, on the server that {@link PostgresServer#shared()} picks
 * ({@code TEST_DATABASE_URL}, else Testcontainers when Docker answers, else embedded PostgreSQL). Ask for it as
 * a parameter of a test, a {@code @BeforeEach} method or a constructor. It is dropped after the test.
 */
public final class PostgresDatabaseExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresDatabaseExtension.class);
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
            database.drop();
        }
    }

    private static String key(ExtensionContext context) {
        return context.getUniqueId();
    }

    private static TestDatabase create() {
        PostgresServer server = PostgresServer.shared();
        return new TestDatabase(server, server.createDatabase(template(server)));
    }

    private static synchronized String template(PostgresServer server) {
        if (template == null) {
            String name = server.createDatabase(null);
            Migrations.apply(server.dataSource(name));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.dropDatabase(name)));
            template = name;
        }
        return template;
    }
}
