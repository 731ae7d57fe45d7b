package io.github.luciajooq.memory;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.DatabaseSessionAndUser;
import io.github.luciajooq.DatabaseUser;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.Names;
import io.github.luciajooq.internal.SessionChecks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link Adapter} that keeps users and sessions in memory: <strong>for tests only</strong>, such as the unit
 * tests of an application that uses {@link io.github.luciajooq.Lucia}. Nothing survives the JVM, and nothing is
 * shared between instances.
 * <p>
 * It behaves like the PostgreSQL adapter on tables with the same columns, and passes the same contract tests:
 * declare the session table's attribute columns with {@link #create(Clock, String...)}; an attribute outside
 * them is refused ({@link SessionStoreException.Reason#UNKNOWN_ATTRIBUTE}) and one left out reads back as
 * {@code null}. Expiries are truncated to the microsecond, as PostgreSQL keeps them. Users are not sessions'
 * business: add them with {@link #putUser(DatabaseUser)}. Values are stored as given, never checked against a
 * type; text PostgreSQL could not store (a NUL character, a lone UTF-16 surrogate) is refused as it would be
 * there, and ids holding it match nothing.
 * <p>
 * Thread-safe: every method holds the instance's lock.
 */
public final class InMemoryAdapter implements Adapter {

    private final Clock clock;
    private final Set<String> sessionColumns;
    private final Map<String, DatabaseUser> users = new HashMap<>();
    private final Map<String, DatabaseSession> sessions = new LinkedHashMap<>();

    private InMemoryAdapter(Clock clock, Set<String> sessionColumns) {
        this.clock = clock;
        this.sessionColumns = sessionColumns;
    }

    /**
     * An empty store.
     *
     * @param clock where {@link #deleteExpiredSessions()} takes "now" from
     * @param sessionAttributeColumns the session table's columns besides {@code id}, {@code user_id} and
     *     {@code expires_at}; none by default
     * @throws IllegalArgumentException when a column name is blank or one of those three
     */
    public static InMemoryAdapter create(Clock clock, String... sessionAttributeColumns) {
        Arguments.requireNonNull(clock, "clock");
        Arguments.requireNonNull(sessionAttributeColumns, "sessionAttributeColumns");
        Map<String, Object> columns = new LinkedHashMap<>();
        for (String column : sessionAttributeColumns) {
            columns.put(column, null);
        }
        Set<String> checked = Arguments.attributes(columns, "sessionAttributeColumns", "id", "user_id", "expires_at")
                .keySet();
        return new InMemoryAdapter(clock, Collections.unmodifiableSet(new LinkedHashSet<>(checked)));
    }

    /** Adds a user, or replaces the user with the same id. */
    public synchronized void putUser(DatabaseUser user) {
        Arguments.requireNonNull(user, "user");
        users.put(user.id(), user);
    }

    @Override
    public synchronized Optional<DatabaseSessionAndUser> getSessionAndUser(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        DatabaseSession session = sessions.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.get(session.userId()))
                .map(user -> new DatabaseSessionAndUser(session, user));
    }

    @Override
    public synchronized List<DatabaseSession> getUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        List<DatabaseSession> found = new ArrayList<>();
        for (DatabaseSession session : sessions.values()) {
            if (session.userId().equals(userId)) {
                found.add(session);
            }
        }
        return found;
    }

    @Override
    public synchronized void setSession(DatabaseSession session) {
        Arguments.requireNonNull(session, "session");
        Arguments.requireExpiry(session.expiresAt(), "session.expiresAt");
        SessionStoreException unstorable = SessionChecks.unstorable(session);
        if (unstorable != null) {
            throw unstorable;
        }
        if (sessions.containsKey(session.id())) {
            throw new SessionStoreException(Reason.DUPLICATE_SESSION_ID,
                    "another session already has this session's id", null);
        }
        if (!users.containsKey(session.userId())) {
            throw new SessionStoreException(Reason.UNKNOWN_USER,
                    "user " + Names.quote(session.userId()) + " does not exist", null);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        sessionColumns.forEach(column -> row.put(column, null));
        for (Map.Entry<String, Object> attribute : session.attributes().entrySet()) {
            if (!sessionColumns.contains(attribute.getKey())) {
                throw new SessionStoreException(Reason.UNKNOWN_ATTRIBUTE, "session attribute "
                        + Names.quote(attribute.getKey()) + " has no column; the columns are " + sessionColumns, null);
            }
            row.put(attribute.getKey(), attribute.getValue());
        }
        sessions.put(session.id(), new DatabaseSession(
                session.id(), session.userId(), session.expiresAt().truncatedTo(ChronoUnit.MICROS), row));
    }

    @Override
    public synchronized boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        Arguments.requireExpiry(expiresAt, "expiresAt");
        return sessions.computeIfPresent(sessionId, (id, session) -> new DatabaseSession(
                id, session.userId(), expiresAt.truncatedTo(ChronoUnit.MICROS), session.attributes())) != null;
    }

    @Override
    public synchronized void deleteSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        sessions.remove(sessionId);
    }

    @Override
    public synchronized void deleteUserSessions(String userId) {
        Arguments.requireId(userId, "userId");
        sessions.values().removeIf(session -> session.userId().equals(userId));
    }

    @Override
    public synchronized long deleteExpiredSessions() {
        Instant now = clock.instant();
        int before = sessions.size();
        sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
        return before - sessions.size();
    }

    @Override
    public String toString() {
        return "InMemoryAdapter" + Arrays.toString(sessionColumns.toArray());
    }
}
