package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.token.SessionToken;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The adapter inside the caller's transaction, and on a connection it did not open. */
@ExtendWith(PostgresDatabaseExtension.class)
class CallerConnectionTest {

    private static final Instant LATER = Instant.parse("2099-01-01T00:00:00Z");
    private TestDatabase database;

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
    }

    private static DatabaseSession<String, Map<String, Object>> session(String id) {
        return new DatabaseSession<>(id, "user-1", LATER, Map.of());
    }

    @Test
    void aSessionWrittenInTheCallersTransactionIsRolledBackWithIt() {
        DSLContext dsl = database.dsl();

        assertThatThrownBy(() -> dsl.transaction(transaction -> {
            PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(transaction.dsl());
            adapter.setSession(session("s"));
            assertThat(adapter.getSessionAndUser("s")).isPresent();
            throw new IllegalStateException("the application fails after signing in");
        })).hasMessageContaining("the application fails");

        assertThat(database.count("user_session")).isZero();
    }

    @Test
    void aSessionWrittenInTheCallersTransactionIsCommittedWithIt() {
        database.dsl().transaction(transaction -> PostgresAdapter.create(transaction.dsl()).setSession(session("s")));

        assertThat(PostgresAdapter.create(database.dsl()).getSessionAndUser("s")).isPresent();
    }

    @Test
    void theAdapterNeverCommitsClosesOrChangesAutoCommitOfTheCallersConnection() throws Exception {
        try (Connection connection = database.unpooledDataSource().getConnection()) {
            connection.setAutoCommit(false);
            PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(connection);

            adapter.setSession(session("a"));
            adapter.setSession(session("b"));
            adapter.updateSessionExpiration("a", LATER.plusSeconds(1));
            adapter.deleteSession("b");
            adapter.getSessionAndUser("a");
            adapter.getUserSessions("user-1");
            adapter.deleteExpiredSessions(Instant.now());

            assertThat(connection.isClosed()).isFalse();
            assertThat(connection.getAutoCommit()).isFalse();
            assertThat(adapter.getUserSessions("user-1")).hasSize(1);
            assertThat(database.count("user_session")).as("seen from another connection: nothing committed").isZero();

            connection.rollback();
            assertThat(adapter.getUserSessions("user-1")).isEmpty();
        }
    }

    @Test
    void oneApplicationWideLuciaJoinsTheThreadsTransactionOfAThreadLocalTransactionProvider() {
        DSLContext dsl = DSL.using(new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(database.dataSource()))));
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia = Lucia.builder(PostgresAdapter.create(dsl)).build();

        assertThatThrownBy(() -> dsl.transaction(() -> {
            SessionToken token = lucia.createSession("user-1", Map.of()).token();
            assertThat(lucia.validateSession(token)).as("seen inside the transaction").isPresent();
            assertThat(dsl.fetchCount(DSL.table("user_session"))).isEqualTo(1);
            throw new IllegalStateException("the application fails after signing in");
        })).hasMessageContaining("the application fails");
        assertThat(database.count("user_session")).isZero();

        SessionToken kept = dsl.transactionResult(() -> lucia.createSession("user-1", Map.of()).token());
        assertThat(lucia.validateSession(kept)).isPresent();
        assertThat(database.count("user_session")).isEqualTo(1);
    }
}
