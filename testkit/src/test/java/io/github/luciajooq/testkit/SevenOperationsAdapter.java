package io.github.luciajooq.testkit;

import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An adapter of the seven operations alone, as a store of another author's may be: the optional capabilities
 * ({@code rotateSession}, {@code deleteOtherUserSessions}, {@code setSessionWithinLimit}) are {@link Adapter}'s
 * defaults. Stores in an {@link InMemoryAdapter}.
 */
final class SevenOperationsAdapter implements Adapter<String, Map<String, Object>, Map<String, Object>> {

    final InMemoryAdapter<String, Map<String, Object>, Map<String, Object>> store =
            InMemoryAdapter.withSessionColumns("ip", "remembered");

    @Override
    public Optional<DatabaseSessionAndUser<String, Map<String, Object>, Map<String, Object>>> getSessionAndUser(
            String sessionId) {
        return store.getSessionAndUser(sessionId);
    }

    @Override
    public List<DatabaseSession<String, Map<String, Object>>> getUserSessions(String userId) {
        return store.getUserSessions(userId);
    }

    @Override
    public void setSession(DatabaseSession<String, Map<String, Object>> session) {
        store.setSession(session);
    }

    @Override
    public boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
        return store.updateSessionExpiration(sessionId, expiresAt);
    }

    @Override
    public void deleteSession(String sessionId) {
        store.deleteSession(sessionId);
    }

    @Override
    public void deleteUserSessions(String userId) {
        store.deleteUserSessions(userId);
    }

    @Override
    public long deleteExpiredSessions(Instant now) {
        return store.deleteExpiredSessions(now);
    }
}
