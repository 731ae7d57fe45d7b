package io.github.luciajooq.spring.boot;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired sessions on a daemon thread of its own, started and stopped with the application context: the
 * first run after a random part of the jitter, each next one the interval plus a random part of the jitter after
 * the previous one ended. A failed run (the database unreachable) is logged and tried again next time. Safe on
 * every instance of an application: the delete is idempotent, and instances skip rows another one holds.
 */
final class ExpiredSessionsCleanup implements SmartLifecycle {

    private static final Log LOG = LogFactory.getLog(ExpiredSessionsCleanup.class);

    private final LongSupplier deleteExpiredSessions;
    private final Duration interval;
    private final Duration jitter;
    /** The running executor, {@code null} while stopped; package-private for its test. */
    ScheduledThreadPoolExecutor executor;

    ExpiredSessionsCleanup(LongSupplier deleteExpiredSessions, Duration interval, Duration jitter) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("lucia.cleanup.interval must be positive, not " + interval);
        }
        if (jitter == null || jitter.isNegative()) {
            throw new IllegalArgumentException("lucia.cleanup.jitter must be zero or positive, not " + jitter);
        }
        this.deleteExpiredSessions = deleteExpiredSessions;
        this.interval = interval;
        this.jitter = jitter;
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "lucia-expired-sessions-cleanup");
                thread.setDaemon(true);
                return thread;
            });
            schedule(executor, randomPart(jitter));
        }
    }

    /**
     * Schedules a run on this executor while it is still the running one: a run that ends after a stop does not
     * schedule the next on the executor of a later start, which has a schedule of its own.
     */
    private synchronized void schedule(ScheduledThreadPoolExecutor on, long delayMillis) {
        if (on == executor && !on.isShutdown()) {
            on.schedule(() -> run(on), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void run(ScheduledThreadPoolExecutor on) {
        try {
            long deleted = deleteExpiredSessions.getAsLong();
            if (LOG.isDebugEnabled()) {
                LOG.debug("deleted " + deleted + " expired sessions");
            }
        } catch (RuntimeException e) {
            LOG.warn("deleting expired sessions failed; trying again in " + interval, e);
        } finally {
            schedule(on, interval.toMillis() + randomPart(jitter));
        }
    }

    private static long randomPart(Duration jitter) {
        long millis = jitter.toMillis();
        return millis == 0 ? 0 : ThreadLocalRandom.current().nextLong(millis + 1);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
