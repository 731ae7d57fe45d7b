package io.github.luciajooq.token;

import java.util.Objects;

/**
 * How the session table keeps tokens: the session manager's setting, {@link #HASHED} by default.
 * <p>
 * With {@link #HASHED}, the table's id column holds the lowercase hex SHA-256 of the token's UTF-8 bytes (64
 * characters, in the same {@code TEXT} column): whoever reads the table (a backup, a replica, a query log) learns no
 * token, and a stored value sent back as a cookie matches nothing. A lookup by hash also gives an attacker who
 * times it nothing to learn about the tokens. {@link #PLAIN} stores the token itself, as Lucia v3 does: choose it only
 * to share tables with applications that still run Lucia v3.
 */
public enum TokenStorage {

    /** The SHA-256 of the token, as Lucia's current guidance stores it: the default. */
    HASHED {
        @Override
        public String storageKey(SessionToken token) {
            return Sha256.hex(Objects.requireNonNull(token, "token").value());
        }

        @Override
        public SessionHandle handle(String storedId) {
            Objects.requireNonNull(storedId, "storedId");
            // A row not yet hashed (made in plain storage) is its token: its handle is the token's hash.
            return SessionHandle.ofHash(Sha256.isHex(storedId) ? storedId : Sha256.hex(storedId));
        }
    },

    /** The token itself, as Lucia v3 stores it. */
    PLAIN {
        @Override
        public String storageKey(SessionToken token) {
            return Objects.requireNonNull(token, "token").value();
        }

        @Override
        public SessionHandle handle(String storedId) {
            return SessionHandle.ofHash(Sha256.hex(Objects.requireNonNull(storedId, "storedId")));
        }
    };

    /**
     * The value the session table's id column holds for the session of this token: with {@link #HASHED}, the
     * lowercase hex SHA-256 of its UTF-8 bytes; with {@link #PLAIN}, the token. An application that reads or writes
     * the session table itself finds a token's row by this value, e.g.
     * {@code dsl.selectFrom(SESSIONS).where(SESSIONS.ID.eq(TokenStorage.HASHED.storageKey(token)))}.
     */
    public abstract String storageKey(SessionToken token);

    /** The handle of the session stored under this id. */
    public abstract SessionHandle handle(String storedId);
}
