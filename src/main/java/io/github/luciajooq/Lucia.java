package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session manager: Lucia v3's {@code Lucia} class for Java. It creates sessions, validates them with sliding
 * renewal, invalidates them, and reads and writes the session cookie, on any {@link Adapter}.
 *
 * <h2>Policy</h2>
 * A session lives for the {@linkplain Builder#sessionLifetime(Duration) session lifetime} (30 days by default).
 * When it is validated with no more than the {@linkplain Builder#renewalThreshold(Duration) renewal threshold}
 * left (half the lifetime by default), its expiry is extended to now plus the lifetime and it comes back
 * {@linkplain Session#fresh() fresh}; a session validated at or after its expiry is deleted. Expiries are at
 * millisecond precision, so a session reads back exactly as it was created. "Now" is the
 * {@linkplain Builder#clock(Clock) clock}'s.
 *
 * <h2>Contract</h2>
 * A {@code null} argument throws {@link NullPointerException} and a blank id {@link IllegalArgumentException},
 * both naming the argument, before the adapter is called; methods that read request headers never throw on what
 * a client sent. Errors of the adapter (a {@link SessionStoreException}, a database's exception) pass through.
 * Instances are immutable and thread-safe: build one per application.
 */
public final class Lucia {

    /** Lucia's cookie lifetime when the session cookie is not set to expire: 400 days, browsers' limit. */
    static final Duration NON_EXPIRING_COOKIE_MAX_AGE = Duration.ofDays(400);

    private final Adapter adapter;
    private final Duration sessionLifetime;
    private final Duration renewalThreshold;
    private final Clock clock;
    private final String sessionCookieName;
    private final Cookie.Attributes cookieAttributes;

    private Lucia(Builder builder) {
        this.adapter = builder.adapter;
        this.sessionLifetime = builder.sessionLifetime;
        this.renewalThreshold = builder.renewalThreshold != null ? builder.renewalThreshold : sessionLifetime.dividedBy(2);
        this.clock = builder.clock;
        this.sessionCookieName = builder.sessionCookieName;
        this.cookieAttributes = new Cookie.Attributes(builder.secure, true, builder.sameSite, builder.path,
                builder.domain, builder.sessionCookieExpires ? Duration.ofSeconds(sessionLifetime.getSeconds())
                        : NON_EXPIRING_COOKIE_MAX_AGE);
    }

    /** A builder with Lucia's defaults, on this adapter. */
    public static Builder builder(Adapter adapter) {
        return new Builder(Arguments.requireNonNull(adapter, "adapter"));
    }

    /**
     * Creates a session with a new id for this user, with these attributes written to the session table's
     * columns of the same names.
     *
     * @return the session, {@linkplain Session#fresh() fresh}
     * @throws SessionStoreException when the adapter refuses it (unknown user, unknown attribute); nothing is
     *     stored then
     */
    public Session createSession(String userId, Map<String, Object> attributes) {
        return createSession(userId, attributes, SessionIds.generate());
    }

    /**
     * Creates a session with the given id: for an application that makes its own ids. The id is a credential:
     * it must be unguessable.
     *
     * @see #createSession(String, Map)
     */
    public Session createSession(String userId, Map<String, Object> attributes, String sessionId) {
        Arguments.requireId(userId, "userId");
        Arguments.requireNonNull(attributes, "attributes");
        Arguments.requireId(sessionId, "sessionId");
        Instant expiresAt = expiryFrom(clock.instant());
        DatabaseSession stored = new DatabaseSession(SessionIds.storageKey(sessionId), userId, expiresAt, attributes);
        adapter.setSession(stored);
        return new Session(sessionId, userId, expiresAt, true, stored.attributes());
    }

    /**
     * The session with this id and its user, when the session is valid. One adapter call, plus one write when
     * the session is renewed or found expired.
     *
     * @return empty when no session has this id, or it has expired (it is deleted then); the session is
     *     {@linkplain Session#fresh() fresh} when this call extended its expiry
     */
    public Optional<SessionAndUser> validateSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        String key = SessionIds.storageKey(sessionId);
        Optional<DatabaseSessionAndUser> found = adapter.getSessionAndUser(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DatabaseSession stored = found.get().session();
        Instant now = clock.instant();
        if (!now.isBefore(stored.expiresAt())) {
            adapter.deleteSession(key);
            return Optional.empty();
        }
        Instant expiresAt = stored.expiresAt();
        boolean renew = !now.isBefore(expiresAt.minus(renewalThreshold));
        if (renew) {
            expiresAt = expiryFrom(now);
            adapter.updateSessionExpiration(key, expiresAt);
        }
        DatabaseUser user = found.get().user();
        return Optional.of(new SessionAndUser(
                new Session(sessionId, stored.userId(), expiresAt, renew, stored.attributes()),
                new User(user.id(), user.attributes())));
    }

    /** The user's sessions that have not expired, none of them fresh, in no particular order. */
    public List<Session> getUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        Instant now = clock.instant();
        List<Session> sessions = new ArrayList<>();
        for (DatabaseSession stored : adapter.getUserSessions(userId)) {
            if (now.isBefore(stored.expiresAt())) {
                sessions.add(new Session(stored.id(), stored.userId(), stored.expiresAt(), false, stored.attributes()));
            }
        }
        return sessions;
    }

    /** Deletes the session with this id (signing out); does nothing when there is none. */
    public void invalidateSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        adapter.deleteSession(SessionIds.storageKey(sessionId));
    }

    /** Deletes every session of this user (signing out everywhere). */
    public void invalidateUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        adapter.deleteUserSessions(userId);
    }

    /**
     * Deletes every expired session, "now" being the adapter's clock: give the adapter the same clock.
     *
     * @return how many were deleted
     */
    public long deleteExpiredSessions() {
        return adapter.deleteExpiredSessions();
    }

    /**
     * The session id in a {@code Cookie} request header. Cookies are split at {@code ;}; white space around
     * names and values is ignored, a value in double quotes is unquoted and percent-encoding is decoded (UTF-8).
     * When the name appears more than once, the first usable value wins.
     *
     * @param cookieHeader the header's value, or {@code null} when the request has none
     * @return empty when there is no session cookie with a usable value; never throws on a malformed header
     */
    public Optional<String> readSessionCookie(String cookieHeader) {
        return Headers.cookie(cookieHeader, sessionCookieName);
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header (RFC 6750: the scheme in any case, the token
     * a {@code b64token}).
     *
     * @param authorizationHeader the header's value, or {@code null} when the request has none
     * @return empty for any other header; never throws
     */
    public Optional<String> readBearerToken(String authorizationHeader) {
        return Headers.bearerToken(authorizationHeader);
    }

    /**
     * The cookie that carries this session id to the client: {@code HttpOnly}, with the configured attributes
     * and a {@code Max-Age} of the session lifetime (400 days when the cookie is set not to expire).
     */
    public Cookie createSessionCookie(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        return new Cookie(sessionCookieName, sessionId, cookieAttributes);
    }

    /** The cookie that removes the session cookie from the client: an empty value and {@code Max-Age=0}. */
    public Cookie createBlankSessionCookie() {
        return new Cookie(sessionCookieName, "", cookieAttributes.withMaxAge(Duration.ZERO));
    }

    /** The session cookie's name, {@code auth_session} by default. */
    public String sessionCookieName() {
        return sessionCookieName;
    }

    private Instant expiryFrom(Instant now) {
        return now.plus(sessionLifetime).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Configures a {@link Lucia}. Every setting has Lucia's default; {@link #build()} checks them together. Not
     * thread-safe.
     */
    public static final class Builder {

        private final Adapter adapter;
        private Duration sessionLifetime = Duration.ofDays(30);
        private Duration renewalThreshold;
        private Clock clock = Clock.systemUTC();
        private String sessionCookieName = "auth_session";
        private boolean sessionCookieExpires = true;
        private boolean secure = true;
        private SameSite sameSite = SameSite.LAX;
        private String path = "/";
        private String domain;

        private Builder(Adapter adapter) {
            this.adapter = adapter;
        }

        /** How long a session lives after it is created or renewed: 30 days by default, at least a second. */
        public Builder sessionLifetime(Duration sessionLifetime) {
            this.sessionLifetime = Arguments.requireNonNull(sessionLifetime, "sessionLifetime");
            return this;
        }

        /**
         * Renew a session validated with no more than this left: half the session lifetime by default, as in
         * Lucia; {@link Duration#ZERO} never renews; the lifetime itself renews on every validation.
         */
        public Builder renewalThreshold(Duration renewalThreshold) {
            this.renewalThreshold = Arguments.requireNonNull(renewalThreshold, "renewalThreshold");
            return this;
        }

        /** Where "now" comes from: the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Arguments.requireNonNull(clock, "clock");
            return this;
        }

        /** The session cookie's name: {@code auth_session} by default. */
        public Builder sessionCookieName(String sessionCookieName) {
            this.sessionCookieName = Arguments.requireNonNull(sessionCookieName, "sessionCookieName");
            return this;
        }

        /**
         * Whether the session cookie expires with the session ({@code true}, the default) or is kept for 400 days
         * (Lucia's {@code expires: false}), for sessions renewed on every visit.
         */
        public Builder sessionCookieExpires(boolean sessionCookieExpires) {
            this.sessionCookieExpires = sessionCookieExpires;
            return this;
        }

        /** The cookie's {@code Secure} attribute: on by default. */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /** The cookie's {@code SameSite} attribute: {@link SameSite#LAX} by default. */
        public Builder sameSite(SameSite sameSite) {
            this.sameSite = Arguments.requireNonNull(sameSite, "sameSite");
            return this;
        }

        /** The cookie's {@code Path}: {@code /} by default. */
        public Builder path(String path) {
            this.path = Arguments.requireNonNull(path, "path");
            return this;
        }

        /** The cookie's {@code Domain}: none by default, so the cookie goes to the exact host only. */
        public Builder domain(String domain) {
            this.domain = Arguments.requireNonNull(domain, "domain");
            return this;
        }

        /**
         * @throws IllegalArgumentException when a setting is invalid or the settings contradict each other; the
         *     message names which
         */
        public Lucia build() {
            CookieRules.check(sessionCookieName, secure, sameSite, path, domain);
            if (sessionLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("sessionLifetime must be at least one second, not " + sessionLifetime);
            }
            if (renewalThreshold != null
                    && (renewalThreshold.isNegative() || renewalThreshold.compareTo(sessionLifetime) > 0)) {
                throw new IllegalArgumentException("renewalThreshold must lie between zero and the sessionLifetime ("
                        + sessionLifetime + "), not " + renewalThreshold);
            }
            return new Lucia(this);
        }
    }
}
