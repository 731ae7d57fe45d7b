package io.github.luciajooq;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The one place that makes session ids and turns a presented id into the key the adapter stores it under.
 * <p>
 * Today the key is the id itself, as in Lucia v3. Hashed tokens ({@code <id>.<secret>}, a SHA-256 of the secret
 * stored, compared in constant time) change this class and nothing else in the core.
 */
final class SessionIds {

    /** Lucia v3's entropy for a session id: 25 bytes, 200 bits. */
    static final int ENTROPY_BYTES = 25;
    /** The longest session id accepted, in characters. */
    static final int MAX_LENGTH = 255;
    /** What a well-formed session id is, for messages. */
    static final String GRAMMAR = "1 to " + MAX_LENGTH + " characters of A-Z a-z 0-9 - . _ ~ + /, then optional ="
            + " padding (an RFC 6750 b64token)";

    private static final char[] BASE32_LOWER = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /**
     * NIST SP 800-90A's DRBG (Hash_DRBG, SHA-256): seeded once from the system's entropy source, then generating
     * in memory. The platform default (NativePRNG on Linux) reads {@code /dev/urandom} on every call, which is file
     * I/O on whatever thread creates a session, an event-loop thread included.
     */
    private static final SecureRandom RANDOM = seeded();

    private SessionIds() {}

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[ENTROPY_BYTES]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 9+ runtime has the DRBG SecureRandom", e);
        }
    }

    /**
     * Seeds the generator now, if not done yet: session managers call it when they are built, so that the one
     * read of the system's entropy source happens then, on the application's thread, and not in a request.
     */
    static void seed() {
        // Loading this class seeded RANDOM.
    }

    /**
     * A new session id: {@value #ENTROPY_BYTES} bytes from a {@link SecureRandom}, in lowercase base32 without
     * padding ({@code a-z2-7}), 40 characters, exactly as Lucia v3's {@code generateIdFromEntropySize(25)}.
     */
    static String generate() {
        byte[] entropy = new byte[ENTROPY_BYTES];
        RANDOM.nextBytes(entropy);
        return base32LowerCase(entropy);
    }

    /**
     * Whether a client could have been given this id: {@value #MAX_LENGTH} characters at most of an RFC 6750
     * {@code b64token} ({@code A-Z a-z 0-9 - . _ ~ + /}, then {@code =} padding). Every id Lucia makes is one;
     * anything else (control characters, NUL, quotes, non-ASCII, huge values) is no session's id and never
     * reaches an adapter. The alphabet is safe in a cookie, a header, a URL path and SQL text alike.
     */
    static boolean isWellFormed(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        int end = length;
        while (end > 0 && id.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int index = 0; index < end; index++) {
            if (!isTokenCharacter(id.charAt(index))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws NullPointerException when the id is {@code null}
     * @throws IllegalArgumentException when it is not well-formed, naming the argument but not repeating the id,
     *     which may be a credential
     */
    static String requireWellFormed(String id, String name) {
        Objects.requireNonNull(id, name);
        if (!isWellFormed(id)) {
            throw new IllegalArgumentException(name + " must be " + GRAMMAR);
        }
        return id;
    }

    private static boolean isTokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /** The key under which the adapter stores the session a client presents this id for. */
    static String storageKey(String presentedId) {
        return presentedId;
    }

    /** RFC 4648 base32, lowercase, without padding. */
    static String base32LowerCase(byte[] bytes) {
        StringBuilder encoded = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                encoded.append(BASE32_LOWER[buffer >>> bits - 5 & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            encoded.append(BASE32_LOWER[buffer << 5 - bits & 0x1f]);
        }
        return encoded.toString();
    }
}
