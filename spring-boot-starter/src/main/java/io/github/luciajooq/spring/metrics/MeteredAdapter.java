package io.github.luciajooq.spring.metrics;

import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An adapter that counts and times what passes through it to another. Validation outcomes are read off the calls
 * {@code Lucia.validateSession} makes: no session found is {@code unknown}; a session found at or past its expiry
 * {@code expired}; one found with more than the renewal threshold left {@code valid}; otherwise the renewal write
 * tells: {@code renewed} when it found the session, {@code unknown} when another request had deleted it. Thread-safe.
 */
final class MeteredAdapter<I, U, S> implements Adapter<I, U, S> {

    private final Adapter<I, U, S> adapter;
    private final SessionMeters meters;
    private final Clock clock;
    private final Duration renewalThreshold;

    MeteredAdapter(Adapter<I, U, S> adapter, SessionMeters meters, Clock clock, Duration renewalThreshold) {
        this.adapter = adapter;
        this.meters = meters;
        this.clock = clock;
        this.renewalThreshold = renewalThreshold;
    }

    @Override
    public Optional<DatabaseSessionAndUser<I, U, S>> getSessionAndUser(String sessionId) {
        Optional<DatabaseSessionAndUser<I, U, S>> found =
                time("getSessionAndUser", () -> adapter.getSessionAndUser(sessionId));
        if (found.isEmpty()) {
            meters.validation(SessionMeters.UNKNOWN);
        } else {
            Instant now = clock.instant();
            Instant expiresAt = found.get().session().expiresAt();
            if (!now.isBefore(expiresAt)) {
                meters.validation(SessionMeters.EXPIRED);
            } else if (now.isBefore(expiresAt.minus(renewalThreshold))) {
                meters.validation(SessionMeters.VALID);
            }
            // else: renewed or unknown, as updateSessionExpiration finds
        }
        return found;
    }

    @Override
    public List<DatabaseSession<I, S>> getUserSessions(I userId) {
        return time("getUserSessions", () -> adapter.getUserSessions(userId));
    }

    @Override
    public void setSession(DatabaseSession<I, S> session) {
        run("setSession", () -> adapter.setSession(session));
        meters.created.increment();
    }

    @Override
    public boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
        boolean updated = time("updateSessionExpiration", () -> adapter.updateSessionExpiration(sessionId, expiresAt));
        meters.validation(updated ? SessionMeters.RENEWED : SessionMeters.UNKNOWN);
        return updated;
    }

    @Override
    public void deleteSession(String sessionId) {
        run("deleteSession", () -> adapter.deleteSession(sessionId));
        meters.invalidated.increment();
    }

    @Override
    public void deleteUserSessions(I userId) {
        run("deleteUserSessions", () -> adapter.deleteUserSessions(userId));
        meters.userInvalidated.increment();
    }

    @Override
    public long deleteExpiredSessions(Instant now) {
        long deleted = time("deleteExpiredSessions", () -> adapter.deleteExpiredSessions(now));
        meters.cleanedUp.increment(deleted);
        return deleted;
    }

    private void run(String operation, Runnable call) {
        time(operation, () -> {
            call.run();
            return null;
        });
    }

    private <T> T time(String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(meters.registry);
        String outcome = "error";
        try {
            T result = call.get();
            outcome = "success";
            return result;
        } finally {
            sample.stop(meters.operation(operation, outcome));
        }
    }

    @Override
    public String toString() {
        return "MeteredAdapter[" + adapter + "]";
    }

    /** The meters, registered once per registry. */
    static final class SessionMeters {
        static final String VALID = "valid";
        static final String RENEWED = "renewed";
        static final String EXPIRED = "expired";
        static final String UNKNOWN = "unknown";

        final MeterRegistry registry;
        final Counter created;
        final Counter invalidated;
        final Counter userInvalidated;
        final Counter cleanedUp;

        SessionMeters(MeterRegistry registry) {
            this.registry = registry;
            this.created = Counter.builder("lucia.sessions.created")
                    .description("Sessions created").register(registry);
            this.invalidated = Counter.builder("lucia.sessions.invalidated").tag("scope", "session")
                    .description("Single sessions deleted: sign-out, revocation, or found expired on validation")
                    .register(registry);
            this.userInvalidated = Counter.builder("lucia.sessions.invalidated").tag("scope", "user")
                    .description("Sign-outs of all of a user's sessions").register(registry);
            this.cleanedUp = Counter.builder("lucia.sessions.cleanup.deleted")
                    .description("Expired sessions deleted by the clean-up").register(registry);
            for (String outcome : List.of(VALID, RENEWED, EXPIRED, UNKNOWN)) {
                validationCounter(outcome);
            }
        }

        private Counter validationCounter(String outcome) {
            return Counter.builder("lucia.sessions.validations").tag("outcome", outcome)
                    .description("Session validations, by outcome").register(registry);
        }

        void validation(String outcome) {
            validationCounter(outcome).increment();
        }

        Timer operation(String operation, String outcome) {
            return Timer.builder("lucia.adapter.operations").tag("operation", operation).tag("outcome", outcome)
                    .description("Calls of the session store, by operation").register(registry);
        }
    }
}
