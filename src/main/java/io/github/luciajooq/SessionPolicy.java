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

    /**
     * The settings of OWASP ASVS 5.0 V7 beyond Lucia's.
     *
     * @param absoluteLifetime how long after authentication a session ends whatever its use, or {@code null}
     * @param maxSessionsPerUser the most live sessions a user may have, or 0 for no limit
     * @param atLimit what creating one more does
     */
    record Limits(Duration absoluteLifetime, int maxSessionsPerUser, AtSessionLimit atLimit) {

        static final Limits NONE = new Limits(null, 0, AtSessionLimit.REFUSE_NEW);
    }

    /**
     * A rotation about to be written: the session's new token and what it keeps.
     *
     * @param token the new token
     * @param key what the session table's id column holds for it
     * @param expiresAt the expiry after rotation
     * @param authenticatedAt the new authentication time to write, or {@code null} to keep the stored one
     * @param session the session as the application sees it afterwards, fresh
     */
    record Rotation<I, S>(SessionToken token, String key, Instant expiresAt, Instant authenticatedAt,
            NewSession<I, S> session) {}

    private final Duration sessionLifetime;
    private final Duration renewalThreshold;
    private final Clock clock;
    private final TokenStorage tokenStorage;
    private final SecureRandom random;
    private final String sessionCookieName;
    private final Cookie.Attributes cookieAttributes;
    private final Limits limits;

    SessionPolicy(Duration sessionLifetime, Duration renewalThreshold, Clock clock, TokenStorage tokenStorage,
            SecureRandom random, String sessionCookieName, Cookie.Attributes cookieAttributes, Limits limits) {
        this.sessionLifetime = sessionLifetime;
        this.renewalThreshold = renewalThreshold;
        this.clock = clock;
        this.tokenStorage = tokenStorage;
        this.random = random;
        this.sessionCookieName = sessionCookieName;
        this.cookieAttributes = cookieAttributes;
        this.limits = limits;
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

    /** "Now" as a session stores it: to the millisecond, so that it reads back exactly. */
    Instant storedNow() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new session of this user, authenticated now, with the expiry that goes with it. */
    <I, S> DatabaseSession<I, S> newSession(String key, I userId, S attributes) {
        Instant now = storedNow();
        return new DatabaseSession<>(key, userId, expiry(now, now), attributes, now);
    }

    /**
     * The expiry of a session created or renewed at {@code now}: now plus the lifetime, but never past the absolute
     * lifetime from {@code authenticatedAt} (when that is known), to the millisecond.
     */
    private Instant expiry(Instant now, Instant authenticatedAt) {
        Instant expiresAt = now.plus(sessionLifetime);
        if (limits.absoluteLifetime() != null && authenticatedAt != null) {
            Instant end = authenticatedAt.plus(limits.absoluteLifetime());
            expiresAt = end.isBefore(expiresAt) ? end : expiresAt;
        }
        return expiresAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The sessions still valid now (before their expiry, within the absolute lifetime) as listed: handles, never
     * tokens. The clock is read once for the whole list.
     */
    <I, S> List<Session<I, S>> listed(List<DatabaseSession<I, S>> stored) {
        Instant now = clock.instant();
        List<Session<I, S>> sessions = new ArrayList<>(stored.size());
        for (DatabaseSession<I, S> session : stored) {
            if (now.isBefore(session.expiresAt()) && withinAbsoluteLifetime(session.authenticatedAt(), now)) {
                sessions.add(listed(session));
            }
        }
        return sessions;
    }

    /** Whether a session authenticated then is within the absolute lifetime now; unknown is not, when there is one. */
    private boolean withinAbsoluteLifetime(Instant authenticatedAt, Instant now) {
        return limits.absoluteLifetime() == null
                || authenticatedAt != null && now.isBefore(authenticatedAt.plus(limits.absoluteLifetime()));
    }

    /**
     * What validating this stored session does now: refuse it at or after its expiry (the inactivity timeout) or
     * the end of its absolute lifetime; else write nothing while more than the renewal threshold is left, or when a
     * renewal would not move the expiry (the absolute lifetime caps it); else renew it.
     */
    Decision decide(DatabaseSession<?, ?> stored) {
        Instant now = clock.instant();
        Instant expiresAt = stored.expiresAt();
        if (!now.isBefore(expiresAt) || !withinAbsoluteLifetime(stored.authenticatedAt(), now)) {
            return new Decision(Outcome.EXPIRED, expiresAt);
        }
        if (now.isBefore(expiresAt.minus(renewalThreshold))) {
            return new Decision(Outcome.VALID, expiresAt);
        }
        Instant renewed = expiry(now, stored.authenticatedAt());
        if (!renewed.isAfter(expiresAt)) {
            return new Decision(Outcome.VALID, expiresAt);
        }
        return new Decision(Outcome.RENEW, renewed);
    }

    /** The limit of live sessions per user, or 0 when there is none. */
    int maxSessionsPerUser() {
        return limits.maxSessionsPerUser();
    }

    /** Whether the user's sessions that expire first end when a new one would pass the limit. */
    boolean endOldest() {
        return limits.atLimit() == AtSessionLimit.END_OLDEST;
    }

    /** The refusal of a session over the limit. */
    SessionStoreException limitReached(Object userId) {
        return new SessionStoreException(SessionStoreException.Reason.SESSION_LIMIT_REACHED, "user "
                + io.github.luciajooq.internal.Names.quote(String.valueOf(userId)) + " already has "
                + limits.maxSessionsPerUser() + " sessions, the most allowed (maxSessionsPerUser)", null);
    }

    /**
     * The rotation of this valid stored session to a new token: its user, attributes and authentication time kept,
     * or, when re-authenticated, the authentication time now; the expiry a full lifetime from now, capped by the
     * absolute lifetime.
     */
    <I, S> Rotation<I, S> rotation(DatabaseSession<I, S> stored, boolean reauthenticated) {
        Instant now = storedNow();
        Instant authenticatedAt = reauthenticated ? now : stored.authenticatedAt();
        SessionToken token = newToken();
        String key = key(token);
        Instant expiresAt = expiry(now, authenticatedAt);
        Session<I, S> session = new Session<>(tokenStorage.handle(key), stored.userId(), expiresAt, true,
                stored.attributes(), authenticatedAt);
        return new Rotation<>(token, key, expiresAt, reauthenticated ? now : null, new NewSession<>(token, session));
    }

    /** Whether the user authenticated in this session less than this long ago; {@code false} when unknown. */
    boolean authenticatedWithin(Session<?, ?> session, Duration duration) {
        Instant authenticatedAt = session.authenticatedAt();
        return authenticatedAt != null && clock.instant().isBefore(authenticatedAt.plus(duration));
    }

    /** The session just stored for this token, fresh. */
    <I, S> NewSession<I, S> created(SessionToken token, DatabaseSession<I, S> stored) {
        return new NewSession<>(token, new Session<>(tokenStorage.handle(stored.id()), stored.userId(),
                stored.expiresAt(), true, stored.attributes(), stored.authenticatedAt()));
    }

    /** The valid session and user that a validation returns. */
    <I, U, S> SessionAndUser<I, U, S> validated(DatabaseSessionAndUser<I, U, S> found, Decision decision) {
        DatabaseSession<I, S> stored = found.session();
        return new SessionAndUser<>(
                new Session<>(tokenStorage.handle(stored.id()), stored.userId(), decision.expiresAt(),
                        decision.outcome() == Outcome.RENEW, stored.attributes(), stored.authenticatedAt()),
                new User<>(found.user().id(), found.user().attributes()));
    }

    /** A stored session as the application sees it, not fresh. */
    <I, S> Session<I, S> listed(DatabaseSession<I, S> stored) {
        return new Session<>(tokenStorage.handle(stored.id()), stored.userId(), stored.expiresAt(), false,
                stored.attributes(), stored.authenticatedAt());
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
            // Renewed: by a whole lifetime, unless the absolute lifetime ends the session sooner.
            cookie = Optional.of(limits.absoluteLifetime() == null ? sessionCookie(token)
                    : sessionCookie(token, session.expiresAt()));
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
