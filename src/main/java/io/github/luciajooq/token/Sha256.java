package io.github.luciajooq.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 in lowercase hex, as Lucia's guidance stores tokens and PostgreSQL's {@code sha256()} computes them. */
final class Sha256 {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** 1 for each ASCII character that is not a lowercase hex digit. */
    private static final byte[] NOT_HEX = notHex();
    private static final MessageDigest PROTOTYPE = prototype();

    private Sha256() {}

    private static MessageDigest prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] notHex() {
        byte[] notHex = new byte[128];
        java.util.Arrays.fill(notHex, (byte) 1);
        for (char digit : HEX) {
            notHex[digit] = 0;
        }
        return notHex;
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

    /**
     * Whether the text is 64 characters of lowercase hex, as {@link #hex(String)} writes. Every listed session's
     * handle passes here: one table lookup a character, no branch on which range it is in.
     */
    static boolean isHex(String text) {
        if (text.length() != 64) {
            return false;
        }
        int outside = 0;
        for (int index = 0; index < 64; index++) {
            char c = text.charAt(index);
            outside |= c < 128 ? NOT_HEX[c] : 1;
        }
        return outside == 0;
    }
}
