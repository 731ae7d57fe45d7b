package io.github.luciajooq.postgresql;

import static io.github.luciajooq.testing.BlockingAdapter.await;
import static io.github.luciajooq.testing.generated.Tables.APP_SESSION;
import static io.github.luciajooq.testing.generated.Tables.APP_USER;
import static io.github.luciajooq.testing.generated.Tables.COUNTED_SESSION;
import static io.github.luciajooq.testing.generated.Tables.COUNTED_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.AsyncLucia;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.testing.AppFixture;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testing.Tier;
import io.github.luciajooq.testing.generated.enums.Mood;
import io.github.luciajooq.testing.generated.tables.records.AppSessionRecord;
import io.github.luciajooq.testing.generated.tables.records.AppUserRecord;
import io.github.luciajooq.token.SessionToken;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's own generated classes drive the adapter: its column types, converters, bindings and enums
 * work both ways, it gets its own records back, it reads only the columns it names, and the wrong column is a
 * compile error.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class GeneratedTablesTest {

    private static final GeneratedTables<UUID, AppUserRecord, AppSessionRecord> EVERY_KIND = GeneratedTables
            .of(APP_USER.USER_ID, APP_SESSION.TOKEN, APP_SESSION.OWNER, APP_SESSION.VALID_UNTIL)
            .withUserColumns(APP_USER.USERNAME)
            .withSessionColumns(APP_SESSION.IP, APP_SESSION.DEVICE, APP_SESSION.MOOD, APP_SESSION.TIER);

    private TestDatabase database;
    private AppFixture fixture;
    private UUID ann;

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        fixture = new AppFixture(database.dsl());
        fixture.insertUser("ann", "ann");
        database.execute("UPDATE app_user SET password_hash = 's3cr3t-hash'");
        ann = fixture.userId("ann");
    }

    private static AppSessionRecord everyKind() {
        return new AppSessionRecord()
                .setIp("203.0.113.7")
                .setDevice(JSONB.valueOf("{\"browser\": \"Firefox\", \"mobile\": false}"))
                .setMood(Mood.busy)
                .setTier(Tier.PRO);
    }

    private static void assertEveryKind(AppSessionRecord read) {
        assertThat(read.getIp()).isEqualTo("203.0.113.7");
        assertThat(read.getDevice()).isEqualTo(JSONB.valueOf("{\"browser\": \"Firefox\", \"mobile\": false}"));
        assertThat(read.getMood()).isEqualTo(Mood.busy);
        assertThat(read.getTier()).isEqualTo(Tier.PRO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JDBC", "R2DBC"})
    void inetJsonbEnumsAndConvertersWorkBothWays(String driver) {
        AppSessionRecord written = everyKind();
        SessionAndUser<UUID, AppUserRecord, AppSessionRecord> valid;
        if (driver.equals("JDBC")) {
            Lucia<UUID, AppUserRecord, AppSessionRecord> lucia =
                    Lucia.builder(PostgresAdapter.create(database.dsl(), EVERY_KIND)).build();
            SessionToken token = lucia.createSession(ann, written).token();
            valid = lucia.validateSession(token).orElseThrow();
            assertEveryKind(lucia.getUserSessions(ann).get(0).attributes());
        } else {
            AsyncLucia<UUID, AppUserRecord, AppSessionRecord> lucia = AsyncLucia.builder(AsyncPostgresAdapter.create(
                    DSL.using(database.connectionFactory(), SQLDialect.POSTGRES), EVERY_KIND)).build();
            SessionToken token = await(lucia.createSession(ann, written)).token();
            valid = await(lucia.validateSession(token)).orElseThrow();
            assertEveryKind(await(lucia.getUserSessions(ann)).get(0).attributes());
        }

        assertEveryKind(valid.session().attributes());
        assertThat(valid.user().attributes().getUsername()).isEqualTo("ann");
        assertThat(valid.user().attributes().getUserId()).isEqualTo(ann);
        // What PostgreSQL holds, read by PostgreSQL itself.
        assertThat(database.dsl().fetchValue("SELECT ip::text || ' ' || (device->>'browser') || ' ' || mood || ' ' || tier"
                + " FROM app_session")).isEqualTo("203.0.113.7/32 Firefox busy PRO");
    }

    @Test
    void theApplicationGetsItsOwnRecordsWithOnlyTheColumnsItNamed() {
        Lucia<UUID, AppUserRecord, AppSessionRecord> lucia = Lucia.builder(PostgresAdapter.create(database.dsl(),
                GeneratedTables.of(APP_USER.USER_ID, APP_SESSION.TOKEN, APP_SESSION.OWNER, APP_SESSION.VALID_UNTIL)))
                .build();
        NewSession<UUID, AppSessionRecord> created = lucia.createSession(ann, new AppSessionRecord().setLabel("phone"));

        SessionAndUser<UUID, AppUserRecord, AppSessionRecord> valid = lucia.validateSession(created.token()).orElseThrow();

        AppUserRecord user = valid.user().attributes();
        assertThat(user.getUserId()).isEqualTo(ann);
        assertThat(user.getUsername()).as("not named, not read").isNull();
        assertThat(user.getPasswordHash()).as("not named, not read").isNull();
        AppSessionRecord session = valid.session().attributes();
        assertThat(session.getOwner()).isEqualTo(ann);
        assertThat(session.getValidUntil().toInstant()).isEqualTo(valid.session().expiresAt());
        assertThat(session.getLabel()).as("not named, not read").isNull();
        assertThat(session.changed()).as("a record as fetched").isFalse();
        assertThat(valid.toString()).doesNotContain("s3cr3t").doesNotContain(created.token().value());
    }

    @Test
    void sessionColumnsMustBeOfOneTableAndNotTheUsersNamingThem() {
        assertThatThrownBy(() -> GeneratedTables.of(COUNTED_USER.ID, COUNTED_SESSION.ID, COUNTED_SESSION.USER_ID,
                COUNTED_SESSION.as("other").EXPIRES_AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionId, sessionUserId and expiresAt must be columns of one table");
        assertThatThrownBy(() -> AppFixture.TABLES.withSessionColumns(APP_SESSION.TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessionColumns must not contain public.app_session.token");
        assertThatThrownBy(() -> AppFixture.TABLES.withUserColumns(APP_USER.USER_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userColumns must not contain public.app_user.user_id");
        assertThat(AppFixture.TABLES.toString()).contains("public.app_user", "public.app_session", "label");
    }

    @Test
    void withoutSchemaTheTablesAreFoundThroughTheSearchPath() throws Exception {
        database.execute("CREATE SCHEMA elsewhere");
        database.execute("CREATE TABLE elsewhere.app_user (LIKE public.app_user INCLUDING ALL)");
        database.execute("CREATE TABLE elsewhere.app_session (LIKE public.app_session INCLUDING ALL)");
        database.execute("INSERT INTO elsewhere.app_user (user_id, username) VALUES (?, 'ann elsewhere')", ann);
        try (var connection = database.unpooledDataSource().getConnection()) {
            connection.createStatement().execute("SET search_path TO elsewhere");
            Lucia<UUID, AppUserRecord, AppSessionRecord> lucia = Lucia.builder(PostgresAdapter.create(
                    DSL.using(connection, SQLDialect.POSTGRES), AppFixture.TABLES.withoutSchema())).build();

            SessionToken token = lucia.createSession(ann, new AppSessionRecord()).token();

            assertThat(lucia.validateSession(token).orElseThrow().user().attributes().getUsername())
                    .isEqualTo("ann elsewhere");
        }
        assertThat(database.count("elsewhere.app_session")).isEqualTo(1);
        assertThat(database.count("public.app_session")).isZero();
    }

    /** A snippet of an application's code, compiled against the library and the tests' generated classes. */
    private static String compile(String statement) {
        String source = "import static io.github.luciajooq.testing.generated.Tables.*;\n"
                + "import io.github.luciajooq.postgresql.GeneratedTables;\n"
                + "class Snippet { void run() { " + statement + " } }";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        boolean compiled = compiler.getTask(diagnostics, null, null,
                List.of("-classpath", classPath, "-proc:none", "-d", System.getProperty("java.io.tmpdir")), null,
                List.of(file)).call();
        return compiled ? "compiled" : diagnostics.toString();
    }

    @Test
    void theWrongColumnIsACompileError() {
        assertThat(compile("GeneratedTables.of(APP_USER.USER_ID, APP_SESSION.TOKEN, APP_SESSION.OWNER,"
                + " APP_SESSION.VALID_UNTIL).withUserColumns(APP_USER.USERNAME);")).isEqualTo("compiled");
        // A BIGINT user id for a UUID user table.
        assertThat(compile("GeneratedTables.of(APP_USER.USER_ID, COUNTED_SESSION.ID, COUNTED_SESSION.USER_ID,"
                + " COUNTED_SESSION.EXPIRES_AT);")).contains("error");
        // A text column as the expiry.
        assertThat(compile("GeneratedTables.of(APP_USER.USER_ID, APP_SESSION.TOKEN, APP_SESSION.OWNER,"
                + " APP_SESSION.LABEL);")).contains("error");
        // A UUID column as the session id.
        assertThat(compile("GeneratedTables.of(APP_USER.USER_ID, APP_SESSION.OWNER, APP_SESSION.OWNER,"
                + " APP_SESSION.VALID_UNTIL);")).contains("error");
        // A session column as a user column.
        assertThat(compile("GeneratedTables.of(APP_USER.USER_ID, APP_SESSION.TOKEN, APP_SESSION.OWNER,"
                + " APP_SESSION.VALID_UNTIL).withUserColumns(APP_SESSION.LABEL);")).contains("error");
    }
}
