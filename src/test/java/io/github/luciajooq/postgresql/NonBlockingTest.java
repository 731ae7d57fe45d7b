package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.AsyncLucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.Session;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.testing.BlockingAdapter;
import io.github.luciajooq.testing.CountedFixture;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testing.generated.tables.records.CountedSessionRecord;
import io.github.luciajooq.testing.generated.tables.records.CountedUserRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * No call of {@link AsyncLucia} on {@link AsyncPostgresAdapter}, on named or generated tables, blocks a thread: BlockHound fails any blocking
 * call (socket or file I/O, sleeping, waiting on a lock) made on a non-blocking thread, and every operation here
 * starts on Reactor's parallel scheduler and continues on the R2DBC driver's event loop, both non-blocking.
 * <p>
 * BlockHound stays installed for the rest of the JVM's life, so this test runs in a JVM of its own (tag
 * {@code own-jvm}, Surefire's execution of that name).
 */
@Tag("own-jvm")
@ExtendWith(PostgresDatabaseExtension.class)
class NonBlockingTest {

    private final TestClock clock = TestClock.standard();
    private TestDatabase database;

    @BeforeAll
    static void installBlockHound() {
        BlockHound.install();
    }

    @BeforeEach
    void setUp(TestDatabase database) {
        this.database = database;
        database.execute("ALTER TABLE user_session ADD COLUMN ip TEXT");
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        database.execute("INSERT INTO counted_user (id, username) VALUES (7, 'ann')");
    }

    /** Runs a step on a non-blocking thread and waits for it here, on the test's own (blocking) thread. */
    private <T> T onNonBlockingThread(Supplier<CompletionStage<T>> step) {
        return Mono.fromCompletionStage(step).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(30));
    }

    /**
     * Netty reads OS files once per JVM when its classes initialise; an application does that when it warms its
     * connection pool at start-up. Do it here on the test's thread, so that only requests are judged.
     */
    private <I, U, S> AsyncLucia<I, U, S> warmedUp(AsyncPostgresAdapter<I, U, S> adapter, I user) {
        BlockingAdapter.await(adapter.getUserSessions(user));
        return AsyncLucia.builder(adapter).clock(clock).build();
    }

    @Test
    void blockHoundCatchesABlockingCallOnANonBlockingThread() {
        assertThatThrownBy(() -> Mono.fromCallable(() -> {
            Thread.sleep(1);
            return 1;
        }).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(30)))
                .hasStackTraceContaining("Blocking call! java.lang.Thread.sleep");
    }

    @Test
    void noOperationOnNamedTablesBlocksAThread() {
        AsyncLucia<String, Map<String, Object>, Map<String, Object>> lucia = warmedUp(AsyncPostgresAdapter.create(
                DSL.using(database.connectionFactory(), SQLDialect.POSTGRES),
                SessionTables.lucia().withSessionColumns("ip")), "user-1");
        everyOperation(lucia, "user-1", Map.of("ip", "10.0.0.1"), Map.of());
    }

    @Test
    void noOperationOnGeneratedTablesBlocksAThread() {
        AsyncLucia<Long, CountedUserRecord, CountedSessionRecord> lucia = warmedUp(AsyncPostgresAdapter.create(
                DSL.using(database.connectionFactory(), SQLDialect.POSTGRES), CountedFixture.TABLES), 7L);
        everyOperation(lucia, 7L, new CountedSessionRecord().setLabel("phone"), new CountedSessionRecord());
    }

    private <I, U, S> void everyOperation(AsyncLucia<I, U, S> lucia, I user, S attributes, S none) {
        NewSession<I, S> created = onNonBlockingThread(() -> lucia.createSession(user, attributes));
        assertThat(onNonBlockingThread(() -> lucia.validateSession(created.token()))).isPresent();

        clock.advance(Duration.ofDays(16));
        assertThat(onNonBlockingThread(() -> lucia.validateSession(created.token())).orElseThrow().session().fresh())
                .isTrue();
        List<Session<I, S>> sessions = onNonBlockingThread(() -> lucia.getUserSessions(user));
        assertThat(sessions).hasSize(1);

        clock.advance(Duration.ofDays(31));
        assertThat(onNonBlockingThread(() -> lucia.validateSession(created.token()))).isEmpty();

        NewSession<I, S> second = onNonBlockingThread(() -> lucia.createSession(user, none));
        assertThatThrownBy(() -> onNonBlockingThread(() -> lucia.createSession(user, none, second.token())))
                .isInstanceOf(SessionStoreException.class);
        assertThat(onNonBlockingThread(() -> lucia.invalidateSession(user, second.session().handle()))).isTrue();
        NewSession<I, S> third = onNonBlockingThread(() -> lucia.createSession(user, none));
        onNonBlockingThread(() -> lucia.invalidateSession(third.token()));
        onNonBlockingThread(() -> lucia.invalidateUserSessions(user));
        clock.advance(Duration.ofDays(100));
        assertThat(onNonBlockingThread(lucia::deleteExpiredSessions)).isZero();
    }
}
