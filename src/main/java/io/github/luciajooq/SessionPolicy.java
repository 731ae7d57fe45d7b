package io.github.luciajooq;

import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.http.RequestHeaders;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.token.SessionHandle;
import io.github.luciajooq.token.SessionToken;
import io.github.luciajooq.token.TokenStorage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Lucia's policy, apart from any adapter: tokens and how they are stored, expiry, renewal, and the session cookie.
 * {@link Lucia} and {@link AsyncLucia} differ only in how they call their adapter. Immutable.
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
    private final TokenStorage tokenStorage;
    private final SecureRandom random;
    private final String sessionCookieName;
    private final Cookie.Attributes cookieAttributes;

    SessionPolicy(Duration sessionLifetime, Duration renewalThreshold, Clock clock, TokenStorage tokenStorage,
            SecureRandom random, String sessionCookieName, Cookie.Attributes cookieAttributes) {
        this.sessionLifetime = sessionLifetime;
        this.renewalThreshold = renewalThreshold;
        this.clock = clock;
        this.tokenStorage = tokenStorage;
        this.random = random;
        this.sessionCookieName = sessionCookieName;
        this.cookieAttributes = cookieAttributes;
    }

    /** A new token, from the configured generator. */
    SessionToken newToken() {
        return SessionToken.generate(random);
    }

    /** What the session table's id column holds for this token. */
    String key(SessionToken token) {
        return tokenStorage.storageKey(token);
    }

    /** "Now", by the configured clock. */
    Instant now() {
        return clock.instant();
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

    /** The session just stored for this token, fresh. */
    <I, S> NewSession<I, S> created(SessionToken token, DatabaseSession<I, S> stored) {
        return new NewSession<>(token, new Session<>(tokenStorage.handle(stored.id()), stored.userId(),
                stored.expiresAt(), true, stored.attributes()));
    }

    /** The valid session and user that a validation returns. */
    <I, U, S> SessionAndUser<I, U, S> validated(DatabaseSessionAndUser<I, U, S> found, Decision decision) {
        DatabaseSession<I, S> stored = found.session();
        return new SessionAndUser<>(
                new Session<>(tokenStorage.handle(stored.id()), stored.userId(), decision.expiresAt(),
                        decision.outcome() == Outcome.RENEW, stored.attributes()),
                new User<>(found.user().id(), found.user().attributes()));
    }

    /** A stored session as the application sees it, not fresh. */
    <I, S> Session<I, S> listed(DatabaseSession<I, S> stored) {
        return new Session<>(tokenStorage.handle(stored.id()), stored.userId(), stored.expiresAt(), false,
                stored.attributes());
    }

    /** Whether this stored session is the one this handle names. */
    boolean isNamedBy(DatabaseSession<?, ?> stored, SessionHandle handle) {
        return tokenStorage.handle(stored.id()).equals(handle);
    }

    String sessionCookieName() {
        return sessionCookieName;
    }

    Cookie sessionCookie(SessionToken token) {
        return new Cookie(sessionCookieName, token.value(), cookieAttributes);
    }

    Cookie blankSessionCookie() {
        return new Cookie(sessionCookieName, "", cookieAttributes.withMaxAge(Duration.ZERO));
    }

    /** The first value of the session cookie that is a well-formed token. */
    Optional<SessionToken> readSessionCookie(String cookieHeader) {
        for (String value : RequestHeaders.cookieValues(cookieHeader, sessionCookieName)) {
            Optional<SessionToken> token = SessionToken.parse(value);
            if (token.isPresent()) {
                return token;
            }
        }
        return Optional.empty();
    }
}
