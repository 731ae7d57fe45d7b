package io.github.luciajooq.internal;

import java.nio.ByteBuffer;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generator lucia-jooq draws session tokens, ids and salts from unless the application gives its own. Not
 * API: it may change in any release.
 * <p>
 * It is NIST SP 800-90A's Hash_DRBG at 256-bit security strength, seeded once from the platform's entropy source
 * when this class loads, then generating in memory: the platform default on Linux (NativePRNG) reads
 * {@code /dev/urandom} on every call, which is blocking file I/O on whatever thread needs a token, an event-loop
 * thread included. Each request also mixes in the time and a counter as additional input, so that two copies of a
 * process restored from one snapshot (CRaC, Lambda SnapStart) part ways at once; {@link #reseed()} after a restore
 * gives them fresh entropy as well.
 */
public final class Randomness {

    private static final int STRENGTH_BITS = 256;
    private static final SecureRandom SHARED = instantiate();
    private static final AtomicLong REQUESTS = new AtomicLong();

    private Randomness() {}

    private static SecureRandom instantiate() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG",
                    DrbgParameters.instantiation(STRENGTH_BITS, DrbgParameters.Capability.RESEED_ONLY,
                            "lucia-jooq".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            random.nextBytes(new byte[1]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 9+ runtime has the DRBG SecureRandom", e);
        }
    }

    /** Fills the array from the shared generator, without blocking I/O. Thread-safe. */
    public static void nextBytes(byte[] bytes) {
        byte[] additionalInput = ByteBuffer.allocate(2 * Long.BYTES)
                .putLong(System.nanoTime())
                .putLong(REQUESTS.incrementAndGet())
                .array();
        SHARED.nextBytes(bytes, DrbgParameters.nextBytes(STRENGTH_BITS, false, additionalInput));
    }

    /** Fills the array from this generator, or from the shared one when it is {@code null}. */
    public static void nextBytes(SecureRandom random, byte[] bytes) {
        if (random == null) {
            nextBytes(bytes);
        } else {
            random.nextBytes(bytes);
        }
    }

    /**
     * Reseeds the shared generator from the platform's entropy source. This reads it (file I/O on Linux): call it
     * at start-up or after a process snapshot is restored, not on an event-loop thread.
     */
    public static void reseed() {
        SHARED.reseed();
    }

    /** The shared generator's parameters: its mechanism's instantiation, security strength included. */
    public static java.security.SecureRandomParameters parameters() {
        return SHARED.getParameters();
    }

    /** Makes sure the shared generator is seeded: the one read of the entropy source happens now, on this thread. */
    public static void seed() {
        // Loading this class seeded SHARED.
    }
}
