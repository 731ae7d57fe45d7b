package io.github.luciajooq.postgresql;

import static io.github.luciajooq.testing.generated.Tables.APP_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.testing.AppFixture;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testing.generated.enums.Mood;
import io.github.luciajooq.testing.generated.tables.records.AppSessionRecord;
import io.github.luciajooq.testing.generated.tables.records.AppUserRecord;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.R2dbcException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.jooq.JSONB;
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
 * back to the pool. So for a statement over the R2DBC SPI, one through jOOQ (values that are not plain), and each
 * statement of the session limit's transaction, which is then rolled back. No timing is asserted: the waits below only bound a broken build.
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
        return AsyncPostgresAdapter.create(context(queryTimeout));
    }

    private DSLContext context(Integer queryTimeout) {
        return DSL.using(new DefaultConfiguration()
                .set(pool)
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withQueryTimeout(queryTimeout)));
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

    @Test
    void theQueryTimeoutEndsAStatementThroughJooqWaitingForALock() throws Exception {
        // JSONB and an enum column take the insert through jOOQ, not over the R2DBC SPI directly. The lock holder's
        // uncommitted row of the same id makes the insert wait for its transaction.
        AppFixture app = new AppFixture(database.dsl());
        app.insertUser("ann", "ann");
        UUID ann = app.userId("ann");
        try (Statement statement = lockHolder.createStatement()) {
            statement.execute("INSERT INTO app_session (token, owner, valid_until) VALUES ('taken', '" + ann + "',"
                    + " '2030-01-01T00:00:00Z')");
        }
        AsyncPostgresAdapter<UUID, AppUserRecord, AppSessionRecord> adapter = AsyncPostgresAdapter.create(
                context(1), AppFixture.TABLES.withSessionColumns(APP_SESSION.DEVICE, APP_SESSION.MOOD));
        CompletableFuture<Void> insert = adapter.setSession(new DatabaseSession<>("taken", ann, LATER,
                new AppSessionRecord().setDevice(JSONB.valueOf("{}")).setMood(Mood.busy))).toCompletableFuture();

        Throwable failed = catchThrowable(() -> insert.get(60, TimeUnit.SECONDS));

        assertThat(rootCause(failed).getSqlState()).as("canceled on the server").isEqualTo("57014");
        assertThat(waitingForALock()).isZero();
        assertThat(within(() -> acquired() == 0)).as("the connection back in the pool").isTrue();
    }

    @Test
    void theQueryTimeoutEndsTheSessionLimitsTransactionAndRollsItBack() throws Exception {
        lockTheUser();

        CompletableFuture<Boolean> created = adapter(1).setSessionWithinLimit(newSession(), 3, false,
                Instant.parse("2029-01-01T00:00:00Z")).toCompletableFuture();

        Throwable failed = catchThrowable(() -> created.get(60, TimeUnit.SECONDS));
        assertThat(rootCause(failed).getSqlState()).as("canceled on the server").isEqualTo("57014");
        assertThat(waitingForALock()).isZero();
        assertThat(within(() -> acquired() == 0)).as("the connection back in the pool").isTrue();
        lockHolder.rollback();
        assertThat(sessionsOfUser1()).as("rolled back").isEqualTo(1);
        assertThat(openTransactions()).as("no transaction left open").isZero();
    }

    @Test
    void cancellingTheSessionLimitsStageEndsItsStatementOnTheServerAndRollsBack() throws Exception {
        lockTheUser();
        CompletableFuture<Boolean> created = adapter(null).setSessionWithinLimit(newSession(), 3, false,
                Instant.parse("2029-01-01T00:00:00Z")).toCompletableFuture();
        assertThat(within(() -> waitingForALock() == 1)).as("the transaction waits for the lock").isTrue();

        assertThat(created.cancel(true)).isTrue();

        assertThat(within(() -> waitingForALock() == 0)).as("no statement left waiting on the server").isTrue();
        assertThat(within(() -> acquired() == 0)).as("the connection back in the pool").isTrue();
        lockHolder.rollback();
        assertThat(sessionsOfUser1()).as("rolled back").isEqualTo(1);
        assertThat(openTransactions()).as("no transaction left open").isZero();
    }

    private void lockTheUser() throws java.sql.SQLException {
        try (Statement statement = lockHolder.createStatement()) {
            statement.execute("SELECT id FROM auth_user WHERE id = 'user-1' FOR UPDATE");
        }
    }

    private static DatabaseSession<String, Map<String, Object>> newSession() {
        return new DatabaseSession<>("a-new-session", "user-1", LATER, Map.of());
    }

    private int sessionsOfUser1() {
        return database.dsl().fetchSingle("SELECT count(*) FROM user_session WHERE user_id = 'user-1'")
                .get(0, Integer.class);
    }

    /** Sessions of this database other than the lock holder's and this query's, inside a transaction. */
    private int openTransactions() {
        return database.dsl().fetchSingle("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'").get(0, Integer.class);
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
