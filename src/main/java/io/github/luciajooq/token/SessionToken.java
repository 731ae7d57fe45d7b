package io.github.luciajooq.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret a client presents for its session, in a cookie or as a bearer token: a credential. The session
 * manager returns it once, when it creates the session; it is never read back from the store (with hashed storage
 * the store holds only its SHA-256) and never printed: {@link #toString()} leaves it out and {@link #equals(Object)}
 * compares in constant time.
 * <p>
 * A token is 1 to {@value #MAX_LENGTH} characters of an RFC 6750 {@code b64token}: {@code A-Z a-z 0-9 - . _ ~ + /},
 * then optional {@code =} padding. The alphabet is safe in a cookie, a header, a URL and SQL text alike; anything
 * else a client sends is no token ({@link #parse(String)} is empty), so it never reaches a store. Tokens the session
 * manager makes are Lucia v3's ids: 40 characters of {@code a-z2-7}, from 25 random bytes.
 * <p>
 * Immutable and thread-safe.
 */
public final class SessionToken {

    /** The longest token accepted, in characters. */
    public static final int MAX_LENGTH = 255;
    /** The random bytes in a token the session manager makes: Lucia v3's 25, 200 bits. */
    public static final int ENTROPY_BYTES = 25;

    private static final String GRAMMAR = "1 to " + MAX_LENGTH + " characters of A-Z a-z 0-9 - . _ ~ + /, then"
            + " optional = padding (an RFC 6750 b64token)";

    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    /**
     * The token in this text, for text a client sent: a cookie value, a header, a form field.
     *
     * @return empty when the text is {@code null} or not a well-formed token; never throws
     */
    public static Optional<SessionToken> parse(String text) {
        return text != null && isWellFormed(text) ? Optional.of(new SessionToken(text)) : Optional.empty();
    }

    /**
     * This text as a token, for a token the application made itself. It is a credential: it must be unguessable.
     *
     * @throws NullPointerException when the text is {@code null}
     * @throws IllegalArgumentException when it is not a well-formed token; the message does not repeat it
     */
    public static SessionToken of(String text) {
        Objects.requireNonNull(text, "token");
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("token must be " + GRAMMAR);
        }
        return new SessionToken(text);
    }

    /**
     * A new token: {@value #ENTROPY_BYTES} bytes from lucia-jooq's shared generator (a 256-bit DRBG that never
     * blocks after it is seeded), in lowercase base32: 40 characters, as Lucia v3's session ids.
     */
    public static SessionToken generate() {
        return generate(null);
    }

    /** {@link #generate()} from this generator; from the shared one when it is {@code null}. */
    public static SessionToken generate(SecureRandom random) {
        return new SessionToken(Ids.generateIdFromEntropySize(random, ENTROPY_BYTES));
    }

    /** The token as sent to the client: a cookie's value, a bearer token. */
    public String value() {
        return value;
    }

    private static boolean isWellFormed(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        int end = length;
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int index = 0; index < end; index++) {
            char c = text.charAt(index);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** Equal tokens have equal values; compared in time that does not depend on where they differ. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SessionToken token && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), token.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    /** A token is a credential: its value is left out. */
    @Override
    public String toString() {
        return "SessionToken[(redacted)]";
    }
}
