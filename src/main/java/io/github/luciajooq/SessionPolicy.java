package io.github.luciajooq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Lucia's policy, apart from any adapter: expiry, renewal, and the session cookie. {@link Lucia} and
 * {@link AsyncLucia} differ only in how they call their adapter. Immutable.
 */
final class SessionPolicy {

    /** Lucia's cookie lifetime when the session cookie is not set to expire: 400 days, browsers' limit. */
    static final Duration NON_EXPIRING_COOKIE_MAX_AGE = Duration.ofDays(400);

    /** What validation does with a stored session. */
    enum Outcome {
        /** Valid, more than the renewal threshold left: nothing to write. */
        VALID,
        /** Valid, with the threshold or less left: extend it to a full lifetime. */
        RENEW,
        /** Expired: delete it. */
        EXPIRED
    }

    /**
     * @param outcome what to do
     * @param expiresAt the expiry the session has after validation (the new one when renewed)
     */
    record Decision(Outcome outcome, Instant expiresAt) {}

    private final Duration sessionLifetime;
    private final Duration renewalThreshold;
    private final Clock clock;
    private final String sessionCookieName;
    private final Cookie.Attributes cookieAttributes;

    SessionPolicy(Duration sessionLifetime, Duration renewalThreshold, Clock clock, String sessionCookieName,
            Cookie.Attributes cookieAttributes) {
        this.sessionLifetime = sessionLifetime;
        this.renewalThreshold = renewalThreshold;
        this.clock = clock;
        this.sessionCookieName = sessionCookieName;
        this.cookieAttributes = cookieAttributes;
    }

    /** The expiry of a session created or renewed now: now plus the lifetime, to the millisecond. */
    Instant newExpiry() {
        return clock.instant().plus(sessionLifetime).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether a session with this expiry is still valid now. */
    boolean isLive(Instant expiresAt) {
        return clock.instant().isBefore(expiresAt);
    }

    /** What validating a session with this expiry does now. */
    Decision decide(Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return new Decision(Outcome.EXPIRED, expiresAt);
        }
        if (now.isBefore(expiresAt.minus(renewalThreshold))) {
            return new Decision(Outcome.VALID, expiresAt);
        }
        return new Decision(Outcome.RENEW, now.plus(sessionLifetime).truncatedTo(ChronoUnit.MILLIS));
    }

    /** The valid session and user that a validation returns. */
    static SessionAndUser validated(String sessionId, DatabaseSessionAndUser found, Decision decision) {
        DatabaseSession stored = found.session();
        return new SessionAndUser(
                new Session(sessionId, stored.userId(), decision.expiresAt(), decision.outcome() == Outcome.RENEW,
                        stored.attributes()),
                new User(found.user().id(), found.user().attributes()));
    }

    /** A stored session as the application sees it, not fresh. */
    static Session listed(DatabaseSession stored) {
        return new Session(stored.id(), stored.userId(), stored.expiresAt(), false, stored.attributes());
    }

    String sessionCookieName() {
        return sessionCookieName;
    }

    Cookie sessionCookie(String sessionId) {
        return new Cookie(sessionCookieName, sessionId, cookieAttributes);
    }

    Cookie blankSessionCookie() {
        return new Cookie(sessionCookieName, "", cookieAttributes.withMaxAge(Duration.ZERO));
    }

    Optional<String> readSessionCookie(String cookieHeader) {
        return Headers.cookie(cookieHeader, sessionCookieName);
    }
}
