package io.github.luciajooq.benchmark;

import static io.github.luciajooq.testing.generated.Tables.APP_SESSION;
import static io.github.luciajooq.testing.generated.Tables.APP_USER;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.luciajooq.AsyncLucia;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.postgresql.AsyncPostgresAdapter;
import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.postgresql.SessionTables;
import io.github.luciajooq.testing.Migrations;
import io.github.luciajooq.testing.PostgresServer;
import io.github.luciajooq.testing.generated.tables.records.AppSessionRecord;
import io.github.luciajooq.testing.generated.tables.records.AppUserRecord;
import io.github.luciajooq.token.SessionToken;
import io.github.luciajooq.token.TokenStorage;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.jooq.autoconfigure.ExceptionTranslatorExecuteListener;

/**
 * Measures the session manager against a hand-written floor, in one run: validate (not renewing), validate with
 * renewal, create, invalidate and list a user's sessions, on JDBC (HikariCP) and R2DBC (r2dbc-pool), at concurrency 1
 * and 16, on the typed adapter over generated tables with hashed tokens; and validate on named tables. For each:
 * operations per second, p50 and p99 latency, the JVM's CPU time and allocation per operation, and the ratio to the
 * floor. A table on standard output, JSON in {@code target/benchmark/results.json}.
 * <pre>mvn -q test-compile exec:java@benchmark [-Dbenchmark.seconds=10 -Dbenchmark.warmup=5 -Dbenchmark.rounds=2]</pre>
 * The server is an embedded PostgreSQL, or {@code -Dbenchmark.database=jdbc:postgresql://...}. Timings vary with the
 * machine and with what else runs on it: compare ratios, measured in the same run, not absolute figures.
 */
public final class SessionBenchmark {

    static final int USERS = 10_000;
    static final int DISPOSABLE = 400_000;
    static final int POOL = 10;

    private final Settings settings;
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param warmUpSeconds warm-up of each run
     * @param measureSeconds measuring of each run
     * @param rounds runs of each case, floor and library alternating; the median is reported
     * @param concurrencies the numbers of threads to run each case with
     * @param operations the operations to run, or all when empty
     * @param output where the JSON goes
     */
    record Settings(double warmUpSeconds, double measureSeconds, int rounds, List<Integer> concurrencies,
            List<String> operations, Path output) {}

    /** One measured case: the library and its floor. */
    record Row(String operation, String driver, int concurrency, Measurement.Result library,
            Measurement.Result floor) {}

    SessionBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(
                Double.parseDouble(System.getProperty("benchmark.warmup", "2")),
                Double.parseDouble(System.getProperty("benchmark.seconds", "5")),
                Integer.parseInt(System.getProperty("benchmark.rounds", "1")),
                concurrencies(System.getProperty("benchmark.concurrency", "1,16")),
                operations(System.getProperty("benchmark.operations", "")),
                Path.of("target/benchmark/results.json"));
        PostgresServer server = PostgresServer.start(System.getProperty("benchmark.database", "embedded"));
        new SessionBenchmark(settings).run(server);
        System.exit(0);
    }

    private static List<Integer> concurrencies(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    private static List<String> operations(String list) {
        return list.isBlank() ? List.of()
                : java.util.Arrays.stream(list.split(",")).map(String::strip).toList();
    }

    List<Row> run(PostgresServer server) throws Exception {
        String database = server.createDatabase(null);
        try (HikariDataSource jdbcPool = jdbcPool(server, database)) {
            ConnectionPool r2dbcPool = r2dbcPool(server, database);
            try {
                Migrations.apply(jdbcPool, Migrations.TEST_CHANGELOG);
                seed(DSL.using(jdbcPool, SQLDialect.POSTGRES));
                System.out.println(describe(server, jdbcPool, settings));
                measureAll(jdbcPool, r2dbcPool);
            } finally {
                r2dbcPool.dispose();
            }
        } finally {
            server.dropDatabase(database);
        }
        Report.print(rows, System.out);
        Report.writeJson(rows, settings, settings.output());
        return rows;
    }

    private static HikariDataSource jdbcPool(PostgresServer server, String database) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(server.dataSource(database));
        config.setMaximumPoolSize(POOL);
        config.setMinimumIdle(POOL);
        return new HikariDataSource(config);
    }

    private static ConnectionPool r2dbcPool(PostgresServer server, String database) {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(server.host()).port(server.port()).database(database).username(server.user())
                .password(server.password() == null ? "" : server.password()).build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(POOL).maxSize(POOL).maxIdleTime(Duration.ofMinutes(10)).build());
    }

    /** Users with one live session each, on the generated tables and on Lucia's, and sessions to invalidate. */
    private static void seed(DSLContext dsl) {
        String key = "encode(sha256(convert_to(%s, 'UTF8')), 'hex')";
        dsl.execute("INSERT INTO app_user (user_id, username) SELECT " + userIdSql("g") + ", 'user-' || g"
                + " FROM generate_series(0, " + (USERS - 1) + ") g");
        dsl.execute("INSERT INTO app_session (token, owner, valid_until) SELECT " + String.format(key, tokenSql("g"))
                + ", " + userIdSql("g") + ", now() + interval '30 days' FROM generate_series(0, " + (USERS - 1) + ") g");
        dsl.execute("INSERT INTO app_session (token, owner, valid_until) SELECT " + String.format(key, disposableSql("g"))
                + ", " + userIdSql("g % " + USERS) + ", now() + interval '30 days' FROM generate_series(0, "
                + (DISPOSABLE - 1) + ") g");
        dsl.execute("INSERT INTO auth_user (id) SELECT 'user-' || g FROM generate_series(0, " + (USERS - 1) + ") g");
        dsl.execute("INSERT INTO user_session (id, user_id, expires_at) SELECT " + String.format(key, tokenSql("g"))
                + ", 'user-' || g, now() + interval '30 days' FROM generate_series(0, " + (USERS - 1) + ") g");
        dsl.execute("VACUUM ANALYZE");
    }

    static SessionToken token(int user) {
        return SessionToken.of(String.format("bench%035d", user));
    }

    static SessionToken disposable(int index) {
        return SessionToken.of(String.format("disposable%030d", index));
    }

    static UUID userId(int user) {
        return new UUID(0x5E55_1000_0000_0000L, user);
    }

    private static String tokenSql(String g) {
        return "'bench' || lpad(" + g + "::text, 35, '0')";
    }

    private static String disposableSql(String g) {
        return "'disposable' || lpad(" + g + "::text, 30, '0')";
    }

    private static String userIdSql(String g) {
        return "('5e551000-0000-0000-' || lpad(to_hex((" + g + ") >> 48), 4, '0') || '-' || lpad(to_hex((" + g
                + ") & 281474976710655), 12, '0'))::uuid";
    }

    private static String describe(PostgresServer server, HikariDataSource pool, Settings settings) {
        String version = DSL.using(pool, SQLDialect.POSTGRES).fetchValue("SHOW server_version").toString();
        return String.format(Locale.ROOT, "lucia-jooq benchmark: PostgreSQL %s (%s), Java %s, %d CPUs, %d users with"
                + " one session each, pools of %d connections; %.0f s warm-up, %.0f s measured, %d round(s)%n",
                version, server.description(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), USERS, POOL, settings.warmUpSeconds(),
                settings.measureSeconds(), settings.rounds());
    }

    private void measureAll(HikariDataSource jdbcPool, ConnectionPool r2dbcPool) throws Exception {
        GeneratedTables<UUID, AppUserRecord, AppSessionRecord> tables = GeneratedTables
                .of(APP_USER.USER_ID, APP_SESSION.TOKEN, APP_SESSION.OWNER, APP_SESSION.VALID_UNTIL);
        DSLContext jdbc = DSL.using(jdbcPool, SQLDialect.POSTGRES);
        DSLContext r2dbc = DSL.using(r2dbcPool, SQLDialect.POSTGRES);
        PostgresAdapter<UUID, AppUserRecord, AppSessionRecord> adapter = PostgresAdapter.create(jdbc, tables);
        Lucia<UUID, AppUserRecord, AppSessionRecord> lucia = Lucia.builder(adapter).build();
        // As Spring Boot's auto-configuration makes the context: its exception translator is an execute listener.
        Lucia<UUID, AppUserRecord, AppSessionRecord> springLucia = Lucia.builder(PostgresAdapter.create(
                DSL.using(new DefaultConfiguration().set(jdbcPool).set(SQLDialect.POSTGRES).set(
                        new DefaultExecuteListenerProvider(ExceptionTranslatorExecuteListener.DEFAULT))), tables)).build();
        Lucia<UUID, AppUserRecord, AppSessionRecord> listenedLucia = Lucia.builder(PostgresAdapter.create(
                DSL.using(new DefaultConfiguration().set(jdbcPool).set(SQLDialect.POSTGRES).set(
                        new ExecuteListener() {})), tables)).build();
        Lucia<UUID, AppUserRecord, AppSessionRecord> renewing = Lucia.builder(PostgresAdapter.create(jdbc, tables))
                .renewalThreshold(Duration.ofDays(30)).build();
        Lucia<String, Map<String, Object>, Map<String, Object>> named = Lucia.builder(PostgresAdapter.create(jdbc)).build();
        // OWASP ASVS V7 policy: the authentication time read too, an absolute lifetime, writes at most hourly. The
        // seeded sessions are then never due a write (their expiry is past the absolute lifetime's cap).
        Lucia<String, Map<String, Object>, Map<String, Object>> policed = Lucia.builder(PostgresAdapter.create(jdbc,
                SessionTables.lucia().withAuthenticatedAt())).renewalInterval(Duration.ofHours(1))
                .absoluteLifetime(Duration.ofHours(12)).build();
        AsyncLucia<UUID, AppUserRecord, AppSessionRecord> async =
                AsyncLucia.builder(AsyncPostgresAdapter.create(r2dbc, tables)).build();
        AsyncLucia<UUID, AppUserRecord, AppSessionRecord> asyncRenewing =
                AsyncLucia.builder(AsyncPostgresAdapter.create(r2dbc, tables)).renewalThreshold(Duration.ofDays(30)).build();
        Floors.Jdbc jdbcFloor = new Floors.Jdbc(jdbcPool);
        Floors.R2dbc r2dbcFloor = new Floors.R2dbc(r2dbcPool);
        AtomicInteger nextDisposable = new AtomicInteger();
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);

        for (int concurrency : settings.concurrencies()) {
            measure("validate", "JDBC", concurrency,
                    random -> lucia.validateSession(token(random.nextInt(USERS))).orElseThrow(),
                    random -> require(jdbcFloor.validate(Floors.SELECT_SESSION_AND_USER, key(token(random.nextInt(USERS))))));
            measure("validate behind Spring's translator", "JDBC", concurrency,
                    random -> springLucia.validateSession(token(random.nextInt(USERS))).orElseThrow(),
                    random -> require(jdbcFloor.validate(Floors.SELECT_SESSION_AND_USER, key(token(random.nextInt(USERS))))));
            measure("validate with a no-op listener", "JDBC", concurrency,
                    random -> listenedLucia.validateSession(token(random.nextInt(USERS))).orElseThrow(),
                    random -> require(jdbcFloor.validate(Floors.SELECT_SESSION_AND_USER, key(token(random.nextInt(USERS))))));
            measure("validate in a jOOQ transaction", "JDBC", concurrency,
                    random -> jdbc.transaction(trx -> lucia.withAdapter(adapter.in(trx))
                            .validateSession(token(random.nextInt(USERS))).orElseThrow()),
                    random -> jdbc.transaction(trx -> {
                        java.sql.Connection connection = trx.connectionProvider().acquire();
                        try {
                            require(Floors.Jdbc.validate(connection, Floors.SELECT_SESSION_AND_USER,
                                    key(token(random.nextInt(USERS)))));
                        } finally {
                            trx.connectionProvider().release(connection);
                        }
                    }));
            measure("validate, named tables", "JDBC", concurrency,
                    random -> named.validateSession(token(random.nextInt(USERS))).orElseThrow(),
                    random -> require(jdbcFloor.validate(Floors.SELECT_NAMED_SESSION_AND_USER,
                            key(token(random.nextInt(USERS))))));
            measure("validate under the V7 policy", "JDBC", concurrency,
                    random -> policed.validateSession(token(random.nextInt(USERS))).orElseThrow(),
                    random -> require(jdbcFloor.validate(Floors.SELECT_NAMED_SESSION_AND_USER,
                            key(token(random.nextInt(USERS))))));
            measure("validate and renew", "JDBC", concurrency,
                    random -> renewing.validateSession(token(random.nextInt(USERS))).orElseThrow(),
                    random -> jdbcFloor.validateAndRenew(key(token(random.nextInt(USERS))), later));
            measure("create", "JDBC", concurrency,
                    random -> lucia.createSession(userId(random.nextInt(USERS)), new AppSessionRecord()),
                    random -> jdbcFloor.create(key(SessionToken.generate()), userId(random.nextInt(USERS)), later));
            measure("invalidate", "JDBC", concurrency,
                    random -> lucia.invalidateSession(disposable(nextDisposable.getAndIncrement() % DISPOSABLE)),
                    random -> jdbcFloor.invalidate(key(disposable(nextDisposable.getAndIncrement() % DISPOSABLE))));
            measure("list a user's sessions", "JDBC", concurrency,
                    random -> lucia.getUserSessions(userId(random.nextInt(USERS))),
                    random -> jdbcFloor.userSessions(userId(random.nextInt(USERS))));

            measure("validate", "R2DBC", concurrency,
                    random -> async.validateSession(token(random.nextInt(USERS))).toCompletableFuture().join().orElseThrow(),
                    random -> require(r2dbcFloor.validate(Floors.SELECT_SESSION_AND_USER, key(token(random.nextInt(USERS))))));
            measure("validate and renew", "R2DBC", concurrency,
                    random -> asyncRenewing.validateSession(token(random.nextInt(USERS))).toCompletableFuture().join()
                            .orElseThrow(),
                    random -> r2dbcFloor.validateAndRenew(key(token(random.nextInt(USERS))), later));
            measure("create", "R2DBC", concurrency,
                    random -> async.createSession(userId(random.nextInt(USERS)), new AppSessionRecord())
                            .toCompletableFuture().join(),
                    random -> r2dbcFloor.create(key(SessionToken.generate()), userId(random.nextInt(USERS)), later));
            measure("invalidate", "R2DBC", concurrency,
                    random -> async.invalidateSession(disposable(nextDisposable.getAndIncrement() % DISPOSABLE))
                            .toCompletableFuture().join(),
                    random -> r2dbcFloor.invalidate(key(disposable(nextDisposable.getAndIncrement() % DISPOSABLE))));
            measure("list a user's sessions", "R2DBC", concurrency,
                    random -> async.getUserSessions(userId(random.nextInt(USERS))).toCompletableFuture().join(),
                    random -> r2dbcFloor.userSessions(userId(random.nextInt(USERS))));
        }
    }

    private static String key(SessionToken token) {
        return TokenStorage.HASHED.storageKey(token);
    }

    private static void require(boolean found) {
        if (!found) {
            throw new IllegalStateException("a seeded session was not found");
        }
    }

    private void measure(String operation, String driver, int concurrency, Measurement.Operation library,
            Measurement.Operation floor) throws InterruptedException {
        if (!settings.operations().isEmpty() && !settings.operations().contains(operation)) {
            return;
        }
        List<Measurement.Result> libraries = new ArrayList<>();
        List<Measurement.Result> floors = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            floors.add(Measurement.run(floor, concurrency, settings.warmUpSeconds(), settings.measureSeconds(), round));
            libraries.add(Measurement.run(library, concurrency, settings.warmUpSeconds(), settings.measureSeconds(), round));
        }
        Row row = new Row(operation, driver, concurrency, Report.median(libraries), Report.median(floors));
        rows.add(row);
        System.out.println(Report.line(row));
    }

    static void write(Path path, String text) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }
}
