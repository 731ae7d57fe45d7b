package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.token.SessionToken;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * What an application's execute listeners see of the adapter's statements, now that they run over JDBC directly
 * with listeners configured: jOOQ's events in jOOQ's order, and an exception they may replace.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ExecuteListenersTest {

    private TestDatabase database;

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
    }

    /** Records each event's name with what the context holds then. */
    private static final class Recorder implements ExecuteListener {

        final List<String> events = new CopyOnWriteArrayList<>();

        private void record(String event, ExecuteContext context) {
            events.add(event);
        }

        @Override
        public void start(ExecuteContext context) {
            record("start", context);
        }

        @Override
        public void renderStart(ExecuteContext context) {
            record("renderStart", context);
        }

        @Override
        public void renderEnd(ExecuteContext context) {
            record("renderEnd", context);
        }

        @Override
        public void prepareStart(ExecuteContext context) {
            record("prepareStart", context);
        }

        @Override
        public void prepareEnd(ExecuteContext context) {
            record(context.statement() == null ? "prepareEnd without a statement" : "prepareEnd", context);
        }

        @Override
        public void bindStart(ExecuteContext context) {
            record("bindStart", context);
        }

        @Override
        public void bindEnd(ExecuteContext context) {
            record("bindEnd", context);
        }

        @Override
        public void executeStart(ExecuteContext context) {
            record("executeStart", context);
        }

        @Override
        public void executeEnd(ExecuteContext context) {
            record("executeEnd rows=" + context.rows() + (context.resultSet() == null ? "" : " with a result set"),
                    context);
        }

        @Override
        public void fetchStart(ExecuteContext context) {
            record("fetchStart", context);
        }

        @Override
        public void fetchEnd(ExecuteContext context) {
            record("fetchEnd", context);
        }

        @Override
        public void exception(ExecuteContext context) {
            record("exception " + context.sqlException().getSQLState(), context);
        }

        @Override
        public void end(ExecuteContext context) {
            record("end " + context.type(), context);
        }
    }

    private DSLContext listened(ExecuteListener listener) {
        return DSL.using(new DefaultConfiguration().set(database.dataSource()).set(SQLDialect.POSTGRES).set(listener));
    }

    @Test
    void aListenerSeesEveryEventOfAQueryInJooqsOrder() {
        Recorder recorder = new Recorder();
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                Lucia.builder(PostgresAdapter.create(listened(recorder))).build();
        SessionToken token = lucia.createSession("user-1", Map.of()).token();
        recorder.events.clear();

        assertThat(lucia.validateSession(token)).isPresent();

        assertThat(recorder.events).containsExactly("start", "renderStart", "renderEnd", "prepareStart", "prepareEnd",
                "bindStart", "bindEnd", "executeStart", "executeEnd rows=-1 with a result set", "fetchStart",
                "fetchEnd", "end READ");
    }

    @Test
    void aListenerSeesEveryEventOfAWriteWithItsRowCount() {
        Recorder recorder = new Recorder();
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                Lucia.builder(PostgresAdapter.create(listened(recorder))).build();
        lucia.createSession("user-1", Map.of()); // reads the foreign key's name from the catalog, once
        recorder.events.clear();

        lucia.createSession("user-1", Map.of());

        assertThat(recorder.events).containsExactly("start", "renderStart", "renderEnd", "prepareStart", "prepareEnd",
                "bindStart", "bindEnd", "executeStart", "executeEnd rows=1", "end WRITE");
    }

    @Test
    void aListenerSeesTheSqlWithBindMarkersAndCanAskForTheQuery() {
        List<String> seen = new CopyOnWriteArrayList<>();
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(
                listened(ExecuteListener.onExecuteEnd(context -> {
                    seen.add(context.sql());
                    seen.add(context.query().getSQL());
                })));

        adapter.deleteSession("secret-session-id");

        assertThat(seen).hasSize(2).allSatisfy(sql -> assertThat(sql).contains("delete from").contains("?")
                .doesNotContain("secret-session-id"));
    }

    @Test
    void aFailedStatementFiresExceptionAndEndAndThrowsWhatTheListenerMadeOfIt() {
        Recorder recorder = new Recorder();
        database.execute("DROP TABLE user_session");
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter =
                PostgresAdapter.create(listened(recorder));

        Throwable thrown = catchThrowable(() -> adapter.getSessionAndUser("secret-session-id"));

        assertThat(thrown).isInstanceOf(org.jooq.exception.DataAccessException.class)
                .hasMessageNotContaining("secret-session-id");
        assertThat(recorder.events).endsWith("exception 42P01", "end READ");
    }

    @Test
    void springBootsTranslatorTurnsAnErrorThatIsNoRefusalIntoSpringsException() {
        database.execute("DROP TABLE user_session");
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter =
                PostgresAdapter.create(ApplicationContexts.springBoot(database));

        Throwable thrown = catchThrowable(() -> adapter.getSessionAndUser("secret-session-id"));

        assertThat(thrown).isInstanceOf(BadSqlGrammarException.class).hasMessageNotContaining("secret-session-id");
    }

    @Test
    void inATransactionTheSessionIsRolledBackWithIt() {
        DSLContext dsl = database.dsl();
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(dsl);
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia = Lucia.builder(adapter).build();

        Throwable rolledBack = catchThrowable(() -> dsl.transaction(trx -> {
            trx.dsl().execute("INSERT INTO auth_user (id) VALUES ('user-2')");
            lucia.withAdapter(adapter.in(trx)).createSession("user-2", Map.of());
            assertThat(trx.dsl().fetchCount(DSL.table("user_session"))).isEqualTo(1);
            throw new IllegalStateException("the application changed its mind");
        }));

        assertThat(rolledBack).hasMessage("the application changed its mind");
        assertThat(database.count("user_session")).isZero();
        assertThat(database.count("auth_user")).isEqualTo(1);
    }

    @Test
    void inATransactionTheSessionIsCommittedWithIt() {
        DSLContext dsl = database.dsl();
        PostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(dsl);
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia = Lucia.builder(adapter).build();

        NewSession<String, Map<String, Object>> created = dsl.transactionResult(trx -> {
            // The user exists only in this transaction until it commits: the session must be written in it.
            trx.dsl().execute("INSERT INTO auth_user (id) VALUES ('user-2')");
            return lucia.withAdapter(adapter.in(trx)).createSession("user-2", Map.of());
        });

        assertThat(lucia.validateSession(created.token())).hasValueSatisfying(
                valid -> assertThat(valid.user().id()).isEqualTo("user-2"));
    }

    @Test
    void outsideInTheSessionIsWrittenOutsideTheTransaction() {
        DSLContext dsl = database.dsl();
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia =
                Lucia.builder(PostgresAdapter.create(dsl)).build();

        catchThrowable(() -> dsl.transaction(trx -> {
            lucia.createSession("user-1", Map.of());
            throw new IllegalStateException("rolled back");
        }));

        assertThat(database.count("user_session")).as("the pitfall adapter.in(trx) avoids").isEqualTo(1);
    }
}
