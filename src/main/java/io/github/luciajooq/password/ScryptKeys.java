package io.github.luciajooq.password;

import io.github.luciajooq.internal.Randomness;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Lucia v3's scrypt keys: N = 16384, p = 1, a 64-byte key, the password in NFKC and the salt as the UTF-8 bytes of its
 * hex text, both encoded as JavaScript's {@code TextEncoder} does. The key derivation is BouncyCastle's.
 */
final class ScryptKeys {

    static final int BLOCK_SIZE = 16;
    static final int LEGACY_BLOCK_SIZE = 8;

    private static final int COST = 16384;
    private static final int PARALLELISM = 1;
    private static final int KEY_BYTES = 64;
    private static final int SALT_BYTES = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ScryptKeys() {}

    /** Fails at once, with a message saying what to add, when BouncyCastle is not on the class path. */
    static void requireBouncyCastle() {
        try {
            Class.forName("org.bouncycastle.crypto.generators.SCrypt", false, ScryptKeys.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Scrypt needs BouncyCastle: add org.bouncycastle:bcprov-jdk18on to the"
                    + " application's dependencies", e);
        }
    }

    /** A new salt: 16 random bytes in lowercase hex. */
    static String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        Randomness.nextBytes(salt);
        return hex(salt);
    }

    static byte[] key(String password, String salt, int blockSize) {
        return org.bouncycastle.crypto.generators.SCrypt.generate(
                utf8(Normalizer.normalize(password, Normalizer.Form.NFKC)), utf8(salt),
                COST, blockSize, PARALLELISM, KEY_BYTES);
    }

    /** Whether the password's key under this salt is the given hex key, in constant time. */
    static boolean matches(String password, String salt, String hexKey, int blockSize) {
        byte[] expected = unhex(hexKey);
        if (expected == null) {
            return false;
        }
        byte[] actual = key(password, salt, blockSize);
        boolean equal = MessageDigest.isEqual(actual, expected);
        Arrays.fill(actual, (byte) 0);
        return equal;
    }

    static String hex(byte[] bytes) {
        char[] hex = new char[bytes.length * 2];
        for (int index = 0; index < bytes.length; index++) {
            hex[2 * index] = HEX[(bytes[index] & 0xff) >>> 4];
            hex[2 * index + 1] = HEX[bytes[index] & 0x0f];
        }
        return new String(hex);
    }

    /** Hex in either case, as Lucia's {@code decodeHex} reads it; {@code null} when it is not hex. */
    private static byte[] unhex(String hex) {
        if (hex.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int index = 0; index < bytes.length; index++) {
            int high = hexDigit(hex.charAt(2 * index));
            int low = hexDigit(hex.charAt(2 * index + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[index] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /** UTF-8 as JavaScript's {@code TextEncoder} writes it: a lone surrogate becomes U+FFFD. */
    private static byte[] utf8(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {(byte) 0xef, (byte) 0xbf, (byte) 0xbd});
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("replacing encoder failed", e);
        }
    }
}
