package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.testing.BlockingAdapter;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code deleteExpiredSessions} at a size where it takes several batches, on each path a statement can take: JDBC
 * directly, JDBC with an application's execute listener, and R2DBC; and on session tables the application
 * partitioned. The sessions are inserted
 * by SQL, as thousands of {@code setSession} calls would take a minute on a non-pooling data source.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ExpiredSessionsCleanupTest {

    private final Instant now = TestClock.standard().instant();
    private TestDatabase database;

    /** The ways the adapter can run its statements. */
    enum Path {
        JDBC(database -> PostgresAdapter.create(database.dsl())),
        JDBC_WITH_A_LISTENER(database -> PostgresAdapter.create(DSL.using(new DefaultConfiguration()
                .set(database.dataSource())
                .set(SQLDialect.POSTGRES)
                .set(ExecuteListener.onExecuteStart(context -> { }))))),
        R2DBC(database -> new BlockingAdapter<>(AsyncPostgresAdapter.create(
                DSL.using(database.connectionFactory(), SQLDialect.POSTGRES))));

        private final Function<TestDatabase, Adapter<String, Map<String, Object>, Map<String, Object>>> adapter;

        Path(Function<TestDatabase, Adapter<String, Map<String, Object>, Map<String, Object>>> adapter) {
            this.adapter = adapter;
        }
    }

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void deleteExpiredSessionsDeletesEveryBatchWhenExpiriesTieAcrossTheirBoundaries(Path path) {
        // 2,001 expired sessions over three expiries, 700 apiece and the last one's rest: the batches of 1,000 end in
        // the middle of a run of equal expiries. One expires now, which counts as expired; one a microsecond later.
        insertExpired("tie-a-", 700, now.minusSeconds(30), 0);
        insertExpired("tie-b-", 700, now.minusSeconds(20), 0);
        insertExpired("tie-c-", 600, now.minusSeconds(10), 0);
        insertExpired("now-", 1, now, 0);
        insertExpired("live-", 1, now.plusNanos(1000), 0);

        assertThat(path.adapter.apply(database).deleteExpiredSessions(now)).isEqualTo(2001);

        assertThat(database.dsl().fetch("SELECT id FROM user_session").getValues(0, String.class)).containsExactly("live-0");
    }

    @Test
    void deleteExpiredSessionsRunsOneStatementPerThousandSessions() {
        List<String> statements = new CopyOnWriteArrayList<>();
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(
                DSL.using(new DefaultConfiguration()
                        .set(database.dataSource())
                        .set(SQLDialect.POSTGRES)
                        .set(ExecuteListener.onExecuteStart(context -> statements.add(context.sql())))));
        assertThat(adapter.deleteExpiredSessions(now)).isZero(); // asks the catalog whether the table is partitioned
        statements.clear();
        insertExpired("expired-", 2500, now, 1);

        assertThat(adapter.deleteExpiredSessions(now)).isEqualTo(2500);

        assertThat(statements).hasSize(3);
        assertThat(database.count("user_session")).isZero();
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void cleanUpsOnTwoInstancesAtOnceDeleteEachSessionOnceAndPassRowsAnotherTransactionHolds(Path path)
            throws Exception {
        Adapter<String, Map<String, Object>, Map<String, Object>> adapter = path.adapter.apply(database);
        insertExpired("expired-", 20_000, now, 1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try (Connection holder = database.unpooledDataSource().getConnection();
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("SELECT id FROM user_session WHERE id IN ('expired-7', 'expired-19999') FOR UPDATE");

            Future<Long> first = instances.submit(() -> adapter.deleteExpiredSessions(now));
            Future<Long> second = instances.submit(() -> adapter.deleteExpiredSessions(now));
            // The bound only keeps a broken clean-up from hanging the build; no timing is asserted.
            long deleted = first.get(5, TimeUnit.MINUTES) + second.get(5, TimeUnit.MINUTES);

            assertThat(deleted).as("neither waits for the held rows, nor deletes a session the other did")
                    .isEqualTo(19_998);
            holder.rollback();
        } finally {
            instances.shutdownNow();
        }
        assertThat(adapter.deleteExpiredSessions(now)).as("the held rows, once free").isEqualTo(2);
        assertThat(database.count("user_session")).isZero();
    }

    /** How an application may partition its session table, by the id its unique key needs. */
    enum Partitioning {
        RANGE_OF_ID("PARTITION BY RANGE (id)", "FOR VALUES FROM (MINVALUE) TO ('m')", "FOR VALUES FROM ('m') TO (MAXVALUE)"),
        HASH_OF_ID("PARTITION BY HASH (id)", "FOR VALUES WITH (MODULUS 2, REMAINDER 0)",
                "FOR VALUES WITH (MODULUS 2, REMAINDER 1)");

        private final String by;
        private final String first;
        private final String second;

        Partitioning(String by, String first, String second) {
            this.by = by;
            this.first = first;
            this.second = second;
        }
    }

    @ParameterizedTest
    @EnumSource(Partitioning.class)
    void onAPartitionedTableOnlyExpiredSessionsGoWhateverPartitionTheyAreIn(Partitioning partitioning) {
        database.execute("DROP TABLE user_session");
        database.execute("CREATE TABLE user_session (id TEXT PRIMARY KEY, expires_at TIMESTAMPTZ NOT NULL,"
                + " user_id TEXT NOT NULL REFERENCES auth_user (id)) " + partitioning.by);
        database.execute("CREATE TABLE user_session_1 PARTITION OF user_session " + partitioning.first);
        database.execute("CREATE TABLE user_session_2 PARTITION OF user_session " + partitioning.second);
        database.execute("CREATE INDEX ON user_session (expires_at)");
        // Expired sessions a.., live ones n..: in a range partitioning each kind has a partition of its own, and the
        // rows of both partitions share physical addresses; in a hash one both kinds are in both partitions.
        insertExpired("a-expired-", 300, now, 1);
        insertExpired("n-live-", 300, now.plusSeconds(60), 1);

        for (Path path : Path.values()) {
            assertThat(path.adapter.apply(database).deleteExpiredSessions(now)).as(path.name())
                    .isEqualTo(path == Path.JDBC ? 300 : 0);
        }

        assertThat(database.dsl().fetch("SELECT id FROM user_session WHERE id LIKE 'n-live-%'")).hasSize(300);
        assertThat(database.count("user_session")).isEqualTo(300);
    }

    /** Sessions {@code prefix0..prefix(count-1)} of user-1, expiring at {@code expiresAt} less {@code step} ms each. */
    private void insertExpired(String prefix, int count, Instant expiresAt, int stepMillis) {
        database.execute("INSERT INTO user_session (id, user_id, expires_at) SELECT ? || g, 'user-1',"
                        + " ?::timestamptz - g * ? * interval '1 millisecond' FROM generate_series(0, ?) g",
                prefix, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC), stepMillis, count - 1);
    }
}
