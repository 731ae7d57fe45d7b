package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.token.SessionHandle;
import io.github.luciajooq.token.SessionToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session manager: Lucia v3's {@code Lucia} class for Java. It creates sessions, validates them with sliding
 * renewal, invalidates them, and reads and writes the session cookie, on any {@link Adapter}.
 * {@link AsyncLucia} does the same on an {@link io.github.luciajooq.spi.AsyncAdapter}, without blocking.
 *
 * <h2>Tokens</h2>
 * {@link #createSession(Object, Object)} returns the session's {@link SessionToken} once, for the application to
 * send to the client; by default the store keeps only its SHA-256 ({@link Builder#tokenStorage}). Everything else
 * names a session by its {@link SessionHandle}, which is not a credential.
 *
 * <h2>Policy</h2>
 * A session lives for the {@linkplain Builder#sessionLifetime(Duration) session lifetime} (30 days by default).
 * When it is validated with no more than the {@linkplain Builder#renewalThreshold(Duration) renewal threshold}
 * left (half the lifetime by default), its expiry is extended to now plus the lifetime and it comes back
 * {@linkplain Session#fresh() fresh}; a session validated at or after its expiry is deleted. Expiries are at
 * millisecond precision, so a session reads back exactly as it was created. "Now" is the
 * {@linkplain Builder#clock(java.time.Clock) clock}'s, for validation and clean-up alike.
 *
 * <h2>Contract</h2>
 * A {@code null} argument throws {@link NullPointerException} and a blank user id {@link IllegalArgumentException},
 * both naming the argument, before the adapter is called; what a client sends never makes a method throw. Errors of
 * the adapter (a {@link SessionStoreException}, a database's exception) pass through. Instances are immutable and
 * thread-safe: build one per application.
 *
 * @param <I> the type of user ids, as the adapter's user table has them
 * @param <U> the type of user attributes: a map by column name, or the application's jOOQ record
 * @param <S> the type of session attributes, likewise
 */
public final class Lucia<I, U, S> extends AbstractSessionManager {

    private final Adapter<I, U, S> adapter;

    private Lucia(Adapter<I, U, S> adapter, SessionPolicy policy) {
        super(policy);
        this.adapter = adapter;
    }

    /**
     * A session manager with this one's settings (policy, cookie, token storage, clock) on another adapter: for this
     * one's adapter bound to a transaction, {@code lucia.withAdapter(adapter.in(trx))}. Costs one object; this one is unchanged.
     */
    public Lucia<I, U, S> withAdapter(Adapter<I, U, S> adapter) {
        return new Lucia<>(Arguments.requireNonNull(adapter, "adapter"), policy);
    }

    /** A builder with Lucia's defaults, on this adapter. */
    public static <I, U, S> Builder<I, U, S> builder(Adapter<I, U, S> adapter) {
        return new Builder<>(Arguments.requireNonNull(adapter, "adapter"));
    }

    /**
     * Creates a session with a new token for this user, with these attributes written to the session table's
     * columns.
     *
     * @return the session, {@linkplain Session#fresh() fresh}, and its token: the only time the token is returned
     * @throws SessionStoreException when the adapter refuses it (unknown user, unknown attribute); nothing is
     *     stored then
     */
    public NewSession<I, S> createSession(I userId, S attributes) {
        return createSession(userId, attributes, policy.newToken());
    }

    /**
     * Creates a session with the given token: for an application that makes its own. The token is a credential: it
     * must be unguessable.
     *
     * @see #createSession(Object, Object)
     */
    public NewSession<I, S> createSession(I userId, S attributes, SessionToken token) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireNonNull(attributes, "attributes");
        Arguments.requireNonNull(token, "token");
        DatabaseSession<I, S> stored = new DatabaseSession<>(policy.key(token), userId, policy.newExpiry(), attributes);
        adapter.setSession(stored);
        return policy.created(token, stored);
    }

    /**
     * The session of this token and its user, when the session is valid. One adapter call, plus one write when the
     * session is renewed or found expired.
     *
     * @return empty when no session has this token, when the session has expired (it is deleted then), or when it
     *     was invalidated while this call renewed it; the session is {@linkplain Session#fresh() fresh} when this
     *     call extended its expiry: send the client a new cookie then
     */
    public Optional<SessionAndUser<I, U, S>> validateSession(SessionToken token) {
        Arguments.requireNonNull(token, "token");
        String key = policy.key(token);
        Optional<DatabaseSessionAndUser<I, U, S>> found = adapter.getSessionAndUser(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionPolicy.Decision decision = policy.decide(found.get().session().expiresAt());
        switch (decision.outcome()) {
            case EXPIRED:
                adapter.deleteSession(key);
                return Optional.empty();
            case RENEW:
                if (!adapter.updateSessionExpiration(key, decision.expiresAt())) {
                    // Invalidated by another request since it was read: never hand it out again.
                    return Optional.empty();
                }
                break;
            case VALID:
            default:
                break;
        }
        return Optional.of(policy.validated(found.get(), decision));
    }

    /**
     * Lucia's request cycle for a cookie, framework-neutral: the session of a request's session cookie, and the
     * {@code Set-Cookie} to answer with. Each distinct well-formed token among the request's session cookies is
     * tried in the order sent, up to three, until one is a valid session: a cookie a sibling subdomain planted next to
     * the real one does not hide it (a {@code __Host-} cookie name keeps such cookies out altogether). The answer's
     * cookie is:
     * <ul>
     * <li>the session cookie again when the session was renewed ({@linkplain Session#fresh() fresh});</li>
     * <li>the session cookie again, its {@code Max-Age} the time the session has left, when the request is a
     * {@code navigation} and the browser may still hold a cookie that expires earlier than the session (the response
     * that renewed the session was lost: aborted, reset, an error page): the cookie's expiry catches up on the next
     * page the user opens. That is only while the session was renewed less than the renewal threshold ago, and never
     * when the cookie is set not to expire;</li>
     * <li>the blank cookie when the request had a session cookie and none was valid, and every one was tried: the
     * blank cookie never removes a cookie that was not tried;</li>
     * <li>nothing otherwise.</li>
     * </ul>
     * As many adapter calls as {@link #validateSession} per token tried; none without a well-formed token.
     *
     * @param cookieHeader the request's {@code Cookie} header (several joined with {@code "; "}), or {@code null}
     * @param navigation whether the request loads a page ({@link io.github.luciajooq.http.RequestHeaders#isNavigation})
     */
    public CookieSession<I, U, S> validateSessionCookies(String cookieHeader, boolean navigation) {
        SessionPolicy.Candidates candidates = policy.candidates(cookieHeader);
        for (SessionToken token : candidates.tokens()) {
            Optional<SessionAndUser<I, U, S>> found = validateSession(token);
            if (found.isPresent()) {
                return policy.valid(token, found.get(), navigation);
            }
        }
        return policy.noneValid(candidates);
    }

    /** The user's sessions that have not expired, none of them fresh, in no particular order. */
    public List<Session<I, S>> getUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        List<Session<I, S>> sessions = new ArrayList<>();
        for (DatabaseSession<I, S> stored : adapter.getUserSessions(userId)) {
            if (policy.isLive(stored.expiresAt())) {
                sessions.add(policy.listed(stored));
            }
        }
        return sessions;
    }

    /** Deletes the session of this token (signing out); does nothing when there is none. */
    public void invalidateSession(SessionToken token) {
        Arguments.requireNonNull(token, "token");
        adapter.deleteSession(policy.key(token));
    }

    /**
     * Deletes the session this handle names, if it is this user's: "sign out that device". Two adapter calls: the
     * user's sessions are read, so that a handle of another user's session revokes nothing.
     *
     * @return {@code true} when this user had a session of that handle (expired or not), now deleted;
     *         {@code false} when nothing was deleted: the handle names another user's session, one already deleted,
     *         or none
     */
    public boolean invalidateSession(I userId, SessionHandle handle) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireNonNull(handle, "handle");
        for (DatabaseSession<I, S> stored : adapter.getUserSessions(userId)) {
            if (policy.isNamedBy(stored, handle)) {
                adapter.deleteSession(stored.id());
                return true;
            }
        }
        return false;
    }

    /** Deletes every session of this user (signing out everywhere). */
    public void invalidateUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        adapter.deleteUserSessions(userId);
    }

    /**
     * Deletes every expired session, "now" being this session manager's clock.
     *
     * @return how many were deleted
     */
    public long deleteExpiredSessions() {
        return adapter.deleteExpiredSessions(policy.now());
    }

    /**
     * Configures a {@link Lucia}: every setting has Lucia's default, tokens are stored hashed. Not thread-safe.
     *
     * @param <I> the type of user ids
     * @param <U> the type of user attributes
     * @param <S> the type of session attributes
     */
    public static final class Builder<I, U, S> extends SessionManagerBuilder<Builder<I, U, S>> {

        private final Adapter<I, U, S> adapter;

        private Builder(Adapter<I, U, S> adapter) {
            this.adapter = adapter;
        }

        /**
         * @throws IllegalArgumentException when a setting is invalid or the settings contradict each other; the
         *     message names which
         */
        public Lucia<I, U, S> build() {
            return new Lucia<>(adapter, policy());
        }
    }
}
