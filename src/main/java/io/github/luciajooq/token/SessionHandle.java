package io.github.luciajooq.token;

import java.util.Objects;
import java.util.Optional;

/**
 * Names one session without being a credential: what a "your devices" page shows and revokes a session by. It is
 * the lowercase hex SHA-256 of the session's token, whichever way the store keeps tokens, so it stays the same when
 * an application moves from plain to hashed storage. Sent back as a cookie or bearer token it matches nothing; the
 * token cannot be computed from it.
 * <p>
 * Immutable and thread-safe.
 */
public final class SessionHandle {

    private final String value;

    private SessionHandle(String value) {
        this.value = value;
    }

    /**
     * The handle in this text, e.g. a form field of a "revoke" button.
     *
     * @return empty when the text is {@code null} or not 64 characters of lowercase hex; never throws
     */
    public static Optional<SessionHandle> parse(String text) {
        return text != null && Sha256.isHex(text) ? Optional.of(new SessionHandle(text)) : Optional.empty();
    }

    /**
     * @throws NullPointerException when the text is {@code null}
     * @throws IllegalArgumentException when it is not 64 characters of lowercase hex
     */
    public static SessionHandle of(String text) {
        Objects.requireNonNull(text, "handle");
        if (!Sha256.isHex(text)) {
            throw new IllegalArgumentException("handle must be 64 characters of lowercase hex, not \"" + text + "\"");
        }
        return new SessionHandle(text);
    }

    /** The handle of the session this token belongs to. */
    public static SessionHandle of(SessionToken token) {
        Objects.requireNonNull(token, "token");
        return new SessionHandle(Sha256.hex(token.value()));
    }

    /** Trusted: {@code hex} is a SHA-256 in lowercase hex. */
    static SessionHandle ofHash(String hex) {
        return new SessionHandle(hex);
    }

    /** 64 characters of lowercase hex: safe in HTML, URLs and logs. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionHandle handle && value.equals(handle.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "SessionHandle[" + value + "]";
    }
}
