package io.github.luciajooq.internal;

/**
 * Which strings a PostgreSQL {@code TEXT} column can hold exactly. Not API: it may change in any release.
 * <p>
 * PostgreSQL refuses a NUL character in text ({@code invalid byte sequence for encoding "UTF8": 0x00}), and a
 * lone UTF-16 surrogate has no UTF-8 encoding at all: drivers send it as {@code ?}, so it would be stored
 * altered. Adapters check for both before any SQL runs, so that such a value is refused (or, as a key, matches
 * nothing) instead of failing the statement or being changed.
 */
public final class StorableText {

    private StorableText() {}

    /**
     * What keeps this text from being stored exactly, for a message; {@code null} when nothing does.
     */
    public static String problem(CharSequence text) {
        int length = text.length();
        for (int index = 0; index < length; index++) {
            char c = text.charAt(index);
            if (c == 0) {
                return "contains a NUL character, which PostgreSQL cannot store";
            }
            if (Character.isHighSurrogate(c) && index + 1 < length && Character.isLowSurrogate(text.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(c)) {
                return "contains a lone UTF-16 surrogate, which has no UTF-8 encoding";
            }
        }
        return null;
    }

    /** Whether this text can be stored exactly. */
    public static boolean isStorable(CharSequence text) {
        return problem(text) == null;
    }
}
