package io.github.luciajooq;

import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.http.SameSite;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.Randomness;
import io.github.luciajooq.token.TokenStorage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * The settings {@link Lucia.Builder} and {@link AsyncLucia.Builder} share, with Lucia's defaults; they are checked
 * together when the session manager is built. Public so that code can configure either kind of session manager
 * alike (a test kit, a framework's properties); sealed: only those two builders extend it. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract sealed class SessionManagerBuilder<B extends SessionManagerBuilder<B>>
        permits Lucia.Builder, AsyncLucia.Builder {

    private Duration sessionLifetime = Duration.ofDays(30);
    private Duration renewalThreshold;
    private Duration renewalInterval;
    private Duration absoluteLifetime;
    private int maxSessionsPerUser;
    private AtSessionLimit atSessionLimit = AtSessionLimit.REFUSE_NEW;
    private Clock clock = Clock.systemUTC();
    private TokenStorage tokenStorage = TokenStorage.HASHED;
    private SecureRandom secureRandom;
    private String sessionCookieName = "auth_session";
    private boolean sessionCookieExpires = true;
    private boolean secure = true;
    private SameSite sameSite = SameSite.LAX;
    private String path = "/";
    private String domain;

    SessionManagerBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The inactivity timeout (OWASP ASVS 5.0 V7.3.1): how long a session lives after it is created or renewed, 30
     * days by default, at least a second. A session unused for this long is refused and deleted; one in use is
     * renewed (see {@link #renewalThreshold}, {@link #renewalInterval}), so that it ends between this lifetime minus
     * the renewal interval and this lifetime after its last use.
     */
    public B sessionLifetime(Duration sessionLifetime) {
        this.sessionLifetime = Arguments.requireNonNull(sessionLifetime, "sessionLifetime");
        return self();
    }

    /**
     * Renew a session validated with no more than this left: half the session lifetime by default, as in
     * Lucia; {@link Duration#ZERO} never renews; the lifetime itself renews on every validation.
     */
    public B renewalThreshold(Duration renewalThreshold) {
        this.renewalThreshold = Arguments.requireNonNull(renewalThreshold, "renewalThreshold");
        return self();
    }

    /**
     * How often, at most, validation writes: a session's expiry is extended when at least this long has passed since
     * it was last extended (or created), on the first validation after that, and never otherwise. Another way to say
     * {@link #renewalThreshold}: the threshold is the {@link #sessionLifetime} minus this interval. By default half the
     * session lifetime (15 days). Lucia's current guidance writes "last verified" at most hourly:
     * {@code renewalInterval(Duration.ofHours(1))}, so that validation stays read-only almost always. At most the
     * session lifetime; set this or {@code renewalThreshold}, not both.
     */
    public B renewalInterval(Duration renewalInterval) {
        this.renewalInterval = Arguments.requireNonNull(renewalInterval, "renewalInterval");
        return self();
    }

    /**
     * The absolute session lifetime (OWASP ASVS 5.0 V7.3.2): a session ends this long after the user authenticated in
     * it (signed in, or {@linkplain Lucia#reauthenticated re-authenticated}), however active it is; the user signs in
     * again. None by default (only the inactivity timeout applies); at least a second (when shorter than the
     * {@link #sessionLifetime}, it is the one that ends every session). Expiries are never extended past it, so the session table's expiry and
     * {@code deleteExpiredSessions} honour it too.
     * <p>
     * It needs the session table's authentication time ({@code authenticated_at}, lucia-jooq's changeset 5;
     * {@link io.github.luciajooq.postgresql.GeneratedTables#withAuthenticatedAt},
     * {@link io.github.luciajooq.postgresql.NamedTables#withAuthenticatedAt()}): a session whose adapter does not
     * report one is refused, as it cannot be shown to be within the limit.
     */
    public B absoluteLifetime(Duration absoluteLifetime) {
        this.absoluteLifetime = Arguments.requireNonNull(absoluteLifetime, "absoluteLifetime");
        return self();
    }

    /**
     * A limit of concurrent sessions per user (OWASP ASVS 5.0 V7.1.2), enforced when a session is created: none by
     * default. At the limit, {@code atLimit} says whether the new session is refused or the user's sessions that
     * expire first are ended. Only live sessions count. It needs an adapter that implements
     * {@link io.github.luciajooq.spi.Adapter#setSessionWithinLimit} (lucia-jooq's do), which serialises the
     * creations of one user's sessions: 16 concurrent sign-ins of one user never leave more than {@code limit}.
     *
     * @param limit at least 1
     */
    public B maxSessionsPerUser(int limit, AtSessionLimit atLimit) {
        Arguments.requireLimit(limit, "limit");
        this.atSessionLimit = Arguments.requireNonNull(atLimit, "atLimit");
        this.maxSessionsPerUser = limit;
        return self();
    }

    /** Where "now" comes from: the system UTC clock by default. */
    public B clock(Clock clock) {
        this.clock = Arguments.requireNonNull(clock, "clock");
        return self();
    }

    /**
     * How the session table keeps tokens: {@link TokenStorage#HASHED} by default, the SHA-256 of each token, so that
     * reading the table reveals no token. {@link TokenStorage#PLAIN} stores tokens as Lucia v3 does: choose it only
     * to share the tables with an application that still runs Lucia v3.
     */
    public B tokenStorage(TokenStorage tokenStorage) {
        this.tokenStorage = Arguments.requireNonNull(tokenStorage, "tokenStorage");
        return self();
    }

    /**
     * Where new tokens' randomness comes from: by default lucia-jooq's shared 256-bit DRBG, seeded once when the
     * first session manager is built and never blocking after that (see {@link io.github.luciajooq.token.Ids}).
     * An application's own generator must be thread-safe, and must not block if the non-blocking session manager
     * creates sessions on an event loop (the platform default on Linux reads {@code /dev/urandom} on every call).
     */
    public B secureRandom(SecureRandom secureRandom) {
        this.secureRandom = Arguments.requireNonNull(secureRandom, "secureRandom");
        return self();
    }

    /** The session cookie's name: {@code auth_session} by default. */
    public B sessionCookieName(String sessionCookieName) {
        this.sessionCookieName = Arguments.requireNonNull(sessionCookieName, "sessionCookieName");
        return self();
    }

    /**
     * Whether the session cookie expires with the session ({@code true}, the default) or is kept for 400 days
     * (Lucia's {@code expires: false}), for sessions renewed on every visit.
     */
    public B sessionCookieExpires(boolean sessionCookieExpires) {
        this.sessionCookieExpires = sessionCookieExpires;
        return self();
    }

    /** The cookie's {@code Secure} attribute: on by default. */
    public B secure(boolean secure) {
        this.secure = secure;
        return self();
    }

    /** The cookie's {@code SameSite} attribute: {@link SameSite#LAX} by default. */
    public B sameSite(SameSite sameSite) {
        this.sameSite = Arguments.requireNonNull(sameSite, "sameSite");
        return self();
    }

    /** The cookie's {@code Path}: {@code /} by default. */
    public B path(String path) {
        this.path = Arguments.requireNonNull(path, "path");
        return self();
    }

    /** The cookie's {@code Domain}: none by default, so the cookie goes to the exact host only. */
    public B domain(String domain) {
        this.domain = Arguments.requireNonNull(domain, "domain");
        return self();
    }

    /**
     * The checked policy.
     *
     * @throws IllegalArgumentException when a setting is invalid or the settings contradict each other
     */
    SessionPolicy policy() {
        CookieRules.check(sessionCookieName, secure, sameSite, path, domain);
        if (sessionLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("sessionLifetime must be at least one second, not " + sessionLifetime);
        }
        if (renewalThreshold != null && renewalInterval != null) {
            throw new IllegalArgumentException("renewalThreshold and renewalInterval say the same: set one, not both");
        }
        if (renewalInterval != null && (renewalInterval.isNegative() || renewalInterval.compareTo(sessionLifetime) > 0)) {
            throw new IllegalArgumentException("renewalInterval must lie between zero and the sessionLifetime ("
                    + sessionLifetime + "), not " + renewalInterval);
        }
        if (absoluteLifetime != null && absoluteLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("absoluteLifetime must be at least one second, not " + absoluteLifetime);
        }
        Duration threshold = renewalThreshold != null ? renewalThreshold
                : renewalInterval != null ? sessionLifetime.minus(renewalInterval) : sessionLifetime.dividedBy(2);
        if (threshold.isNegative() || threshold.compareTo(sessionLifetime) > 0) {
            throw new IllegalArgumentException("renewalThreshold must lie between zero and the sessionLifetime ("
                    + sessionLifetime + "), not " + threshold);
        }
        if (secureRandom == null) {
            Randomness.seed();
        }
        Duration cookieMaxAge = sessionCookieExpires
                ? Duration.ofSeconds(sessionLifetime.getSeconds())
                : SessionPolicy.NON_EXPIRING_COOKIE_MAX_AGE;
        return new SessionPolicy(sessionLifetime, threshold, clock, tokenStorage, secureRandom, sessionCookieName,
                new Cookie.Attributes(secure, true, sameSite, path, domain, cookieMaxAge),
                new SessionPolicy.Limits(absoluteLifetime, maxSessionsPerUser, atSessionLimit));
    }
}
