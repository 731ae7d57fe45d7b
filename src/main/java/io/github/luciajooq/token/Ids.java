package io.github.luciajooq.token;

import io.github.luciajooq.internal.Randomness;
import java.security.SecureRandom;

/**
 * Random ids in Lucia v3's formats: {@link #generateId(int)} and {@link #generateIdFromEntropySize(int)}, for user
 * ids, verification codes and the like. Session tokens are {@link SessionToken#generate()}.
 * <p>
 * Without a {@link SecureRandom} of the caller's, they draw from lucia-jooq's shared generator: a 256-bit Hash_DRBG
 * seeded once from the platform's entropy source, which never blocks a thread afterwards (so it is safe on an
 * event loop). After restoring a process from a snapshot (CRaC, Lambda SnapStart), call {@link #reseed()}.
 * Thread-safe.
 */
public final class Ids {

    private static final char[] LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] BASE32_LOWER = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Ids() {}

    /**
     * An id of this many characters of {@code a-z0-9}, each equally likely: Lucia v3's {@code generateId(length)}.
     *
     * @throws IllegalArgumentException when the length is not positive
     */
    public static String generateId(int length) {
        return generateId(null, length);
    }

    /** {@link #generateId(int)} from the caller's generator. */
    public static String generateId(SecureRandom random, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive, not " + length);
        }
        char[] id = new char[length];
        int filled = 0;
        byte[] bytes = new byte[length + 8];
        while (filled < length) {
            Randomness.nextBytes(random, bytes);
            for (int index = 0; index < bytes.length && filled < length; index++) {
                // Six bits, 0 to 63; keeping only 0 to 35 leaves every character equally likely.
                int candidate = bytes[index] & 0x3f;
                if (candidate < LOWER_ALPHANUMERIC.length) {
                    id[filled++] = LOWER_ALPHANUMERIC[candidate];
                }
            }
        }
        return new String(id);
    }

    /**
     * This many random bytes in lowercase base32 without padding ({@code a-z2-7}): Lucia v3's
     * {@code generateIdFromEntropySize(size)}; 25 bytes give Lucia's 40-character session ids.
     *
     * @throws IllegalArgumentException when the size is not positive
     */
    public static String generateIdFromEntropySize(int bytes) {
        return generateIdFromEntropySize(null, bytes);
    }

    /** {@link #generateIdFromEntropySize(int)} from the caller's generator. */
    public static String generateIdFromEntropySize(SecureRandom random, int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("bytes must be positive, not " + bytes);
        }
        byte[] entropy = new byte[bytes];
        Randomness.nextBytes(random, entropy);
        return base32LowerCase(entropy);
    }

    /**
     * Reseeds the shared generator from the platform's entropy source: call it once after restoring a process
     * from a snapshot, so that copies restored from one snapshot never draw the same ids. It reads the entropy
     * source, so call it where blocking is allowed (a restore hook), not on an event loop.
     */
    public static void reseed() {
        Randomness.reseed();
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
