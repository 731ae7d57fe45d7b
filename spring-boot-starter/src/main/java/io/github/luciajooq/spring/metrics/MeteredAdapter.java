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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An adapter that counts and times what passes through it to another. Validation outcomes are read off the calls
 * {@code Lucia.validateSession} makes, deciding as the session manager does: no session found is {@code unknown}; a
 * session found at or past its expiry, or past its absolute lifetime, {@code expired}; one found with more than the
 * renewal threshold left, or whose renewal the absolute lifetime caps, {@code valid}; otherwise the renewal write
 * tells: {@code renewed} when it found the session, {@code unknown} when another request had deleted it.
 * <p>
 * {@code Lucia.rotateSession} and {@code Lucia.reauthenticated} read the session through the same adapter call
 * before they rotate it, and an adapter cannot tell that read from a validation's: it is counted as a validation
 * too ({@code valid}, {@code expired} or {@code unknown}; not at all when the session is due for renewal, since no
 * renewal write follows). The {@code rotateSession} operation's timer counts the rotations. Thread-safe.
 */
final class MeteredAdapter<I, U, S> implements Adapter<I, U, S> {

    private final Adapter<I, U, S> adapter;
    private final SessionMeters meters;
    private final Clock clock;
    private final Renewal renewal;

    MeteredAdapter(Adapter<I, U, S> adapter, SessionMeters meters, Clock clock, Renewal renewal) {
        this.adapter = adapter;
        this.meters = meters;
        this.clock = clock;
        this.renewal = renewal;
    }

    @Override
    public Optional<DatabaseSessionAndUser<I, U, S>> getSessionAndUser(String sessionId) {
        Optional<DatabaseSessionAndUser<I, U, S>> found =
                time("getSessionAndUser", () -> adapter.getSessionAndUser(sessionId));
        String outcome =
                found.isEmpty() ? SessionMeters.UNKNOWN : renewal.outcome(found.get().session(), clock.instant());
        if (outcome != null) {
            meters.validation(outcome);
        }
        // else: renewed or unknown, as updateSessionExpiration finds
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

    @Override
    public boolean rotateSession(String sessionId, String newSessionId, Instant expiresAt, Instant authenticatedAt) {
        return time("rotateSession", () -> adapter.rotateSession(sessionId, newSessionId, expiresAt, authenticatedAt));
    }

    @Override
    public long deleteOtherUserSessions(I userId, String keptSessionId) {
        return time("deleteOtherUserSessions", () -> adapter.deleteOtherUserSessions(userId, keptSessionId));
    }

    @Override
    public boolean setSessionWithinLimit(DatabaseSession<I, S> session, int limit, boolean endOldest, Instant now) {
        boolean stored = time("setSessionWithinLimit", () -> adapter.setSessionWithinLimit(session, limit, endOldest,
                now));
        if (stored) {
            meters.created.increment();
        }
        return stored;
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

    /**
     * The session manager's renewal settings, to tell validation outcomes as {@code Lucia.validateSession} decides
     * them.
     *
     * @param lifetime the session lifetime
     * @param threshold the renewal threshold
     * @param absoluteLifetime the absolute lifetime, or {@code null} for none
     */
    record Renewal(Duration lifetime, Duration threshold, Duration absoluteLifetime) {

        /** {@code expired}, {@code valid}, or {@code null} when a renewal is due (the renewal write tells). */
        String outcome(DatabaseSession<?, ?> stored, Instant now) {
            Instant expiresAt = stored.expiresAt();
            Instant end = absoluteLifetime == null || stored.authenticatedAt() == null ? null
                    : stored.authenticatedAt().plus(absoluteLifetime);
            if (!now.isBefore(expiresAt) || absoluteLifetime != null && (end == null || !now.isBefore(end))) {
                return SessionMeters.EXPIRED;
            }
            if (now.isBefore(expiresAt.minus(threshold))) {
                return SessionMeters.VALID;
            }
            Instant renewed = now.plus(lifetime);
            if (end != null && end.isBefore(renewed)) {
                renewed = end;
            }
            // The absolute lifetime caps the expiry: the session manager writes nothing.
            return renewed.truncatedTo(ChronoUnit.MILLIS).isAfter(expiresAt) ? null : SessionMeters.VALID;
        }
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
