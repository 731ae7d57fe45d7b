package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testing.TestTables;
import io.github.luciajooq.token.SessionToken;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What only a real PostgreSQL shows: round trips, time zones, column types, which table a name reaches. */
@ExtendWith(PostgresDatabaseExtension.class)
class PostgresAdapterTest {

    private final TestClock clock = TestClock.standard();
    private TestDatabase database;

    private static DatabaseSession<String, Map<String, Object>> session(String id, Instant expiresAt,
            Map<String, Object> attributes) {
        return new DatabaseSession<>(id, "user-1", expiresAt, attributes);
    }

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
    }

    private DSLContext countingDsl(List<String> statements) {
        return DSL.using(new DefaultConfiguration()
                .set(database.dataSource())
                .set(SQLDialect.POSTGRES)
                .set(ExecuteListener.onExecuteStart(context -> statements.add(context.sql()))));
    }

    @Test
    void theServerIsASupportedRelease() {
        int version = Integer.parseInt(database.dsl().fetchValue("SHOW server_version_num").toString());
        System.out.println("PostgreSQL server_version_num " + version + " (" + database.server().description() + ")");

        assertThat(version).as("lucia-jooq supports PostgreSQL 13 and newer").isGreaterThanOrEqualTo(130000);
        String expectedMajor = System.getProperty("postgres.expected.major", "");
        if (!expectedMajor.isBlank()) {
            assertThat(version / 10000).as("the major release this run asked for (-Dpostgres.expected.major)")
                    .isEqualTo(Integer.parseInt(expectedMajor.strip()));
        }
    }

    @Test
    void getSessionAndUserIsOneStatement() {
        List<String> statements = new ArrayList<>();
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter =
                PostgresAdapter.create(countingDsl(statements));
        adapter.setSession(session("s", clock.instant().plusSeconds(60), Map.of()));
        statements.clear();

        assertThat(adapter.getSessionAndUser("s")).isPresent();
        assertThat(adapter.getSessionAndUser("unknown")).isEmpty();

        assertThat(statements).hasSize(2);
    }

    @Test
    void validateSessionWithoutRenewalIsOneStatement() {
        List<String> statements = new ArrayList<>();
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                Lucia.builder(PostgresAdapter.create(countingDsl(statements))).clock(clock).build();
        SessionToken token = lucia.createSession("user-1", Map.of()).token();
        statements.clear();

        assertThat(lucia.validateSession(token)).isPresent();

        assertThat(statements).hasSize(1);
    }

    /** The JVM's zone is set for a new connection by pgjdbc; the session's is then changed to another one. */
    @ParameterizedTest(name = "JVM {0}, session {1}")
    @CsvSource({"Pacific/Kiritimati,America/St_Johns", "America/St_Johns,Asia/Kathmandu", "Asia/Kathmandu,UTC",
        "UTC,Pacific/Chatham", "Europe/Berlin,America/Los_Angeles"})
    void instantsAreRightWhateverTheJvmAndSessionTimeZones(String jvmZone, String sessionZone) throws SQLException {
        TimeZone previous = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
        try (Connection connection = database.unpooledDataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TIME ZONE '" + sessionZone + "'");
            }
            // Around the end of daylight saving time in Europe and the US, when local times repeat.
            clock.set(Instant.parse("2026-10-25T01:30:00.000001Z"));
            PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter =
                    PostgresAdapter.create(DSL.using(connection, SQLDialect.POSTGRES));
            Instant expiresAt = Instant.parse("2026-11-01T08:30:00.123456Z");
            adapter.setSession(session("live", clock.instant().plusNanos(1000), Map.of()));
            adapter.setSession(session("expired", clock.instant(), Map.of()));
            adapter.setSession(session("later", clock.instant(), Map.of()));
            adapter.updateSessionExpiration("later", expiresAt);

            assertThat(adapter.getSessionAndUser("later").orElseThrow().session().expiresAt()).isEqualTo(expiresAt);
            assertThat(adapter.getUserSessions("user-1")).extracting(DatabaseSession::expiresAt)
                    .containsExactlyInAnyOrder(clock.instant().plusNanos(1000), clock.instant(), expiresAt);
            assertThat(adapter.deleteExpiredSessions(clock.instant())).isEqualTo(1);
            // What PostgreSQL itself holds, read in UTC by PostgreSQL, whatever the session's zone.
            assertThat(database.dsl().fetchValue("SELECT to_char(expires_at AT TIME ZONE 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US') FROM user_session WHERE id = 'later'"))
                    .hasToString("2026-11-01T08:30:00.123456");
        } finally {
            TimeZone.setDefault(previous);
        }
    }

    @Test
    void attributesAreReadAsJooqReadsTheirColumnTypesAndDefaultsApply() {
        database.execute("ALTER TABLE auth_user ADD COLUMN age INTEGER, ADD COLUMN joined TIMESTAMPTZ");
        database.execute("UPDATE auth_user SET age = 42, joined = '2020-02-02T02:02:02Z' WHERE id = 'user-1'");
        database.execute("ALTER TABLE user_session ADD COLUMN login_count INTEGER,"
                + " ADD COLUMN trusted BOOLEAN NOT NULL DEFAULT false, ADD COLUMN note TEXT DEFAULT 'none'");
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(database.dsl(),
                SessionTables.lucia().withUserColumns("age", "joined").withSessionColumns("login_count", "trusted", "note"));

        adapter.setSession(session("s", clock.instant().plusSeconds(60), Map.of("login_count", 3, "trusted", true)));

        var found = adapter.getSessionAndUser("s").orElseThrow();
        Map<String, Object> sessionAttributes = new HashMap<>();
        sessionAttributes.put("login_count", 3);
        sessionAttributes.put("trusted", true);
        sessionAttributes.put("note", "none");
        assertThat(found.session().attributes()).isEqualTo(sessionAttributes);
        assertThat(found.user().attributes()).containsEntry("age", 42);
        assertThat(found.user().attributes().get("joined")).isInstanceOfSatisfying(OffsetDateTime.class,
                joined -> assertThat(joined.toInstant()).isEqualTo(Instant.parse("2020-02-02T02:02:02Z")));
    }

    @Test
    void tablesWithoutAttributeColumnsGiveEmptyAttributes() {
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(database.dsl());
        adapter.setSession(session("s", clock.instant().plusSeconds(60), Map.of()));

        var found = adapter.getSessionAndUser("s").orElseThrow();

        assertThat(found.session().attributes()).isEmpty();
        assertThat(found.user().attributes()).isEmpty();
    }

    @Test
    void onlyLuciasColumnsAreReadUnlessTheApplicationNamesOthers() {
        database.execute("ALTER TABLE auth_user ADD COLUMN username TEXT, ADD COLUMN password_hash TEXT");
        database.execute("UPDATE auth_user SET username = 'ann', password_hash = 's3cr3t-hash' WHERE id = 'user-1'");
        database.execute("ALTER TABLE user_session ADD COLUMN ip TEXT, ADD COLUMN user_agent TEXT");
        List<String> statements = new ArrayList<>();
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> byDefault =
                PostgresAdapter.create(countingDsl(statements));
        byDefault.setSession(session("s", clock.instant().plusSeconds(60), Map.of("ip", "10.0.0.1", "user_agent", "curl")));

        DatabaseSessionAndUser<String, Map<String, Object>, Map<String, Object>> found =
                byDefault.getSessionAndUser("s").orElseThrow();
        DatabaseSessionAndUser<String, Map<String, Object>, Map<String, Object>> chosen = PostgresAdapter
                .create(database.dsl(), SessionTables.lucia().withUserColumns("username").withSessionColumns("ip"))
                .getSessionAndUser("s").orElseThrow();

        assertThat(found.user().attributes()).isEmpty();
        assertThat(found.session().attributes()).isEmpty();
        assertThat(statements.get(statements.size() - 1)).doesNotContain("password_hash").doesNotContain("*");
        assertThat(chosen.user().attributes()).isEqualTo(Map.of("username", "ann"));
        assertThat(chosen.session().attributes()).isEqualTo(Map.of("ip", "10.0.0.1"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"login_count,not a number", "trusted,", "note,far too long for a varchar of ten"})
    void anAttributeValueThatDoesNotFitItsColumnIsRefusedAndWritesNothing(String column, String value) {
        database.execute("ALTER TABLE user_session ADD COLUMN login_count INTEGER,"
                + " ADD COLUMN trusted BOOLEAN NOT NULL DEFAULT false, ADD COLUMN note VARCHAR(10)");
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(database.dsl());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(column, value);

        assertThatThrownBy(() -> adapter.setSession(session("secret-id", clock.instant().plusSeconds(60), attributes)))
                .isInstanceOfSatisfying(SessionStoreException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.INVALID_ATTRIBUTE_VALUE))
                .hasMessageContaining(column)
                .hasMessageNotContaining("secret-id");

        assertThat(database.count("user_session")).isZero();
    }

    @Test
    void errorsNeverCarryTheSessionIdEvenWithStaticStatements() {
        DSLContext inlining = DSL.using(database.dataSource(), SQLDialect.POSTGRES,
                new org.jooq.conf.Settings().withStatementType(org.jooq.conf.StatementType.STATIC_STATEMENT));
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(inlining);
        adapter.setSession(session("secret-id", clock.instant().plusSeconds(60), Map.of()));

        assertThatThrownBy(() -> adapter.setSession(session("secret-id", clock.instant().plusSeconds(60), Map.of())))
                .isInstanceOf(SessionStoreException.class)
                .satisfies(refused -> {
                    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                        assertThat(cause.getMessage()).doesNotContain("secret-id");
                    }
                });
    }

    @Test
    void aSchemaQualifiedNameReachesThatSchemaOnly() {
        TableNames inPublic = TableNames.of("members", "visits");
        TableNames inAuth = TableNames.of("auth.members", "auth.visits");
        TestTables.create(database.dsl(), inPublic);
        TestTables.create(database.dsl(), inAuth);
        TestTables.insertUser(database.dsl(), inAuth, "user-1", Map.of());

        PostgresAdapter.create(database.dsl(), NamedTables.of(inAuth))
                .setSession(session("s", clock.instant().plusSeconds(60), Map.of()));

        assertThat(database.count("auth.visits")).isEqualTo(1);
        assertThat(database.count("public.visits")).isZero();
        assertThat(database.count("user_session")).isZero();
    }

    @Test
    void anUnqualifiedNameFollowsTheSearchPath() throws SQLException {
        TableNames inAuth = TableNames.of("auth.members", "auth.visits");
        TestTables.create(database.dsl(), TableNames.of("members", "visits"));
        TestTables.create(database.dsl(), inAuth);
        TestTables.insertUser(database.dsl(), inAuth, "user-1", Map.of());
        try (Connection connection = database.unpooledDataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET search_path TO auth");
            }
            PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(
                    DSL.using(connection, SQLDialect.POSTGRES), NamedTables.of("members", "visits"));

            adapter.setSession(session("s", clock.instant().plusSeconds(60), Map.of()));
        }

        assertThat(database.count("auth.visits")).isEqualTo(1);
        assertThat(database.count("public.visits")).isZero();
    }

    @Test
    void createRefusesAContextOfAnotherDialect() {
        assertThatThrownBy(() -> PostgresAdapter.create(DSL.using(SQLDialect.MYSQL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dsl")
                .hasMessageContaining("POSTGRES");
    }

    @Test
    void createRefusesNullsNamingThem() {
        DSLContext dsl = database.dsl();
        assertThatThrownBy(() -> PostgresAdapter.create((DSLContext) null)).isInstanceOf(NullPointerException.class).hasMessage("dsl");
        assertThatThrownBy(() -> PostgresAdapter.create((javax.sql.DataSource) null)).isInstanceOf(NullPointerException.class).hasMessage("dataSource");
        assertThatThrownBy(() -> PostgresAdapter.create((Connection) null)).isInstanceOf(NullPointerException.class).hasMessage("connection");
        assertThatThrownBy(() -> PostgresAdapter.create(dsl, null)).isInstanceOf(NullPointerException.class).hasMessage("tables");
    }

    @Test
    void anExpiryColumnWithoutATimeZoneIsReportedNotMisread() {
        database.execute("ALTER TABLE user_session ALTER COLUMN expires_at TYPE TIMESTAMP");
        database.execute("INSERT INTO user_session (id, user_id, expires_at) VALUES ('s', 'user-1', '2030-01-01')");
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(database.dsl());

        assertThatThrownBy(() -> adapter.getSessionAndUser("s"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expires_at")
                .hasMessageContaining("TIMESTAMPTZ");
    }

    @Test
    void sessionsOfLuciasLifetimeSurviveAYearOfRenewals() {
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                Lucia.builder(PostgresAdapter.create(database.dsl())).clock(clock).build();
        SessionToken token = lucia.createSession("user-1", Map.of()).token();
        for (int day = 0; day < 365; day += 14) {
            clock.advance(Duration.ofDays(14));
            assertThat(lucia.validateSession(token)).as("day %d", day).isPresent();
        }
        clock.advance(Duration.ofDays(30));
        assertThat(lucia.validateSession(token)).isEmpty();
    }
}
