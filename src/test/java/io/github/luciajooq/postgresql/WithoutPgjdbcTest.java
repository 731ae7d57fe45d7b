package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.AsyncLucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * pgjdbc is an optional dependency: an application on R2DBC leaves it out. Here every R2DBC operation, and the
 * translation of a database error, runs in a class loader holding the test class path without pgjdbc's jar.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class WithoutPgjdbcTest {

    @Test
    void anAsyncApplicationWithoutPgjdbcCreatesValidatesAndInvalidatesSessions(TestDatabase database) throws Exception {
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        String url = "r2dbc:postgresql://" + database.server().user() + ":"
                + (database.server().password() == null ? "" : database.server().password()) + "@"
                + database.server().host() + ":" + database.server().port() + "/" + database.name();

        try (URLClassLoader withoutPgjdbc = new URLClassLoader(testClassPathWithoutPgjdbc(),
                ClassLoader.getPlatformClassLoader())) {
            @SuppressWarnings("unchecked")
            Callable<String> run = (Callable<String>) withoutPgjdbc.loadClass(Run.class.getName())
                    .getConstructor(String.class).newInstance(url);

            assertThat(run.call()).isEqualTo("no pgjdbc; validated user-1; duplicate refused; 0 sessions left");
        }
        assertThat(database.count("user_session")).isZero();
    }

    private static URL[] testClassPathWithoutPgjdbc() throws Exception {
        List<URL> urls = new ArrayList<>();
        boolean left = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("/org/postgresql/postgresql/")) {
                left = true;
                continue;
            }
            urls.add(new File(entry).toURI().toURL());
        }
        assertThat(left).as("pgjdbc's jar was on the test class path, and was left out").isTrue();
        return urls.toArray(URL[]::new);
    }

    /** Loaded by the class loader without pgjdbc: everything it touches comes from there. */
    public static final class Run implements Callable<String> {

        private final String url;

        public Run(String url) {
            this.url = url;
        }

        @Override
        public String call() {
            StringBuilder result = new StringBuilder();
            try {
                Class.forName("org.postgresql.Driver", false, Run.class.getClassLoader());
                result.append("pgjdbc present");
            } catch (ClassNotFoundException expected) {
                result.append("no pgjdbc");
            }
            AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia = AsyncLucia.builder(
                    AsyncPostgresAdapter.create(DSL.using(ConnectionFactories.get(url), SQLDialect.POSTGRES))).build();
            NewSession<String, Map<String, Object>> created = await(lucia.createSession("user-1", Map.of()));
            await(lucia.validateSession(created.token())).ifPresent(
                    valid -> result.append("; validated ").append(valid.user().id()));
            try {
                await(lucia.createSession("user-1", Map.of(), created.token()));
            } catch (CompletionException e) {
                if (e.getCause() instanceof SessionStoreException) {
                    result.append("; duplicate refused");
                }
            }
            await(lucia.invalidateUserSessions("user-1"));
            result.append("; ").append(await(lucia.getUserSessions("user-1")).size()).append(" sessions left");
            return result.toString();
        }

        private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
            return Mono.fromCompletionStage(stage).toFuture().join();
        }
    }
}
