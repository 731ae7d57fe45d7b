package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.AsyncLucia;
import io.github.luciajooq.Session;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * No call of {@link AsyncLucia} on {@link AsyncPostgresAdapter} blocks a thread: BlockHound fails any blocking
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
    private AsyncLucia lucia;

    @BeforeAll
    static void installBlockHound() {
        BlockHound.install();
    }

    @BeforeEach
    void setUp(TestDatabase database) {
        database.execute("ALTER TABLE user_session ADD COLUMN ip TEXT");
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        AsyncPostgresAdapter adapter = AsyncPostgresAdapter.create(
                DSL.using(database.connectionFactory(), SQLDialect.POSTGRES), TableNames.DEFAULT, clock);
        lucia = AsyncLucia.builder(adapter).clock(clock).build();
        // Netty reads OS files once per JVM when its classes initialise; an application does that when it warms
        // its connection pool at start-up. Do it here on the test's thread, so that only requests are judged.
        io.github.luciajooq.testing.BlockingAdapter.await(adapter.getUserSessions("warm-up"));
    }

    /** Runs a step on a non-blocking thread and waits for it here, on the test's own (blocking) thread. */
    private <T> T onNonBlockingThread(java.util.function.Supplier<java.util.concurrent.CompletionStage<T>> step) {
        return Mono.fromCompletionStage(step).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(30));
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
    void noOperationBlocksAThread() {
        Session session = onNonBlockingThread(() -> lucia.createSession("user-1", Map.of("ip", "10.0.0.1")));
        assertThat(onNonBlockingThread(() -> lucia.validateSession(session.id()))).isPresent();

        clock.advance(Duration.ofDays(16));
        assertThat(onNonBlockingThread(() -> lucia.validateSession(session.id())).orElseThrow().session().fresh())
                .isTrue();
        List<Session> sessions = onNonBlockingThread(() -> lucia.getUserSessions("user-1"));
        assertThat(sessions).hasSize(1);

        clock.advance(Duration.ofDays(31));
        assertThat(onNonBlockingThread(() -> lucia.validateSession(session.id()))).isEmpty();

        Session second = onNonBlockingThread(() -> lucia.createSession("user-1", Map.of()));
        assertThatThrownBy(() -> onNonBlockingThread(() -> lucia.createSession("user-1", Map.of(), second.id())))
                .isInstanceOf(SessionStoreException.class);
        assertThatThrownBy(() -> onNonBlockingThread(() -> lucia.createSession("ghost", Map.of())))
                .isInstanceOf(SessionStoreException.class);
        onNonBlockingThread(() -> lucia.invalidateSession(second.id()));
        onNonBlockingThread(() -> lucia.invalidateUserSessions("user-1"));
        clock.advance(Duration.ofDays(100));
        assertThat(onNonBlockingThread(lucia::deleteExpiredSessions)).isZero();
    }
}
