package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.R2dbcException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A statement on R2DBC that waits for a row lock another transaction holds: the context's query timeout and the
 * cancellation of the returned stage end it on the server, as JDBC's query timeout does, and its connection goes
 * back to the pool. No timing is asserted: the waits below only bound a broken build.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class R2dbcTimeoutsTest {

    private static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");

    private TestDatabase database;
    private ConnectionPool pool;
    private Connection lockHolder;

    @BeforeEach
    void holdTheSessionsRow(TestDatabase database) throws Exception {
        this.database = database;
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        database.execute("INSERT INTO user_session (id, user_id, expires_at) VALUES ('locked', 'user-1', ?::timestamptz)",
                OffsetDateTime.parse("2030-01-01T00:00:00Z"));
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(database.connectionFactory()).maxSize(2).build());
        lockHolder = database.unpooledDataSource().getConnection();
        lockHolder.setAutoCommit(false);
        try (Statement statement = lockHolder.createStatement()) {
            statement.execute("SELECT id FROM user_session WHERE id = 'locked' FOR UPDATE");
        }
    }

    @AfterEach
    void release() throws Exception {
        lockHolder.rollback();
        lockHolder.close();
        pool.dispose();
    }

    private AsyncPostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter(Integer queryTimeout) {
        return AsyncPostgresAdapter.create(DSL.using(new DefaultConfiguration()
                .set(pool)
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withQueryTimeout(queryTimeout))));
    }

    @Test
    void theQueryTimeoutEndsAStatementWaitingForALockOnTheServer() {
        CompletableFuture<Boolean> renewal = adapter(1).updateSessionExpiration("locked", LATER).toCompletableFuture();

        Throwable failed = catchThrowable(() -> renewal.get(60, TimeUnit.SECONDS));

        assertThat(failed).hasRootCauseInstanceOf(R2dbcException.class);
        assertThat(rootCause(failed).getSqlState()).as("canceled on the server").isEqualTo("57014");
        assertThat(waitingForALock()).isZero();
        assertThat(within(() -> acquired() == 0)).as("the connection back in the pool").isTrue();
        assertThat(expiry()).isEqualTo(OffsetDateTime.parse("2030-01-01T00:00:00Z").toInstant());
    }

    @Test
    void cancellingTheStageEndsTheStatementOnTheServerAndReturnsItsConnection() {
        CompletableFuture<Boolean> renewal = adapter(null).updateSessionExpiration("locked", LATER).toCompletableFuture();
        assertThat(within(() -> waitingForALock() == 1)).as("the renewal waits for the lock").isTrue();

        assertThat(renewal.cancel(true)).isTrue();

        assertThat(within(() -> waitingForALock() == 0)).as("no statement left waiting on the server").isTrue();
        assertThat(within(() -> acquired() == 0)).as("the connection back in the pool").isTrue();
        assertThat(renewal).isCancelled();
        assertThat(expiry()).isEqualTo(OffsetDateTime.parse("2030-01-01T00:00:00Z").toInstant());
    }

    @Test
    void withoutATimeoutTheStatementWaitsForTheLock() {
        CompletableFuture<Boolean> renewal = adapter(null).updateSessionExpiration("locked", LATER).toCompletableFuture();

        assertThat(within(() -> waitingForALock() == 1)).isTrue();
        assertThat(renewal).isNotDone();
    }

    private static R2dbcException rootCause(Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return (R2dbcException) cause;
    }

    private int waitingForALock() {
        return database.dsl().fetchSingle("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'").get(0, Integer.class);
    }

    private int acquired() {
        return ((io.r2dbc.pool.PoolMetrics) pool.getMetrics().orElseThrow()).acquiredSize();
    }

    private Instant expiry() {
        try (Connection connection = database.unpooledDataSource().getConnection();
                Statement statement = connection.createStatement();
                var row = statement.executeQuery("SELECT expires_at FROM user_session WHERE id = 'locked'")) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the condition holds within 20 seconds, polled: a bound for a broken build, not a timing. */
    private static boolean within(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
