package io.github.luciajooq;

/**
 * What creating a session does when its user already has as many live sessions as allowed
 * ({@link Lucia.Builder#maxSessionsPerUser(int, AtSessionLimit)}; OWASP ASVS 5.0 V7.1.2).
 */
public enum AtSessionLimit {
    /**
     * Refuse the new session: {@code createSession} throws a {@link SessionStoreException} with
     * {@link SessionStoreException.Reason#SESSION_LIMIT_REACHED}, and nothing is written. The user signs out
     * elsewhere first.
     */
    REFUSE_NEW,
    /**
     * End the user's sessions that expire first (the least recently used), as many as it takes, then store the new
     * one.
     */
    END_OLDEST
}
