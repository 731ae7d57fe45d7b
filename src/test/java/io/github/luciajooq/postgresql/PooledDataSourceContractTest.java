package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on a real HikariCP pool (node-postgres' {@code Pool}), and the pool under concurrent use: more
 * threads than connections, and every connection back in the pool afterwards.
 */
class PooledDataSourceContractTest extends DriverContract {

    private static final int CONNECTIONS = 3;
    private HikariDataSource pool;

    static HikariDataSource pool(TestDatabase database, int connections) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.unpooledDataSource());
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setPoolName("lucia-test");
        return new HikariDataSource(config);
    }

    @Override
    protected DSLContext applicationDsl() {
        pool = pool(database, CONNECTIONS);
        return DSL.using(pool, SQLDialect.POSTGRES);
    }

    @AfterEach
    void everyConnectionWasReturnedToThePool() {
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        pool.close();
    }

    @Test
    void createOnADataSourceUsesLuciasTables() {
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia = Lucia.builder(PostgresAdapter.create(pool)).build();

        NewSession<String, Map<String, Object>> created = lucia.createSession("user-1", Map.of());

        assertThat(lucia.validateSession(created.token())).isPresent();
        assertThat(database.count("user_session")).isEqualTo(1);
    }

    @Test
    void manyThreadsShareFewerConnectionsWithoutLeakingAny() throws Exception {
        int threads = 12;
        int rounds = 15;
        for (int thread = 0; thread < threads; thread++) {
            fixture().insertUser("user-" + thread, "name-" + thread);
        }
        Lucia<Object, Object, Object> lucia = Lucia.builder(adapter()).clock(clock).build();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                Object userId = fixture().userId("user-" + thread);
                results.add(executor.submit(() -> {
                    int kept = 0;
                    for (int round = 0; round < rounds; round++) {
                        NewSession<Object, Object> created = lucia.createSession(userId,
                                fixture().attributes("10.0.0." + round, null));
                        assertThat(lucia.validateSession(created.token())).isPresent();
                        if (round % 3 == 0) {
                            lucia.invalidateSession(created.token());
                            assertThat(lucia.validateSession(created.token())).isEmpty();
                        } else {
                            kept++;
                        }
                    }
                    return kept;
                }));
            }
            for (int thread = 0; thread < threads; thread++) {
                int kept = results.get(thread).get();
                assertThat(lucia.getUserSessions(fixture().userId("user-" + thread))).hasSize(kept);
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(CONNECTIONS);
        clock.advance(Duration.ofDays(31));
        assertThat(lucia.deleteExpiredSessions()).isEqualTo(threads * (rounds - 5));
    }
}
