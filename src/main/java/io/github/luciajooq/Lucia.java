package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session manager: Lucia v3's {@code Lucia} class for Java. It creates sessions, validates them with sliding
 * renewal, invalidates them, and reads and writes the session cookie, on any {@link Adapter}.
 * {@link AsyncLucia} does the same on an {@link AsyncAdapter}, without blocking.
 *
 * <h2>Policy</h2>
 * A session lives for the {@linkplain Builder#sessionLifetime(Duration) session lifetime} (30 days by default).
 * When it is validated with no more than the {@linkplain Builder#renewalThreshold(Duration) renewal threshold}
 * left (half the lifetime by default), its expiry is extended to now plus the lifetime and it comes back
 * {@linkplain Session#fresh() fresh}; a session validated at or after its expiry is deleted. Expiries are at
 * millisecond precision, so a session reads back exactly as it was created. "Now" is the
 * {@linkplain Builder#clock(java.time.Clock) clock}'s.
 *
 * <h2>Contract</h2>
 * A {@code null} argument throws {@link NullPointerException} and a blank id {@link IllegalArgumentException},
 * both naming the argument, before the adapter is called; methods that read request headers never throw on what
 * a client sent. Errors of the adapter (a {@link SessionStoreException}, a database's exception) pass through.
 * Instances are immutable and thread-safe: build one per application.
 */
public final class Lucia extends AbstractSessionManager {

    private final Adapter adapter;

    private Lucia(Adapter adapter, SessionPolicy policy) {
        super(policy);
        this.adapter = adapter;
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
     * it must be unguessable, and it must be well-formed: 1 to 255 characters of {@code A-Z a-z 0-9 - . _ ~ + /}
     * followed by optional {@code =} padding (an RFC 6750 {@code b64token}, safe in cookies and headers).
     *
     * @throws IllegalArgumentException when the id is not well-formed; the message does not repeat it
     * @see #createSession(String, Map)
     */
    public Session createSession(String userId, Map<String, Object> attributes, String sessionId) {
        Arguments.requireId(userId, "userId");
        Arguments.requireNonNull(attributes, "attributes");
        SessionIds.requireWellFormed(sessionId, "sessionId");
        DatabaseSession stored = new DatabaseSession(
                SessionIds.storageKey(sessionId), userId, policy.newExpiry(), attributes);
        adapter.setSession(stored);
        return new Session(sessionId, userId, stored.expiresAt(), true, stored.attributes());
    }

    /**
     * The session with this id and its user, when the session is valid. One adapter call, plus one write when
     * the session is renewed or found expired. The id may come straight from a client: whatever it holds, the
     * answer is a session or empty, never an exception.
     *
     * @return empty when the id is not well-formed or no session has it, when the session has expired (it is
     *     deleted then), or when it was invalidated while this call renewed it; the session is
     *     {@linkplain Session#fresh() fresh} when this call extended its expiry
     * @throws NullPointerException when the id is {@code null}
     */
    public Optional<SessionAndUser> validateSession(String sessionId) {
        Arguments.requireNonNull(sessionId, "sessionId");
        if (!SessionIds.isWellFormed(sessionId)) {
            return Optional.empty();
        }
        String key = SessionIds.storageKey(sessionId);
        Optional<DatabaseSessionAndUser> found = adapter.getSessionAndUser(key);
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
        return Optional.of(SessionPolicy.validated(sessionId, found.get(), decision));
    }

    /** The user's sessions that have not expired, none of them fresh, in no particular order. */
    public List<Session> getUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        List<Session> sessions = new ArrayList<>();
        for (DatabaseSession stored : adapter.getUserSessions(userId)) {
            if (policy.isLive(stored.expiresAt())) {
                sessions.add(SessionPolicy.listed(stored));
            }
        }
        return sessions;
    }

    /**
     * Deletes the session with this id (signing out); does nothing when there is none or the id is not
     * well-formed, so that it may come straight from a client.
     *
     * @throws NullPointerException when the id is {@code null}
     */
    public void invalidateSession(String sessionId) {
        Arguments.requireNonNull(sessionId, "sessionId");
        if (SessionIds.isWellFormed(sessionId)) {
            adapter.deleteSession(SessionIds.storageKey(sessionId));
        }
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

    /** Configures a {@link Lucia}: every setting has Lucia's default. Not thread-safe. */
    public static final class Builder extends SessionManagerBuilder<Builder> {

        private final Adapter adapter;

        private Builder(Adapter adapter) {
            this.adapter = adapter;
        }

        /**
         * @throws IllegalArgumentException when a setting is invalid or the settings contradict each other; the
         *     message names which
         */
        public Lucia build() {
            return new Lucia(adapter, policy());
        }
    }
}
