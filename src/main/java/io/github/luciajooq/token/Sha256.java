package io.github.luciajooq.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 in lowercase hex, as Lucia's guidance stores tokens and PostgreSQL's {@code sha256()} computes them. */
final class Sha256 {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final MessageDigest PROTOTYPE = prototype();

    private Sha256() {}

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The lowercase hex SHA-256 of the text's UTF-8 bytes: 64 characters of {@code 0-9a-f}. */
    static String hex(String text) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
        byte[] hash = digest.digest(text.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[hash.length * 2];
        for (int index = 0; index < hash.length; index++) {
            hex[2 * index] = HEX[(hash[index] & 0xff) >>> 4];
            hex[2 * index + 1] = HEX[hash[index] & 0x0f];
        }
        return new String(hex);
    }

    /** Whether the text is 64 characters of lowercase hex, as {@link #hex(String)} writes. */
    static boolean isHex(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int index = 0; index < 64; index++) {
            char c = text.charAt(index);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
