package io.github.luciajooq;

import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.spi.AsyncAdapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.token.SessionHandle;
import io.github.luciajooq.token.SessionToken;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The session manager for non-blocking applications: {@link Lucia}'s operations, with the same policy, defaults
 * and argument checks, on an {@link AsyncAdapter}, each returning a {@link CompletionStage} instead of blocking.
 * Reading headers and writing cookies involve no I/O and stay synchronous.
 * <p>
 * Argument errors are thrown at once; errors of the adapter complete the stage exceptionally. Instances are
 * immutable and thread-safe.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class AsyncLucia<I, U, S> extends AbstractSessionManager {

    private final AsyncAdapter<I, U, S> adapter;

    private AsyncLucia(AsyncAdapter<I, U, S> adapter, SessionPolicy policy) {
        super(policy);
        this.adapter = adapter;
    }

    /**
     * A session manager with this one's settings (policy, cookie, token storage, clock) on another adapter, such as
     * one bound to a transaction. Costs one object; this one is unchanged.
     */
    public AsyncLucia<I, U, S> withAdapter(AsyncAdapter<I, U, S> adapter) {
        return new AsyncLucia<>(Arguments.requireNonNull(adapter, "adapter"), policy);
    }

    /** A builder with Lucia's defaults, on this adapter. */
    public static <I, U, S> Builder<I, U, S> builder(AsyncAdapter<I, U, S> adapter) {
        return new Builder<>(Arguments.requireNonNull(adapter, "adapter"));
    }

    /** @see Lucia#createSession(Object, Object) */
    public CompletionStage<NewSession<I, S>> createSession(I userId, S attributes) {
        return createSession(userId, attributes, policy.newToken());
    }

    /** @see Lucia#createSession(Object, Object, SessionToken) */
    public CompletionStage<NewSession<I, S>> createSession(I userId, S attributes, SessionToken token) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireNonNull(attributes, "attributes");
        Arguments.requireNonNull(token, "token");
        DatabaseSession<I, S> stored = policy.newSession(policy.key(token), userId, attributes);
        if (policy.maxSessionsPerUser() == 0) {
            return adapter.setSession(stored).thenApply(written -> policy.created(token, stored));
        }
        return adapter.setSessionWithinLimit(stored, policy.maxSessionsPerUser(), policy.endOldest(), policy.now())
                .thenApply(written -> {
                    if (!written) {
                        throw new CompletionException(policy.limitReached(userId));
                    }
                    return policy.created(token, stored);
                });
    }

    /** @see Lucia#validateSession(SessionToken) */
    public CompletionStage<Optional<SessionAndUser<I, U, S>>> validateSession(SessionToken token) {
        Arguments.requireNonNull(token, "token");
        String key = policy.key(token);
        return adapter.getSessionAndUser(key).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            SessionPolicy.Decision decision = policy.decide(found.get().session());
            switch (decision.outcome()) {
                case EXPIRED:
                    return adapter.deleteSession(key).thenApply(deleted -> Optional.empty());
                case RENEW:
                    return adapter.updateSessionExpiration(key, decision.expiresAt()).thenApply(renewed -> renewed
                            ? Optional.of(policy.validated(found.get(), decision))
                            : Optional.empty());
                case VALID:
                default:
                    return CompletableFuture.completedFuture(Optional.of(policy.validated(found.get(), decision)));
            }
        });
    }

    /**
     * {@link Lucia#validateSessionCookies}, without blocking: the framework-neutral request cycle for a WebFlux
     * {@code WebFilter}, a Vert.x handler or any HTTP server. The tokens are tried one after another.
     */
    public CompletionStage<CookieSession<I, U, S>> validateSessionCookies(String cookieHeader, boolean navigation) {
        SessionPolicy.Candidates candidates = policy.candidates(cookieHeader);
        return tryFrom(candidates, 0, navigation);
    }

    private CompletionStage<CookieSession<I, U, S>> tryFrom(SessionPolicy.Candidates candidates, int index,
            boolean navigation) {
        if (index == candidates.tokens().size()) {
            return CompletableFuture.completedFuture(policy.noneValid(candidates));
        }
        SessionToken token = candidates.tokens().get(index);
        return validateSession(token).thenCompose(found -> found.isPresent()
                ? CompletableFuture.completedFuture(policy.valid(token, found.get(), navigation))
                : tryFrom(candidates, index + 1, navigation));
    }

    /** @see Lucia#getUserSessions(Object) */
    public CompletionStage<List<Session<I, S>>> getUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        return adapter.getUserSessions(userId).thenApply(policy::listed);
    }

    /** @see Lucia#invalidateSession(SessionToken) */
    public CompletionStage<Void> invalidateSession(SessionToken token) {
        Arguments.requireNonNull(token, "token");
        return adapter.deleteSession(policy.key(token));
    }

    /**
     * Deletes the session this handle names, if it is this user's: "sign out that device".
     *
     * @return a stage of {@code true} when this user had a session of that handle (expired or not), now deleted;
     *         of {@code false} when nothing was deleted: the handle names another user's session, one already
     *         deleted, or none
     * @see Lucia#invalidateSession(Object, SessionHandle)
     */
    public CompletionStage<Boolean> invalidateSession(I userId, SessionHandle handle) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireNonNull(handle, "handle");
        return adapter.getUserSessions(userId).thenCompose(stored -> {
            for (DatabaseSession<I, S> session : stored) {
                if (policy.isNamedBy(session, handle)) {
                    return adapter.deleteSession(session.id()).thenApply(deleted -> true);
                }
            }
            return CompletableFuture.completedFuture(false);
        });
    }

    /** @see Lucia#rotateSession(SessionToken) */
    public CompletionStage<Optional<NewSession<I, S>>> rotateSession(SessionToken token) {
        return rotate(token, false);
    }

    /** @see Lucia#reauthenticated(SessionToken) */
    public CompletionStage<Optional<NewSession<I, S>>> reauthenticated(SessionToken token) {
        return rotate(token, true);
    }

    private CompletionStage<Optional<NewSession<I, S>>> rotate(SessionToken token, boolean reauthenticated) {
        Arguments.requireNonNull(token, "token");
        String key = policy.key(token);
        return adapter.getSessionAndUser(key).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (policy.decide(found.get().session()).outcome() == SessionPolicy.Outcome.EXPIRED) {
                return adapter.deleteSession(key).thenApply(deleted -> Optional.empty());
            }
            SessionPolicy.Rotation<I, S> rotation = policy.rotation(found.get().session(), reauthenticated);
            return adapter.rotateSession(key, rotation.key(), rotation.expiresAt(), rotation.authenticatedAt())
                    .thenApply(rotated -> rotated ? Optional.of(rotation.session()) : Optional.empty());
        });
    }

    /** @see Lucia#invalidateOtherUserSessions(Object, SessionToken) */
    public CompletionStage<Long> invalidateOtherUserSessions(I userId, SessionToken current) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireNonNull(current, "current");
        return adapter.deleteOtherUserSessions(userId, policy.key(current));
    }

    /** @see Lucia#invalidateUserSessions(Object) */
    public CompletionStage<Void> invalidateUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        return adapter.deleteUserSessions(userId);
    }

    /** @see Lucia#deleteExpiredSessions() */
    public CompletionStage<Long> deleteExpiredSessions() {
        return adapter.deleteExpiredSessions(policy.now());
    }

    /**
     * Configures an {@link AsyncLucia}: the settings of {@link Lucia.Builder}. Not thread-safe.
     *
     * @param <I> the type of user ids
     * @param <U> the type of user attributes
     * @param <S> the type of session attributes
     */
    public static final class Builder<I, U, S> extends SessionManagerBuilder<Builder<I, U, S>> {

        private final AsyncAdapter<I, U, S> adapter;

        private Builder(AsyncAdapter<I, U, S> adapter) {
            this.adapter = adapter;
        }

        /** @throws IllegalArgumentException when a setting is invalid or the settings contradict each other */
        public AsyncLucia<I, U, S> build() {
            return new AsyncLucia<>(adapter, policy());
        }
    }
}
