package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.token.SessionHandle;
import io.github.luciajooq.token.SessionToken;
import java.time.Duration;
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
 * <p>
 * Beyond Lucia (OWASP ASVS 5.0 chapter V7): an optional {@linkplain Builder#absoluteLifetime absolute lifetime}
 * counted from when the user authenticated, a bound on how often validation writes
 * ({@linkplain Builder#renewalInterval renewal interval}), an optional
 * {@linkplain Builder#maxSessionsPerUser limit of sessions per user}, {@linkplain #rotateSession rotation},
 * {@linkplain #reauthenticated re-authentication} with {@linkplain #authenticatedWithin a check for sensitive
 * actions}, and {@linkplain #invalidateOtherUserSessions ending a user's other sessions}. Policy stays here, in the
 * session manager: adapters store and fetch.
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
     * The user authenticated now: the session's {@linkplain Session#authenticatedAt() authentication time} is now.
     * With a {@linkplain Builder#maxSessionsPerUser limit of sessions per user}, the limit is enforced here.
     *
     * @return the session, {@linkplain Session#fresh() fresh}, and its token: the only time the token is returned
     * @throws SessionStoreException when the adapter refuses it (unknown user, unknown attribute), or the user has
     *     as many sessions as allowed and the limit refuses new ones ({@code SESSION_LIMIT_REACHED}); nothing is
     *     stored then
     * @throws UnsupportedOperationException when a limit of sessions per user is set and the adapter cannot enforce
     *     it ({@link Adapter#setSessionWithinLimit}); nothing is stored then
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
        DatabaseSession<I, S> stored = policy.newSession(policy.key(token), userId, attributes);
        if (policy.maxSessionsPerUser() == 0) {
            adapter.setSession(stored);
        } else if (!adapter.setSessionWithinLimit(stored, policy.maxSessionsPerUser(), policy.endOldest(),
                policy.now())) {
            throw policy.limitReached(userId);
        }
        return policy.created(token, stored);
    }

    /**
     * The session of this token and its user, when the session is valid. One adapter call, plus one write when the
     * session is renewed or found expired.
     *
     * @return empty when no session has this token, when the session has expired or passed its absolute lifetime
     *     (it is deleted then), or when it was invalidated while this call renewed it; the session is {@linkplain Session#fresh() fresh} when this
     *     call extended its expiry: send the client a new cookie then
     */
    public Optional<SessionAndUser<I, U, S>> validateSession(SessionToken token) {
        Arguments.requireNonNull(token, "token");
        String key = policy.key(token);
        Optional<DatabaseSessionAndUser<I, U, S>> found = adapter.getSessionAndUser(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionPolicy.Decision decision = policy.decide(found.get().session());
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
        return policy.listed(adapter.getUserSessions(userId));
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

    /**
     * Gives the session of this token a new token, ending the old one (OWASP ASVS 5.0 V7.2.4), keeping its user,
     * attributes and authentication time; its expiry is a full session lifetime from now (never past the absolute
     * lifetime). One read and one write, the write atomic: no request ever finds both tokens valid, nor neither
     * once this returns; of two concurrent rotations of one session, one succeeds. Send the new token's cookie.
     *
     * @return the session under its new token, {@linkplain Session#fresh() fresh}; empty when the token's session is
     *     not valid (it is deleted when expired), or was rotated or invalidated meanwhile
     * @throws UnsupportedOperationException when the adapter cannot rotate ({@link Adapter#rotateSession})
     */
    public Optional<NewSession<I, S>> rotateSession(SessionToken token) {
        return rotate(token, false);
    }

    /**
     * Records that the user of this session has just proved who they are again, after the application checked
     * their password (or second factor) once more (ASVS V7.5): the session's authentication time becomes now, which
     * restarts its {@linkplain Builder#absoluteLifetime absolute lifetime} and answers
     * {@link #authenticatedWithin}, and the session is {@linkplain #rotateSession rotated} to a new token
     * (ASVS V7.2.4). A session table without the authentication time column rotates but keeps no time.
     *
     * @return the session under its new token, fresh, authenticated now; empty as {@link #rotateSession}: a session
     *     past its absolute lifetime is not revived, the application creates a new one
     */
    public Optional<NewSession<I, S>> reauthenticated(SessionToken token) {
        return rotate(token, true);
    }

    private Optional<NewSession<I, S>> rotate(SessionToken token, boolean reauthenticated) {
        Arguments.requireNonNull(token, "token");
        String key = policy.key(token);
        Optional<DatabaseSessionAndUser<I, U, S>> found = adapter.getSessionAndUser(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (policy.decide(found.get().session()).outcome() == SessionPolicy.Outcome.EXPIRED) {
            adapter.deleteSession(key);
            return Optional.empty();
        }
        SessionPolicy.Rotation<I, S> rotation = policy.rotation(found.get().session(), reauthenticated);
        if (!adapter.rotateSession(key, rotation.key(), rotation.expiresAt(), rotation.authenticatedAt())) {
            return Optional.empty();
        }
        return Optional.of(rotation.session());
    }

    /**
     * Deletes every session of this user except the one of this token: after a password change (OWASP ASVS 5.0
     * V7.4.1), the user stays signed in here and nowhere else. When the token's session is not this user's, every
     * session of the user is deleted. One adapter call ({@link Adapter#deleteOtherUserSessions}).
     *
     * @return how many sessions were deleted
     */
    public long invalidateOtherUserSessions(I userId, SessionToken current) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireNonNull(current, "current");
        return adapter.deleteOtherUserSessions(userId, policy.key(current));
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
