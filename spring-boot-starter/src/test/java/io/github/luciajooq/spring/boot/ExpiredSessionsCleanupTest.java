package io.github.luciajooq.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiredSessionsCleanupTest {

    @Test
    void runsAgainAfterAFailedRunAndStopsWithTheContext() throws InterruptedException {
        Semaphore runs = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        ExpiredSessionsCleanup cleanup = new ExpiredSessionsCleanup(() -> {
            runs.release();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is unreachable");
            }
            return 0;
        }, Duration.ofMillis(20), Duration.ZERO);

        cleanup.start();
        assertThat(runs.tryAcquire(3, 30, TimeUnit.SECONDS)).as("three runs, the first failed").isTrue();
        cleanup.stop();

        assertThat(cleanup.isRunning()).isFalse();
        int afterStop = calls.get();
        Thread.sleep(200);
        assertThat(calls.get()).isLessThanOrEqualTo(afterStop + 1);   // at most the run under way when stopped
    }

    @Test
    void refusesAnIntervalThatIsNotPositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ExpiredSessionsCleanup(() -> 0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("lucia.cleanup.interval");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ExpiredSessionsCleanup(() -> 0, Duration.ofMinutes(1), Duration.ofSeconds(-1)))
                .hasMessageContaining("lucia.cleanup.jitter");
    }
}
