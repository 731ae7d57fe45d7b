package io.github.luciajooq;

import static io.github.luciajooq.testing.BlockingAdapter.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.postgresql.AsyncPostgresAdapter;
import io.github.luciajooq.postgresql.NamedTables;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.postgresql.SessionTables;
import io.github.luciajooq.testing.HostileHeaders;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.RecordingConnectionFactory;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.token.SessionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random headers and ids, as an attacker would send them, through the request path the README gives
 * ({@code readSessionCookie(header).flatMap(validateSession)}, bearer tokens, direct calls and sign-out) on every
 * driver: nothing throws, nothing but the real session is ever found, nothing is written, and no SQL text the
 * driver receives holds a session id or any quoted value.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class HostileRequestsTest {

    enum Driver { IN_MEMORY, JDBC_PREPARED, JDBC_STATIC_INLINED, R2DBC }

    private static final NamedTables TABLES = SessionTables.lucia().withSessionColumns("ip");

    private final TestClock clock = TestClock.standard();
    private final List<String> sqlSeen = new CopyOnWriteArrayList<>();

    /** {@link Lucia}'s and {@link AsyncLucia}'s request path, whichever the driver needs. */
    private interface RequestPath {
        AbstractSessionManager manager();

        NewSession<String, Map<String, Object>> create();

        Optional<SessionAndUser<String, Map<String, Object>, Map<String, Object>>> validate(SessionToken token);

        void invalidate(SessionToken token);
    }

    static Stream<Arguments> driversAndSeeds() {
        List<Arguments> cases = new ArrayList<>();
        for (Driver driver : Driver.values()) {
            for (long seed : new long[] {1, 20261129}) {
                cases.add(Arguments.of(driver, seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("driversAndSeeds")
    void noHeaderOrIdAClientSendsThrowsFindsAnotherSessionOrReachesSqlText(Driver driver, long seed,
            TestDatabase database) {
        RequestPath path = requestPath(driver, database);
        SessionToken real = path.create().token();
        String token = real.value();
        List<String> fragments = new ArrayList<>(HostileHeaders.FRAGMENTS);
        fragments.addAll(List.of(token.substring(0, 20), token + "x", "x" + token, token + "%00", token + "\u0000",
                token.toUpperCase()));
        Random random = new Random(seed);

        for (int request = 0; request < 400; request++) {
            String header = HostileHeaders.header(random, fragments);
            Optional<SessionToken> cookie = path.manager().readSessionCookie(header);
            Optional<SessionToken> bearer = path.manager().readBearerToken(header);
            Optional<SessionToken> direct = SessionToken.parse(header);

            assertThat(cookie.flatMap(path::validate)).as("cookie %s", header).isEmpty();
            assertThat(bearer.flatMap(path::validate)).as("bearer %s", header).isEmpty();
            assertThat(direct.flatMap(path::validate)).as("id %s", header).isEmpty();
            direct.ifPresent(path::invalidate);
            cookie.ifPresent(path::invalidate);
        }

        assertThat(path.validate(real)).hasValueSatisfying(valid -> assertThat(valid.user().id()).isEqualTo("user-1"));
        assertThat(database.count("user_session")).isEqualTo(driver == Driver.IN_MEMORY ? 0 : 1);
        assertThat(sqlSeen).allSatisfy(sql -> assertThat(sql).doesNotContain(token).doesNotContain("'"));
        if (driver != Driver.IN_MEMORY) {
            assertThat(sqlSeen).as("the adapter's statements").isNotEmpty();
            // Insert, select, update, delete, and the catalog's foreign key names, read once before the first insert.
            assertThat(sqlSeen.stream().distinct()).as("fixed statements, values bound").hasSizeLessThanOrEqualTo(5);
        }

        path.manager().readSessionCookie("auth_session=" + token).ifPresent(path::invalidate);
        assertThat(path.validate(real)).isEmpty();
    }


    private RequestPath requestPath(Driver driver, TestDatabase database) {
        if (driver == Driver.IN_MEMORY) {
            InMemoryAdapter<String, Map<String, Object>, Map<String, Object>> adapter =
                    InMemoryAdapter.withSessionColumns("ip");
            adapter.putUser("user-1", Map.of());
            return blocking(Lucia.builder(adapter).clock(clock).build());
        }
        database.execute("ALTER TABLE user_session ADD COLUMN ip TEXT");
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        if (driver == Driver.R2DBC) {
            RecordingConnectionFactory recording = new RecordingConnectionFactory(
                    database.connectionFactory(Map.of("standard_conforming_strings", "off")));
            AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia = AsyncLucia.builder(
                    AsyncPostgresAdapter.create(DSL.using(recording, SQLDialect.POSTGRES), TABLES)).clock(clock).build();
            return new RequestPath() {
                @Override
                public AbstractSessionManager manager() {
                    return lucia;
                }

                @Override
                public NewSession<String, Map<String, Object>> create() {
                    return await(lucia.createSession("user-1", Map.of("ip", "10.0.0.1")));
                }

                @Override
                public Optional<SessionAndUser<String, Map<String, Object>, Map<String, Object>>> validate(
                        SessionToken token) {
                    Optional<SessionAndUser<String, Map<String, Object>, Map<String, Object>>> valid =
                            await(lucia.validateSession(token));
                    sqlSeen.addAll(recording.statements());
                    recording.statements().clear();
                    return valid;
                }

                @Override
                public void invalidate(SessionToken token) {
                    await(lucia.invalidateSession(token));
                    sqlSeen.addAll(recording.statements());
                    recording.statements().clear();
                }
            };
        }
        Settings settings = driver == Driver.JDBC_STATIC_INLINED
                ? new Settings().withStatementType(StatementType.STATIC_STATEMENT).withParamType(ParamType.INLINED)
                : new Settings();
        DSLContext dsl = DSL.using(new DefaultConfiguration()
                .set(database.dataSource("-c standard_conforming_strings=off"))
                .set(SQLDialect.POSTGRES)
                .set(settings)
                .set(ExecuteListener.onExecuteStart(context -> sqlSeen.add(context.sql()))));
        return blocking(Lucia.builder(PostgresAdapter.create(dsl, TABLES)).clock(clock).build());
    }

    private static RequestPath blocking(Lucia<String, Map<String, Object>, Map<String, Object>> lucia) {
        return new RequestPath() {
            @Override
            public AbstractSessionManager manager() {
                return lucia;
            }

            @Override
            public NewSession<String, Map<String, Object>> create() {
                return lucia.createSession("user-1", Map.of("ip", "10.0.0.1"));
            }

            @Override
            public Optional<SessionAndUser<String, Map<String, Object>, Map<String, Object>>> validate(
                    SessionToken token) {
                return lucia.validateSession(token);
            }

            @Override
            public void invalidate(SessionToken token) {
                lucia.invalidateSession(token);
            }
        };
    }
}
