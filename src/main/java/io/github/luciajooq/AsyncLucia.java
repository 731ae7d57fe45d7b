package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The session manager for non-blocking applications: {@link Lucia}'s operations, with the same policy, defaults
 * and argument checks, on an {@link AsyncAdapter}, each returning a {@link CompletionStage} instead of blocking.
 * Reading headers and writing cookies involve no I/O and stay synchronous.
 * <p>
 * Argument errors are thrown at once; errors of the adapter complete the stage exceptionally. Instances are
 * immutable and thread-safe.
 */
public final class AsyncLucia extends AbstractSessionManager {

    private final AsyncAdapter adapter;

    private AsyncLucia(AsyncAdapter adapter, SessionPolicy policy) {
        super(policy);
        this.adapter = adapter;
    }

    /** A builder with Lucia's defaults, on this adapter. */
    public static Builder builder(AsyncAdapter adapter) {
        return new Builder(Arguments.requireNonNull(adapter, "adapter"));
    }

    /** @see Lucia#createSession(String, Map) */
    public CompletionStage<Session> createSession(String userId, Map<String, Object> attributes) {
        return createSession(userId, attributes, SessionIds.generate());
    }

    /** @see Lucia#createSession(String, Map, String) */
    public CompletionStage<Session> createSession(String userId, Map<String, Object> attributes, String sessionId) {
        Arguments.requireId(userId, "userId");
        Arguments.requireNonNull(attributes, "attributes");
        SessionIds.requireWellFormed(sessionId, "sessionId");
        DatabaseSession stored = new DatabaseSession(
                SessionIds.storageKey(sessionId), userId, policy.newExpiry(), attributes);
        return adapter.setSession(stored)
                .thenApply(written -> new Session(sessionId, userId, stored.expiresAt(), true, stored.attributes()));
    }

    /** @see Lucia#validateSession(String) */
    public CompletionStage<Optional<SessionAndUser>> validateSession(String sessionId) {
        Arguments.requireNonNull(sessionId, "sessionId");
        if (!SessionIds.isWellFormed(sessionId)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String key = SessionIds.storageKey(sessionId);
        return adapter.getSessionAndUser(key).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            SessionPolicy.Decision decision = policy.decide(found.get().session().expiresAt());
            switch (decision.outcome()) {
                case EXPIRED:
                    return adapter.deleteSession(key).thenApply(deleted -> Optional.empty());
                case RENEW:
                    return adapter.updateSessionExpiration(key, decision.expiresAt()).thenApply(renewed -> renewed
                            ? Optional.of(SessionPolicy.validated(sessionId, found.get(), decision))
                            : Optional.empty());
                case VALID:
                default:
                    return CompletableFuture.completedFuture(
                            Optional.of(SessionPolicy.validated(sessionId, found.get(), decision)));
            }
        });
    }

    /** @see Lucia#getUserSessions(String) */
    public CompletionStage<List<Session>> getUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        return adapter.getUserSessions(userId).thenApply(stored -> {
            List<Session> sessions = new ArrayList<>();
            for (DatabaseSession session : stored) {
                if (policy.isLive(session.expiresAt())) {
                    sessions.add(SessionPolicy.listed(session));
                }
            }
            return sessions;
        });
    }

    /** @see Lucia#invalidateSession(String) */
    public CompletionStage<Void> invalidateSession(String sessionId) {
        Arguments.requireNonNull(sessionId, "sessionId");
        if (!SessionIds.isWellFormed(sessionId)) {
            return CompletableFuture.completedFuture(null);
        }
        return adapter.deleteSession(SessionIds.storageKey(sessionId));
    }

    /** @see Lucia#invalidateUserSessions(String) */
    public CompletionStage<Void> invalidateUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        return adapter.deleteUserSessions(userId);
    }

    /** @see Lucia#deleteExpiredSessions() */
    public CompletionStage<Long> deleteExpiredSessions() {
        return adapter.deleteExpiredSessions();
    }

    /** Configures an {@link AsyncLucia}: the settings of {@link Lucia.Builder}. Not thread-safe. */
    public static final class Builder extends SessionManagerBuilder<Builder> {

        private final AsyncAdapter adapter;

        private Builder(AsyncAdapter adapter) {
            this.adapter = adapter;
        }

        /** @throws IllegalArgumentException when a setting is invalid or the settings contradict each other */
        public AsyncLucia build() {
            return new AsyncLucia(adapter, policy());
        }
    }
}
