package io.github.luciajooq.memory;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.Names;
import io.github.luciajooq.internal.SessionChecks;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.spi.DatabaseUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * It behaves like the PostgreSQL adapter and passes the same contract tests. Users are not sessions' business: add
 * them with {@link #putUser(Object, Object)}. Attributes are stored as given, never checked against a type; text
 * PostgreSQL could not store (a NUL character, a lone UTF-16 surrogate) is refused as it would be there, and ids
 * holding it match nothing. Expiries are truncated to the microsecond, as PostgreSQL keeps them. With
 * {@link #withSessionColumns(String...)}, attributes are maps checked against the session table's columns as the
 * PostgreSQL adapter's are.
 * <p>
 * Thread-safe: every method holds the instance's lock.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class InMemoryAdapter<I, U, S> implements Adapter<I, U, S> {

    private static final Set<String> LUCIAS_COLUMNS = Set.of("id", "user_id", "expires_at");

    /** The session table's attribute columns, when attributes are maps checked against them; else {@code null}. */
    private final Set<String> sessionColumns;
    private final Map<I, DatabaseUser<I, U>> users = new HashMap<>();
    private final Map<String, DatabaseSession<I, S>> sessions = new LinkedHashMap<>();

    private InMemoryAdapter(Set<String> sessionColumns) {
        this.sessionColumns = sessionColumns;
    }

    /** An empty store for attributes of any type, such as the application's jOOQ records, stored as given. */
    public static <I, U, S> InMemoryAdapter<I, U, S> create() {
        return new InMemoryAdapter<>(null);
    }

    /**
     * An empty store whose attributes are maps by column name, as the PostgreSQL adapter's named tables: a session
     * attribute outside these columns is refused ({@link Reason#UNKNOWN_ATTRIBUTE}), one left out reads back as
     * {@code null}, and one named {@code id}, {@code user_id} or {@code expires_at} is an
     * {@link IllegalArgumentException}.
     *
     * @param sessionAttributeColumns the session table's columns besides {@code id}, {@code user_id} and
     *     {@code expires_at}
     * @throws IllegalArgumentException when a column name is blank or one of those three
     */
    public static InMemoryAdapter<String, Map<String, Object>, Map<String, Object>> withSessionColumns(
            String... sessionAttributeColumns) {
        Arguments.requireNonNull(sessionAttributeColumns, "sessionAttributeColumns");
        Set<String> columns = new LinkedHashSet<>();
        for (String column : sessionAttributeColumns) {
            Arguments.requireId(column, "sessionAttributeColumns");
            if (LUCIAS_COLUMNS.contains(column)) {
                throw new IllegalArgumentException("sessionAttributeColumns must not contain \"" + column
                        + "\": that column is not an attribute");
            }
            columns.add(column);
        }
        return new InMemoryAdapter<>(Collections.unmodifiableSet(columns));
    }

    /** Adds a user, or replaces the user with the same id. */
    public synchronized void putUser(I id, U attributes) {
        DatabaseUser<I, U> user = new DatabaseUser<>(id, attributes);
        users.put(user.id(), user);
    }

    @Override
    public synchronized Optional<DatabaseSessionAndUser<I, U, S>> getSessionAndUser(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        DatabaseSession<I, S> session = sessions.get(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.get(session.userId()))
                .map(user -> new DatabaseSessionAndUser<>(session, user));
    }

    @Override
    public synchronized List<DatabaseSession<I, S>> getUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        List<DatabaseSession<I, S>> found = new ArrayList<>();
        for (DatabaseSession<I, S> session : sessions.values()) {
            if (session.userId().equals(userId)) {
                found.add(session);
            }
        }
        return found;
    }

    @Override
    public synchronized void setSession(DatabaseSession<I, S> session) {
        Arguments.requireNonNull(session, "session");
        Arguments.requireExpiry(session.expiresAt(), "session.expiresAt");
        S attributes = sessionColumns == null ? session.attributes() : checkedColumns(session);
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
                    "user " + Names.quote(String.valueOf(session.userId())) + " does not exist", null);
        }
        sessions.put(session.id(), new DatabaseSession<>(session.id(), session.userId(),
                session.expiresAt().truncatedTo(ChronoUnit.MICROS), attributes, micros(session.authenticatedAt())));
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The row of every attribute column, as a map session's attributes are stored. */
    @SuppressWarnings("unchecked")
    private S checkedColumns(DatabaseSession<I, S> session) {
        Map<String, Object> given = (Map<String, Object>) session.attributes();
        for (String name : given.keySet()) {
            if (LUCIAS_COLUMNS.contains(name)) {
                throw new IllegalArgumentException("attributes must not contain \"" + name
                        + "\": the adapter writes that column itself");
            }
        }
        SessionStoreException unstorable = SessionChecks.unstorable(session);
        if (unstorable != null) {
            throw unstorable;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        sessionColumns.forEach(column -> row.put(column, null));
        for (Map.Entry<String, Object> attribute : given.entrySet()) {
            if (!sessionColumns.contains(attribute.getKey())) {
                throw new SessionStoreException(Reason.UNKNOWN_ATTRIBUTE, "session attribute "
                        + Names.quote(attribute.getKey()) + " has no column; the columns are " + sessionColumns, null);
            }
            row.put(attribute.getKey(), attribute.getValue());
        }
        return (S) row;
    }

    @Override
    public synchronized boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
        Arguments.requireId(sessionId, "sessionId");
        Arguments.requireExpiry(expiresAt, "expiresAt");
        return sessions.computeIfPresent(sessionId, (id, session) -> new DatabaseSession<>(id, session.userId(),
                expiresAt.truncatedTo(ChronoUnit.MICROS), session.attributes(), session.authenticatedAt())) != null;
    }

    /** Under the instance's lock: atomic, as the contract asks. */
    @Override
    public synchronized boolean rotateSession(String sessionId, String newSessionId, Instant expiresAt,
            Instant authenticatedAt) {
        Arguments.requireId(sessionId, "sessionId");
        Arguments.requireId(newSessionId, "newSessionId");
        Arguments.requireExpiry(expiresAt, "expiresAt");
        DatabaseSession<I, S> session = sessions.get(sessionId);
        if (session == null) {
            return false;
        }
        if (sessions.containsKey(newSessionId)) {
            throw new SessionStoreException(Reason.DUPLICATE_SESSION_ID,
                    "another session already has the rotated session's new id", null);
        }
        sessions.remove(sessionId);
        sessions.put(newSessionId, new DatabaseSession<>(newSessionId, session.userId(),
                expiresAt.truncatedTo(ChronoUnit.MICROS), session.attributes(),
                authenticatedAt == null ? session.authenticatedAt() : micros(authenticatedAt)));
        return true;
    }

    @Override
    public synchronized long deleteOtherUserSessions(I userId, String keptSessionId) {
        Arguments.requireUserId(userId, "userId");
        Arguments.requireId(keptSessionId, "keptSessionId");
        int before = sessions.size();
        sessions.values().removeIf(session -> session.userId().equals(userId) && !session.id().equals(keptSessionId));
        return before - sessions.size();
    }

    /** Under the instance's lock, so that concurrent creations for one user never pass the limit. */
    @Override
    public synchronized boolean setSessionWithinLimit(DatabaseSession<I, S> session, int limit, boolean endOldest,
            Instant now) {
        Arguments.requireNonNull(session, "session");
        Arguments.requireNonNull(now, "now");
        Arguments.requireLimit(limit, "limit");
        List<DatabaseSession<I, S>> live = new ArrayList<>();
        for (DatabaseSession<I, S> stored : sessions.values()) {
            if (stored.userId().equals(session.userId()) && stored.expiresAt().isAfter(now)) {
                live.add(stored);
            }
        }
        if (live.size() >= limit && !endOldest) {
            return false;
        }
        live.sort(java.util.Comparator.comparing(DatabaseSession::expiresAt));
        setSession(session);
        for (int index = 0; index <= live.size() - limit; index++) {
            sessions.remove(live.get(index).id());
        }
        return true;
    }

    @Override
    public synchronized void deleteSession(String sessionId) {
        Arguments.requireId(sessionId, "sessionId");
        sessions.remove(sessionId);
    }

    @Override
    public synchronized void deleteUserSessions(I userId) {
        Arguments.requireUserId(userId, "userId");
        sessions.values().removeIf(session -> session.userId().equals(userId));
    }

    @Override
    public synchronized long deleteExpiredSessions(Instant now) {
        Arguments.requireNonNull(now, "now");
        int before = sessions.size();
        sessions.values().removeIf(session -> !session.expiresAt().isAfter(now));
        return before - sessions.size();
    }

    @Override
    public String toString() {
        return "InMemoryAdapter" + (sessionColumns == null ? "" : sessionColumns);
    }
}
