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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lucia's policy, apart from any adapter: tokens and how they are stored, expiry, renewal, and the session cookie.
 * {@link Lucia} and {@link AsyncLucia} differ only in how they call their adapter. Immutable.
 */
final class SessionPolicy {

    /** Lucia's cookie lifetime when the session cookie is not set to expire: 400 days, browsers' limit. */
    static final Duration NON_EXPIRING_COOKIE_MAX_AGE = Duration.ofDays(400);

    /**
     * How many of a request's session cookies are tried, at most: enough for the cookies a sibling subdomain or a
     * narrower path may plant next to the real one, few enough that a request cannot make many lookups.
     */
    static final int MAX_COOKIE_CANDIDATES = 3;

    /**
     * The session cookies of a request.
     *
     * @param tokens the distinct well-formed tokens to try, in the order sent, at most {@link #MAX_COOKIE_CANDIDATES}
     * @param present whether the request has a cookie of the session cookie's name at all
     * @param untried whether it has more well-formed tokens than are tried
     */
    record Candidates(List<SessionToken> tokens, boolean present, boolean untried) {}

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

    /** The session cookie with a {@code Max-Age} of the time this session has left (when it expires with it). */
    Cookie sessionCookie(SessionToken token, Instant expiresAt) {
        if (cookieAttributes.maxAge().equals(NON_EXPIRING_COOKIE_MAX_AGE)) {
            return sessionCookie(token);
        }
        long left = Math.max(0, Duration.between(clock.instant(), expiresAt).getSeconds());
        return new Cookie(sessionCookieName, token.value(), cookieAttributes.withMaxAge(Duration.ofSeconds(left)));
    }

    /** The request's session cookies to try, and whether it has any. */
    Candidates candidates(String cookieHeader) {
        List<SessionToken> tokens = new ArrayList<>(1);
        boolean untried = false;
        for (String value : RequestHeaders.cookieValues(cookieHeader, sessionCookieName)) {
            Optional<SessionToken> token = SessionToken.parse(value);
            if (token.isEmpty() || tokens.contains(token.get())) {
                continue;
            }
            if (tokens.size() == MAX_COOKIE_CANDIDATES) {
                untried = true;
                break;
            }
            tokens.add(token.get());
        }
        return new Candidates(List.copyOf(tokens), RequestHeaders.hasCookie(cookieHeader, sessionCookieName), untried);
    }

    /**
     * A request whose session cookie held a valid session: the cookie again when the session was renewed, or when a
     * browser's cookie may lag behind the session's expiry and the request is a navigation.
     * <p>
     * The cookie's expiry lags when the response that renewed the session never arrived. The session was renewed at
     * some time r with at most the renewal threshold T left, so the browser's older cookie expires by r + T; a
     * session with at least lifetime - T left was renewed (or created) less than T ago, and only then can the
     * browser still hold a lagging cookie. Outside that window the cookie the browser presents is the newest.
     */
    <I, U, S> CookieSession<I, U, S> valid(SessionToken token, SessionAndUser<I, U, S> found, boolean navigation) {
        Session<I, S> session = found.session();
        Optional<Cookie> cookie = Optional.empty();
        if (session.fresh()) {
            cookie = Optional.of(sessionCookie(token));
        } else if (navigation && mayLag(session.expiresAt())) {
            cookie = Optional.of(sessionCookie(token, session.expiresAt()));
        }
        return new CookieSession<>(Optional.of(found), Optional.of(token), cookie);
    }

    private boolean mayLag(Instant expiresAt) {
        return !cookieAttributes.maxAge().equals(NON_EXPIRING_COOKIE_MAX_AGE) && !renewalThreshold.isZero()
                && !Duration.between(clock.instant(), expiresAt).minus(sessionLifetime.minus(renewalThreshold))
                        .isNegative();
    }

    /**
     * A request none of whose tried session cookies held a valid session: the blank cookie when it had one and every
     * one was tried, so that the blank cookie never removes a cookie that was not tried.
     */
    <I, U, S> CookieSession<I, U, S> noneValid(Candidates candidates) {
        Optional<Cookie> cookie = candidates.present() && !candidates.untried()
                ? Optional.of(blankSessionCookie())
                : Optional.empty();
        return new CookieSession<>(Optional.empty(), Optional.empty(), cookie);
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
