package io.github.luciajooq.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
    void aRunThatEndsAfterAStopDoesNotAddASecondScheduleToTheNextStart() throws InterruptedException {
        CountDownLatch firstRunUnderWay = new CountDownLatch(1);
        Semaphore endFirstRun = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        ExpiredSessionsCleanup cleanup = new ExpiredSessionsCleanup(() -> {
            if (calls.incrementAndGet() == 1) {
                firstRunUnderWay.countDown();
                endFirstRun.acquireUninterruptibly();   // stop() interrupts; the run goes on, as a JDBC call may
            }
            return 0;
        }, Duration.ofHours(1), Duration.ZERO);

        cleanup.start();
        assertThat(firstRunUnderWay.await(30, TimeUnit.SECONDS)).isTrue();
        ScheduledThreadPoolExecutor first = cleanup.executor;
        cleanup.stop();
        cleanup.start();
        ScheduledThreadPoolExecutor second = cleanup.executor;
        endFirstRun.release();
        assertThat(first.awaitTermination(30, TimeUnit.SECONDS)).as("the first run ended").isTrue();

        try {
            assertThat(second.getQueue()).as("one schedule: the second start's own").hasSize(1);
        } finally {
            cleanup.stop();
        }
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
