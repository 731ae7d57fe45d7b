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

    /** How long a session lives after it is created or renewed: 30 days by default, at least a second. */
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
        Duration threshold = renewalThreshold != null ? renewalThreshold : sessionLifetime.dividedBy(2);
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
                new Cookie.Attributes(secure, true, sameSite, path, domain, cookieMaxAge));
    }
}
