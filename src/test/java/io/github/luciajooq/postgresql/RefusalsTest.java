package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.testing.BlockingAdapter;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;

/**
 * Every way PostgreSQL or the adapter refuses a session, one row each: the reason, the name the message gives
 * (argument, attribute, constraint), that the message never holds the session id, that nothing is written, and
 * whether the caller's transaction is still usable (it is, unless PostgreSQL itself raised the error).
 */
@ExtendWith(PostgresDatabaseExtension.class)
class RefusalsTest {

    /** A Java type of the application's that jOOQ knows no SQL type for. */
    enum Colour { GREEN }

    private static final String SECRET = "s3cr3t-session-id";
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private TestDatabase database;

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        database.execute("CREATE TABLE country (code TEXT PRIMARY KEY)");
        database.execute("INSERT INTO country VALUES ('NZ')");
        database.execute("ALTER TABLE user_session ADD COLUMN ip TEXT, ADD COLUMN login_count INTEGER,"
                + " ADD COLUMN note VARCHAR(10), ADD COLUMN trusted BOOLEAN NOT NULL DEFAULT false,"
                + " ADD COLUMN score INTEGER CONSTRAINT user_session_score_check CHECK (score >= 0),"
                + " ADD COLUMN device TEXT CONSTRAINT user_session_device_key UNIQUE,"
                + " ADD COLUMN country TEXT CONSTRAINT user_session_country_fkey REFERENCES country (code),"
                + " ADD COLUMN indexed TEXT");
        database.execute("CREATE INDEX user_session_indexed_idx ON user_session (indexed)");
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        database.execute("INSERT INTO user_session (id, user_id, expires_at, device)"
                + " VALUES ('taken', 'user-1', now(), 'phone')");
    }

    /** A refusal: the session written, the reason, a name the message must give, and whether SQL ran. */
    record Refusal(String what, DatabaseSession<String, Map<String, Object>> session, Reason reason, String named,
            boolean beforeAnySql) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static DatabaseSession<String, Map<String, Object>> session(String id, String userId,
            Map<String, Object> attributes) {
        return new DatabaseSession<>(id, userId, LATER, attributes);
    }

    private static DatabaseSession<String, Map<String, Object>> withAttribute(String name, Object value) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(name, value);
        return session(SECRET, "user-1", attributes);
    }

    /** Text that no compression shrinks: random letters and digits. */
    private static String incompressible(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        random.ints(length, 0, 62).forEach(index ->
                text.append("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".charAt(index)));
        return text.toString();
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("a value jOOQ cannot bind", withAttribute("ip", new Object()),
                        Reason.INVALID_ATTRIBUTE_VALUE, "\"ip\"", true),
                new Refusal("a value of the application's own type", withAttribute("ip", Colour.GREEN),
                        Reason.INVALID_ATTRIBUTE_VALUE, "RefusalsTest$Colour", true),
                new Refusal("a NUL in an attribute name", withAttribute("i\u0000p", "x"),
                        Reason.UNKNOWN_ATTRIBUTE, "\"i\\u0000p\"", true),
                new Refusal("a name longer than PostgreSQL's names", withAttribute("n".repeat(64), "x"),
                        Reason.UNKNOWN_ATTRIBUTE, "n".repeat(64), true),
                new Refusal("a NUL in an attribute value", withAttribute("ip", "10.0.0.1\u0000"),
                        Reason.INVALID_ATTRIBUTE_VALUE, "\"ip\"", true),
                new Refusal("a lone surrogate in an attribute value", withAttribute("ip", "\uD800"),
                        Reason.INVALID_ATTRIBUTE_VALUE, "\"ip\"", true),
                new Refusal("a lone surrogate in an array value", withAttribute("ip", new String[] {"ok", "\uDFFF"}),
                        Reason.INVALID_ATTRIBUTE_VALUE, "\"ip\"", true),
                new Refusal("a NUL in the user id", session(SECRET, "user-1\u0000", Map.of()),
                        Reason.UNKNOWN_USER, "userId", true),
                new Refusal("a NUL in the session id", session(SECRET + "\u0000", "user-1", Map.of()),
                        Reason.INVALID_SESSION_ID, "session id", true),
                new Refusal("a taken session id", session("taken", "user-1", Map.of()),
                        Reason.DUPLICATE_SESSION_ID, "already has this session's id", true),
                new Refusal("an unknown user", session(SECRET, "ghost", Map.of()),
                        Reason.UNKNOWN_USER, "\"ghost\"", false),
                new Refusal("an attribute without a column", withAttribute("favourite_colour", "green"),
                        Reason.UNKNOWN_ATTRIBUTE, "favourite_colour", false),
                new Refusal("text for an INTEGER", withAttribute("login_count", "not a number"),
                        Reason.INVALID_ATTRIBUTE_VALUE, "login_count", false),
                new Refusal("too long for a VARCHAR(10)", withAttribute("note", "far too long for ten"),
                        Reason.INVALID_ATTRIBUTE_VALUE, "note", false),
                new Refusal("NULL for a NOT NULL column", withAttribute("trusted", null),
                        Reason.INVALID_ATTRIBUTE_VALUE, "\"trusted\"", false),
                new Refusal("a check constraint broken", withAttribute("score", -1),
                        Reason.INVALID_ATTRIBUTE_VALUE, "user_session_score_check", false),
                new Refusal("a unique constraint broken", withAttribute("device", "phone"),
                        Reason.INVALID_ATTRIBUTE_VALUE, "user_session_device_key", false),
                new Refusal("a foreign key of an attribute broken", withAttribute("country", "XX"),
                        Reason.INVALID_ATTRIBUTE_VALUE, "user_session_country_fkey", false),
                new Refusal("an attribute too large for its index", withAttribute("indexed", incompressible(3_000)),
                        Reason.INVALID_ATTRIBUTE_VALUE, "user_session_indexed_idx", false),
                new Refusal("an attribute too large for any index", withAttribute("indexed", incompressible(20_000)),
                        Reason.INVALID_ATTRIBUTE_VALUE, "\"indexed\"", false),
                new Refusal("a user id too large for its index", session(SECRET, incompressible(3_000), Map.of()),
                        Reason.UNKNOWN_USER, "userId", false),
                new Refusal("a user id too large for any index", session(SECRET, incompressible(20_000), Map.of()),
                        Reason.UNKNOWN_USER, "userId", false),
                new Refusal("a session id too large for its index", session(incompressible(3_000), "user-1", Map.of()),
                        Reason.INVALID_SESSION_ID, "session id", false),
                new Refusal("a session id too large for any index", session(incompressible(20_000), "user-1", Map.of()),
                        Reason.INVALID_SESSION_ID, "session id", false));
    }

    /**
     * The application's contexts a refusal must keep its reason on: plain ones on each driver, and JDBC ones with an
     * execute listener that replaces jOOQ's exception, Spring Boot's translator (which every Boot application's
     * context has) and one that wraps every exception in a type of the application's own.
     */
    enum Context {
        JDBC, JDBC_SPRING_TRANSLATOR, JDBC_REPLACING_LISTENER, R2DBC;

        Adapter<String, Map<String, Object>, Map<String, Object>> adapter(TestDatabase database) {
            return switch (this) {
                case JDBC -> PostgresAdapter.create(database.dsl());
                case JDBC_SPRING_TRANSLATOR -> PostgresAdapter.create(ApplicationContexts.springBoot(database));
                case JDBC_REPLACING_LISTENER -> PostgresAdapter.create(ApplicationContexts.replacingErrors(database));
                case R2DBC -> new BlockingAdapter<>(AsyncPostgresAdapter.create(
                        DSL.using(database.connectionFactory(), SQLDialect.POSTGRES)));
            };
        }
    }

    static Stream<Arguments> refusalsOnEveryContext() {
        return refusals().flatMap(refusal -> Stream.of(Context.values()).map(context -> Arguments.of(context, refusal)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusalsOnEveryContext")
    void eachRefusalHasItsReasonNamesItsCauseAndWritesNothing(Context context, Refusal refusal) {
        Adapter<String, Map<String, Object>, Map<String, Object>> adapter = context.adapter(database);

        SessionStoreException refused = catchThrowableOfType(SessionStoreException.class,
                () -> adapter.setSession(refusal.session()));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.reason()).isEqualTo(refusal.reason());
        assertThat(refused).hasMessageContaining(refusal.named());
        assertThat(refused.getMessage()).doesNotContain(SECRET).doesNotContain(refusal.session().id());
        assertThat(refused.getCause() != null).as("the driver's error as the cause").isEqualTo(!refusal.beforeAnySql());
        assertThat(database.count("user_session")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void theCallersTransactionIsUsableAfterEveryRefusalPostgresqlDidNotRaise(Refusal refusal) {
        List<Boolean> usable = database.dsl().transactionResult(transaction -> {
            assertThatThrownBy(() -> PostgresAdapter.create(transaction.dsl()).setSession(refusal.session()))
                    .isInstanceOf(SessionStoreException.class);
            try {
                transaction.dsl().selectOne().fetch();
                return List.of(true);
            } catch (DataAccessException aborted) {
                assertThat(aborted).hasMessageContaining("current transaction is aborted");
                return List.of(false);
            }
        });

        assertThat(usable).containsExactly(refusal.beforeAnySql());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Context.class)
    void anUnknownUserIsRecognisedWhateverTheApplicationNamedTheForeignKey(Context context) {
        database.execute("ALTER TABLE user_session RENAME CONSTRAINT user_session_user_id_fkey"
                + " TO sessions_owner_must_exist");
        Adapter<String, Map<String, Object>, Map<String, Object>> adapter = context.adapter(database);

        SessionStoreException refused = catchThrowableOfType(SessionStoreException.class,
                () -> adapter.setSession(session(SECRET, "ghost", Map.of("ip", "10.0.0.1"))));

        assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_USER);
        assertThat(refused).hasMessageContaining("\"ghost\"");
        assertThat(database.count("user_session")).isEqualTo(1);
    }

    @Test
    void anUnknownUserIsRecognisedUnderRowLevelSecurityWherePostgresqlLeavesTheDetailOut() throws SQLException {
        String role = "lucia_no_user_access_" + database.name();
        database.execute("CREATE ROLE " + role);
        try {
            database.execute("GRANT SELECT, INSERT ON user_session TO " + role);
            database.execute("ALTER TABLE user_session ENABLE ROW LEVEL SECURITY");
            database.execute("CREATE POLICY every_row ON user_session USING (true) WITH CHECK (true)");
            try (Connection connection = database.unpooledDataSource().getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET ROLE " + role);
                }
                // Under row-level security, PostgreSQL reports the foreign key without the key's value.
                try (Statement statement = connection.createStatement()) {
                    PSQLException raw = catchThrowableOfType(PSQLException.class, () -> statement.execute(
                            "INSERT INTO user_session (id, user_id, expires_at) VALUES ('probe', 'ghost', now())"));
                    assertThat(raw.getServerErrorMessage().getSQLState()).isEqualTo("23503");
                    assertThat(raw.getServerErrorMessage().getDetail()).doesNotContain("user_id").doesNotContain("ghost");
                }
                PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter =
                        PostgresAdapter.create(DSL.using(connection, SQLDialect.POSTGRES));

                assertThatThrownBy(() -> adapter.setSession(session(SECRET, "ghost", Map.of())))
                        .isInstanceOfSatisfying(SessionStoreException.class,
                                refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_USER))
                        .hasMessageContaining("\"ghost\"");
            }
        } finally {
            database.execute("DROP OWNED BY " + role);
            database.execute("DROP ROLE " + role);
        }
    }
}
