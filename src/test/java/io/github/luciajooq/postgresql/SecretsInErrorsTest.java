package io.github.luciajooq.postgresql;

import static io.github.luciajooq.testing.BlockingAdapter.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.luciajooq.AsyncLucia;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.token.SessionToken;
import io.github.luciajooq.token.TokenStorage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A database error the adapter does not translate, here a lock timeout while a validation renews a session,
 * reaches the application as the driver reported it: neither its message, nor any cause's, nor the stack trace an
 * application would log holds the session token, even when the application's context inlines values into SQL and
 * the store keeps tokens as they are (Lucia v3's plain storage, where the token is the bound value).
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SecretsInErrorsTest {

    private final TestClock clock = TestClock.standard();
    private TestDatabase database;

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JDBC, values inlined", "R2DBC"})
    void aLockTimeoutDuringRenewalCarriesNoSessionId(String driver) throws SQLException {
        Function<SessionToken, Object> validate;
        SessionToken token;
        if (driver.equals("R2DBC")) {
            AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia = AsyncLucia.builder(
                    AsyncPostgresAdapter.create(DSL.using(database.connectionFactory(Map.of("lock_timeout", "200ms")),
                            SQLDialect.POSTGRES))).clock(clock).tokenStorage(TokenStorage.PLAIN).build();
            token = await(lucia.createSession("user-1", Map.of())).token();
            validate = presented -> await(lucia.validateSession(presented));
        } else {
            Settings inlining = new Settings().withStatementType(StatementType.STATIC_STATEMENT)
                    .withParamType(ParamType.INLINED);
            Lucia<String, Map<String, Object>, Map<String, Object>> lucia = Lucia.builder(PostgresAdapter.create(
                    DSL.using(database.dataSource("-c lock_timeout=200ms"), SQLDialect.POSTGRES, inlining)))
                    .clock(clock).tokenStorage(TokenStorage.PLAIN).build();
            token = lucia.createSession("user-1", Map.of()).token();
            validate = lucia::validateSession;
        }
        clock.advance(Duration.ofDays(16));

        Throwable error;
        try (Connection locker = database.dataSource().getConnection()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("SELECT 1 FROM user_session WHERE id = ? FOR UPDATE")) {
                lock.setString(1, token.value());
                lock.executeQuery().close();
            }
            error = catchThrowable(() -> validate.apply(token));
            locker.rollback();
        }

        assertThat(error).as("the renewal timed out on the lock").isNotNull();
        StringWriter logged = new StringWriter();
        error.printStackTrace(new PrintWriter(logged));
        assertThat(logged.toString()).contains("lock timeout").doesNotContain(token.value());
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            assertThat(cause.getMessage()).doesNotContain(token.value());
            assertThat(cause.toString()).doesNotContain(token.value());
        }
    }
    /**
     * A refused insert in plain storage: PostgreSQL's detail of a NOT NULL violation prints the whole row, whose
     * first value is the token, and pgjdbc puts it into the message of the cause it throws, unless the application
     * sets {@code logServerErrorDetail=false}, as the README says. The adapter's own message never holds it.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRefusedInsertInPlainStorageCarriesTheTokenOnlyInPgjdbcsDetail(boolean logServerErrorDetail) {
        database.execute("ALTER TABLE user_session ADD COLUMN device TEXT NOT NULL DEFAULT 'unknown'");
        org.postgresql.ds.PGSimpleDataSource dataSource = database.server().dataSource(database.name());
        dataSource.setLogServerErrorDetail(logServerErrorDetail);
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia = Lucia.builder(PostgresAdapter.create(
                DSL.using(dataSource, SQLDialect.POSTGRES))).clock(clock).tokenStorage(TokenStorage.PLAIN).build();
        SessionToken token = SessionToken.generate();
        java.util.HashMap<String, Object> nullDevice = new java.util.HashMap<>();
        nullDevice.put("device", null);

        Throwable error = catchThrowable(() -> lucia.createSession("user-1", nullDevice, token));

        assertThat(error).isInstanceOf(io.github.luciajooq.SessionStoreException.class)
                .hasMessageNotContaining(token.value());
        StringWriter logged = new StringWriter();
        error.printStackTrace(new PrintWriter(logged));
        assertThat(logged.toString().contains(token.value())).as("the token in the logged stack trace")
                .isEqualTo(logServerErrorDetail);
    }
}
