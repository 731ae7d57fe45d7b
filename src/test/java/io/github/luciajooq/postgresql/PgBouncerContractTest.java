package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.testing.PgBouncer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The contract through a real PgBouncer in transaction mode (Neon's pooled endpoint, serverless drivers): every
 * statement may run on another server connection. Needs Debian's {@code pgbouncer}, which {@code .ci/run}
 * installs; skipped without it, except under CI ({@code CI=true}), where it fails.
 */
class PgBouncerContractTest extends DriverContract {

    private PgBouncer bouncer;

    @Override
    protected DSLContext applicationDsl() {
        Optional<PgBouncer> found = PgBouncer.shared();
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(found.isPresent(), "PgBouncer is not installed: apt-get install pgbouncer");
        }
        assertThat(found).as("pgbouncer installed by .ci/run").isPresent();
        bouncer = found.get();
        return DSL.using(bouncer.dataSource(database.name()), SQLDialect.POSTGRES);
    }

    @Test
    void aPoolOfClientConnectionsSharesTwoServerConnectionsStatementByStatement() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(bouncer.dataSource(database.name()));
        config.setMaximumPoolSize(8);
        int threads = 8;
        for (int thread = 0; thread < threads; thread++) {
            fixture().insertUser("user-" + thread, "name-" + thread);
        }
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Lucia<Object, Object, Object> lucia = Lucia.builder(
                    PostgresAdapter.create(DSL.using(pool, SQLDialect.POSTGRES), tables.tables())).clock(clock).build();
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int thread = 0; thread < threads; thread++) {
                    Object userId = fixture().userId("user-" + thread);
                    done.add(executor.submit(() -> {
                        for (int round = 0; round < 20; round++) {
                            NewSession<Object, Object> created = lucia.createSession(userId,
                                    fixture().attributes("10.0.0." + round, null));
                            assertThat(lucia.validateSession(created.token())).isPresent();
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                executor.shutdownNow();
            }
            for (int thread = 0; thread < threads; thread++) {
                assertThat(lucia.getUserSessions(fixture().userId("user-" + thread))).hasSize(20);
            }
        }
    }
}
