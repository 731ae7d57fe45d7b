package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.luciajooq.AsyncLucia;
import io.github.luciajooq.AtSessionLimit;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * An application-wide {@link AsyncPostgresAdapter} in jOOQ's R2DBC transactions ({@code transactionPublisher}):
 * {@code adapter.in(trx)} writes on the transaction's connection, so the session commits or rolls back with it.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class R2dbcTransactionsTest {

    private TestDatabase database;
    private DSLContext dsl;
    private AsyncPostgresAdapter<String, Map<String, Object>, Map<String, Object>> adapter;
    private AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia;

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        dsl = DSL.using(database.connectionFactory(), SQLDialect.POSTGRES);
        adapter = AsyncPostgresAdapter.create(dsl);
        lucia = AsyncLucia.builder(adapter).build();
    }

    @Test
    void inATransactionTheSessionIsRolledBackWithIt() {
        Throwable rolledBack = catchThrowable(() -> Mono.from(dsl.transactionPublisher(trx ->
                Mono.from(trx.dsl().query("INSERT INTO auth_user (id) VALUES ('user-2')"))
                        .then(Mono.fromCompletionStage(() -> lucia.withAdapter(adapter.in(trx))
                                .createSession("user-2", Map.of())))
                        .then(Mono.error(new IllegalStateException("the application changed its mind"))))).block());

        assertThat(rolledBack).hasMessageContaining("the application changed its mind");
        assertThat(database.count("user_session")).isZero();
        assertThat(database.count("auth_user")).isZero();
    }

    @Test
    void inATransactionTheSessionIsCommittedWithIt() {
        NewSession<String, Map<String, Object>> created = Mono.from(dsl.transactionPublisher(trx ->
                // The user exists only in this transaction until it commits: the session must be written in it.
                Mono.from(trx.dsl().query("INSERT INTO auth_user (id) VALUES ('user-2')"))
                        .then(Mono.fromCompletionStage(() -> lucia.withAdapter(adapter.in(trx))
                                .createSession("user-2", Map.of()))))).block();

        assertThat(lucia.validateSession(created.token()).toCompletableFuture().join()).hasValueSatisfying(
                valid -> assertThat(valid.user().id()).isEqualTo("user-2"));
    }

    @Test
    void theSessionLimitRunsInTheCallersTransaction() {
        AsyncLucia<String, Map<String, Object>, Map<String, Object>> limited = AsyncLucia.builder(adapter)
                .maxSessionsPerUser(1, AtSessionLimit.END_OLDEST).build();
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        NewSession<String, Map<String, Object>> kept = limited.createSession("user-1", Map.of()).toCompletableFuture()
                .join();

        catchThrowable(() -> Mono.from(dsl.transactionPublisher(trx ->
                Mono.fromCompletionStage(() -> limited.withAdapter(adapter.in(trx)).createSession("user-1", Map.of()))
                        .then(Mono.error(new IllegalStateException("rolled back"))))).block());

        assertThat(limited.validateSession(kept.token()).toCompletableFuture().join())
                .as("the oldest session's end rolled back too").isPresent();
        assertThat(database.count("user_session")).isEqualTo(1);
    }

    @Test
    void outsideInTheSessionIsWrittenOutsideTheTransaction() {
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");

        catchThrowable(() -> Mono.from(dsl.transactionPublisher(trx ->
                Mono.fromCompletionStage(() -> lucia.createSession("user-1", Map.of()))
                        .then(Mono.error(new IllegalStateException("rolled back"))))).block());

        assertThat(database.count("user_session")).as("the pitfall adapter.in(trx) avoids").isEqualTo(1);
    }

    @Test
    void inRefusesAJdbcTransaction() {
        assertThatThrownBy(() -> adapter.in(database.dsl().configuration()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transaction has no R2DBC ConnectionFactory");
        assertThatThrownBy(() -> adapter.in((DSLContext) null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("transaction");
    }
}
