package io.github.luciajooq.password;

import java.util.Objects;

/**
 * Lucia v3's {@code Scrypt}: hashes in the form {@code salt:key}, both lowercase hex, with scrypt at N = 16384, r = 16,
 * p = 1 and a 64-byte key, the password normalised to NFKC. Hashes made by Lucia v3 verify here and the reverse.
 * <p>
 * Needs {@code org.bouncycastle:bcprov-jdk18on}, an optional dependency: the application adds it. Hashing takes tens
 * of milliseconds of CPU and 32 MiB of memory; see {@link PasswordHashingAlgorithm} for event loops. Thread-safe.
 */
public final class Scrypt implements PasswordHashingAlgorithm {

    private static final Scrypt INSTANCE = new Scrypt();

    private Scrypt() {}

    /**
     * The algorithm.
     *
     * @throws IllegalStateException when BouncyCastle is not on the class path
     */
    public static Scrypt create() {
        ScryptKeys.requireBouncyCastle();
        return INSTANCE;
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        String salt = ScryptKeys.newSalt();
        return salt + ":" + ScryptKeys.hex(ScryptKeys.key(password, salt, ScryptKeys.BLOCK_SIZE));
    }

    /** Whether the password matches a {@code salt:key} hash; {@code false} for any other form. */
    @Override
    public boolean verify(String hash, String password) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(password, "password");
        String[] parts = hash.split(":", -1);
        return parts.length == 2 && ScryptKeys.matches(password, parts[0], parts[1], ScryptKeys.BLOCK_SIZE);
    }

    @Override
    public String toString() {
        return "Scrypt[N=16384, r=16, p=1]";
    }
}
