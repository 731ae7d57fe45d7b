package io.github.luciajooq.benchmark;

import static io.github.luciajooq.testing.generated.Tables.APP_SESSION;
import static io.github.luciajooq.testing.generated.Tables.APP_USER;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.testing.Migrations;
import io.github.luciajooq.testing.PostgresServer;
import io.github.luciajooq.testing.generated.tables.records.AppSessionRecord;
import io.github.luciajooq.testing.generated.tables.records.AppUserRecord;
import io.github.luciajooq.token.SessionToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The session table at scale: 2 million sessions, half of them expired. It reports validation latency before and
 * while {@code deleteExpiredSessions()} clears the expired half (in batches), and while one unbatched
 * {@code DELETE} does the same (as Lucia's own adapter does); two clean-ups at once, as two application instances
 * would run them; and listing and deleting a user's sessions at 200,000 and at 2 million rows, with PostgreSQL's
 * plans. Text on standard output, JSON in {@code target/benchmark/cleanup.json}.
 * <pre>mvn -q test-compile exec:java@cleanup-benchmark</pre>
 */
public final class CleanupBenchmark {

    private static final int USERS = 100_000;
    private static final int LIVE_PER_USER = 10;
    /** Expired sessions of each user of the second half: a million in all. */
    private static final int EXPIRED_PER_USER = 20;
    /** Live sessions expire over the next thirty days, expired ones expired over the last one, all apart. */
    private static final String LIVE = "now() + interval '30 days' - (u * 10 + s) * interval '1 millisecond'";
    private static final String EXPIRED = "now() - interval '1 hour' - (u * 20 + s) * interval '1 millisecond'";

    private final DSLContext dsl;
    private final Lucia<UUID, AppUserRecord, AppSessionRecord> lucia;
    private final StringBuilder json = new StringBuilder("{\n");

    private CleanupBenchmark(DSLContext dsl) {
        this.dsl = dsl;
        this.lucia = Lucia.builder(PostgresAdapter.create(dsl, GeneratedTables
                .of(APP_USER.USER_ID, APP_SESSION.TOKEN, APP_SESSION.OWNER, APP_SESSION.VALID_UNTIL))).build();
    }

    public static void main(String[] args) throws Exception {
        PostgresServer server = PostgresServer.start(System.getProperty("benchmark.database", "embedded"));
        String database = server.createDatabase(null);
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.dataSource(database));
        config.setMaximumPoolSize(10);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Migrations.apply(pool, Migrations.TEST_CHANGELOG);
            new CleanupBenchmark(DSL.using(pool, SQLDialect.POSTGRES)).run();
        } finally {
            server.dropDatabase(database);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        say("Seeding %,d users with %d live sessions each", USERS, LIVE_PER_USER);
        dsl.execute("INSERT INTO app_user (user_id, username) SELECT " + userId("g") + ", 'user-' || g"
                + " FROM generate_series(0, " + (USERS - 1) + ") g");
        // A tenth of the users first, then all of them and the expired half: the same users, with the same ten live
        // sessions each, are listed and deleted at both sizes.
        insertSessions("live", 0, USERS / 10, LIVE_PER_USER, LIVE);
        dsl.execute("VACUUM ANALYZE app_session");
        int smallRows = count();
        perUser(1, user -> lucia.getUserSessions(user));
        double smallList = perUser(1, user -> lucia.getUserSessions(user));
        String smallPlan = userPlans(51);
        double smallDelete = perUser(3, user -> lucia.invalidateUserSessions(user));

        insertSessions("live", USERS / 10, USERS, LIVE_PER_USER, LIVE);
        insertSessions("expired", USERS / 2, USERS, EXPIRED_PER_USER, EXPIRED);
        dsl.execute("VACUUM ANALYZE app_session");
        int largeRows = count();
        perUser(1, user -> lucia.getUserSessions(user));
        double largeList = perUser(1, user -> lucia.getUserSessions(user));
        String largePlan = userPlans(51);
        double largeDelete = perUser(13, user -> lucia.invalidateUserSessions(user));
        say("List a user's sessions: %.0f us at %,d rows, %.0f us at %,d rows (x%.2f); delete them: %.0f us, %.0f us"
                + " (x%.2f)", smallList, smallRows, largeList, largeRows, largeList / smallList, smallDelete, largeDelete,
                largeDelete / smallDelete);
        say("Plan at %,d rows:%n%s%nPlan at %,d rows:%n%s", smallRows, smallPlan, largeRows, largePlan);
        json.append(String.format(Locale.ROOT, "  \"userSessions\": {\"smallRows\": %d, \"largeRows\": %d,"
                        + " \"listMicros\": [%.1f, %.1f], \"deleteMicros\": [%.1f, %.1f]},%n",
                smallRows, largeRows, smallList, largeList, smallDelete, largeDelete));

        for (String rowKey : List.of("ctid", "token")) {
            say("Plan of one clean-up batch at %,d rows, finding the rows by %s (%s):%n%s", count(), rowKey,
                    rowKey.equals("ctid") ? "this table" : "a partitioned table",
                    plan("with deleted as (delete from app_session where " + rowKey + " = any(array(select " + rowKey
                            + " from app_session where valid_until <= now() and valid_until >= '0001-01-01T00:00:00Z'"
                            + " order by valid_until limit 1000 for update skip locked)) returning valid_until)"
                            + " select count(*), max(valid_until) from deleted"));
        }
        Measurement.Result before = validating(4, 5, null);
        Cleanup batched = new Cleanup("deleteExpiredSessions(), in batches", () -> lucia.deleteExpiredSessions());
        Measurement.Result duringBatched = validating(4, 0, batched);
        insertSessions("expired-again", USERS / 2, USERS, EXPIRED_PER_USER, EXPIRED);
        dsl.execute("VACUUM ANALYZE app_session");
        Cleanup unbatched = new Cleanup("one DELETE, as Lucia's adapter",
                () -> (long) dsl.execute("DELETE FROM app_session WHERE valid_until <= now()"));
        Measurement.Result duringUnbatched = validating(4, 0, unbatched);
        insertSessions("expired-twice", USERS / 2, USERS, EXPIRED_PER_USER, EXPIRED);
        dsl.execute("VACUUM ANALYZE app_session");
        long[] twoInstances = twoCleanupsAtOnce();

        say("Validation, 4 threads: p50 %.0f us, p99 %.0f us before any clean-up", before.p50Micros(), before.p99Micros());
        for (Cleanup cleanup : List.of(batched, unbatched)) {
            Measurement.Result during = cleanup == batched ? duringBatched : duringUnbatched;
            say("  while %s deleted %,d sessions in %.1f s: p50 %.0f us, p99 %.0f us (x%.1f)", cleanup.name,
                    cleanup.deleted, cleanup.seconds, during.p50Micros(), during.p99Micros(),
                    during.p99Micros() / before.p99Micros());
        }
        say("Two clean-ups at once (two instances): %,d and %,d deleted, %,d in all, no error", twoInstances[0],
                twoInstances[1], twoInstances[0] + twoInstances[1]);
        json.append(String.format(Locale.ROOT, "  \"validateBefore\": {\"p50Micros\": %.1f, \"p99Micros\": %.1f},%n"
                        + "  \"validateDuringBatched\": {\"p50Micros\": %.1f, \"p99Micros\": %.1f, \"deleted\": %d,"
                        + " \"seconds\": %.2f},%n"
                        + "  \"validateDuringUnbatched\": {\"p50Micros\": %.1f, \"p99Micros\": %.1f, \"deleted\": %d,"
                        + " \"seconds\": %.2f},%n  \"twoCleanups\": [%d, %d]%n}%n",
                before.p50Micros(), before.p99Micros(), duringBatched.p50Micros(), duringBatched.p99Micros(),
                batched.deleted, batched.seconds, duringUnbatched.p50Micros(), duringUnbatched.p99Micros(),
                unbatched.deleted, unbatched.seconds, twoInstances[0], twoInstances[1]));
        SessionBenchmark.write(Path.of("target/benchmark/cleanup.json"), json.toString());
    }

    /** A clean-up, run on a thread of its own while validation is measured. */
    private static final class Cleanup {
        final String name;
        final java.util.concurrent.Callable<Long> delete;
        long deleted;
        double seconds;

        Cleanup(String name, java.util.concurrent.Callable<Long> delete) {
            this.name = name;
            this.delete = delete;
        }
    }

    /** Validation of live sessions for some seconds, or for as long as a clean-up runs. */
    private Measurement.Result validating(int threads, double seconds, Cleanup cleanup) throws Exception {
        // Users one past a multiple of fifty: the sessions deleted above were those of users 3 and 13 past one.
        Measurement.Operation validate = random -> lucia.validateSession(
                token("live", random.nextInt(USERS / 50) * 50 + 1, random.nextInt(LIVE_PER_USER))).orElseThrow();
        if (cleanup == null) {
            return Measurement.run(validate, threads, 2, seconds, 1);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> deleting = CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            try {
                cleanup.deleted = cleanup.delete.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                cleanup.seconds = (System.nanoTime() - start) / 1e9;
                running.set(false);
            }
        });
        Measurement.Result during = Measurement.runWhile(validate, threads, running::get, 2);
        deleting.join();
        return during;
    }

    private long[] twoCleanupsAtOnce() {
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(lucia::deleteExpiredSessions);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(lucia::deleteExpiredSessions);
        return new long[] {first.join(), second.join()};
    }

    /**
     * Mean microseconds of an operation on 200 users of the first tenth, those this much past a multiple of fifty.
     */
    private double perUser(int offset, java.util.function.Consumer<UUID> operation) {
        int users = USERS / 10 / 50;
        long start = System.nanoTime();
        for (int index = 0; index < users; index++) {
            operation.accept(SessionBenchmark.userId(index * 50 + offset));
        }
        return (System.nanoTime() - start) / 1e3 / users;
    }

    private void insertSessions(String kind, int fromUser, int toUser, int perUser, String expiry) {
        say("Seeding %,d %s sessions", (toUser - fromUser) * perUser, kind);
        dsl.execute("INSERT INTO app_session (token, owner, valid_until) SELECT encode(sha256(convert_to('" + kind
                + "-' || u || '-' || s, 'UTF8')), 'hex'), " + userId("u") + ", " + expiry + " FROM generate_series("
                + fromUser + ", " + (toUser - 1) + ") u, generate_series(0, " + (perUser - 1) + ") s");
    }

    private static SessionToken token(String kind, int user, int index) {
        return SessionToken.of(kind + "-" + user + "-" + index);
    }

    private int count() {
        return dsl.fetchCount(APP_SESSION);
    }

    /** The plan the server ran the statement with, in a transaction rolled back: a delete deletes nothing. */
    private String plan(String sql) {
        return dsl.connectionResult(connection -> {
            connection.setAutoCommit(false);
            try {
                return String.join("\n", DSL.using(connection, SQLDialect.POSTGRES)
                        .fetch("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql).getValues(0, String.class));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });
    }

    /** The plans of listing and of deleting one user's sessions. */
    private String userPlans(int user) {
        return plan("SELECT token, owner, valid_until FROM app_session WHERE owner = " + userIdLiteral(user)) + "\n"
                + plan("DELETE FROM app_session WHERE owner = " + userIdLiteral(user));
    }

    private static String userId(String g) {
        return "('5e551000-0000-0000-0000-' || lpad(to_hex(" + g + "), 12, '0'))::uuid";
    }

    private static String userIdLiteral(int user) {
        return "'" + SessionBenchmark.userId(user) + "'";
    }

    private static void say(String format, Object... arguments) {
        System.out.println(String.format(Locale.ROOT, format, arguments));
    }
}
