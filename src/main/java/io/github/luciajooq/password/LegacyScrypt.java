package io.github.luciajooq.password;

import java.util.Objects;

/**
 * Lucia v3's {@code LegacyScrypt}, for hashes made by Lucia v2: it verifies the two-part {@code salt:key} of Lucia v2
 * (scrypt with r = 8) and its own three-part {@code s2:salt:key} (r = 16), and hashes in the three-part form. Otherwise
 * as {@link Scrypt}. Thread-safe.
 */
public final class LegacyScrypt implements PasswordHashingAlgorithm {

    private static final LegacyScrypt INSTANCE = new LegacyScrypt();

    private LegacyScrypt() {}

    /**
     * The algorithm.
     *
     * @throws IllegalStateException when BouncyCastle is not on the class path
     */
    public static LegacyScrypt create() {
        ScryptKeys.requireBouncyCastle();
        return INSTANCE;
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        String salt = ScryptKeys.newSalt();
        return "s2:" + salt + ":" + ScryptKeys.hex(ScryptKeys.key(password, salt, ScryptKeys.BLOCK_SIZE));
    }

    /** Whether the password matches a {@code salt:key} (r = 8) or {@code s2:salt:key} hash; {@code false} otherwise. */
    @Override
    public boolean verify(String hash, String password) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(password, "password");
        String[] parts = hash.split(":", -1);
        if (parts.length == 2) {
            return ScryptKeys.matches(password, parts[0], parts[1], ScryptKeys.LEGACY_BLOCK_SIZE);
        }
        return parts.length == 3 && parts[0].equals("s2")
                && ScryptKeys.matches(password, parts[1], parts[2], ScryptKeys.BLOCK_SIZE);
    }

    @Override
    public String toString() {
        return "LegacyScrypt[N=16384, r=8 or 16, p=1]";
    }
}
