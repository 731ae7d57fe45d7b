package io.github.luciajooq.postgresql.internal.schema;

import java.nio.charset.StandardCharsets;

/**
 * The names PostgreSQL gives constraints and indexes that are created without one ({@code makeObjectName} in
 * PostgreSQL's sources): {@code <table>_<column>_<label>}, the longer part shortened first to fit 63 bytes. Lucia's
 * changelog names its constraints and indexes the same way, so the adapter can tell which constraint a refusal
 * names without reading the message text.
 */
public final class ConstraintNames {

    /** PostgreSQL's NAMEDATALEN - 1: the longest identifier, in bytes. */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private ConstraintNames() {}

    /** The default name of a primary key on this table: {@code <table>_pkey}. */
    public static String primaryKey(String table) {
        return make(table, null, "pkey");
    }

    /** The default name of a foreign key from this column: {@code <table>_<column>_fkey}. */
    public static String foreignKey(String table, String column) {
        return make(table, column, "fkey");
    }

    /** The default name of an index on this column: {@code <table>_<column>_idx}. */
    public static String index(String table, String column) {
        return make(table, column, "idx");
    }

    private static String make(String name1, String name2, String label) {
        byte[] first = name1.getBytes(StandardCharsets.UTF_8);
        byte[] second = name2 == null ? new byte[0] : name2.getBytes(StandardCharsets.UTF_8);
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = MAX_IDENTIFIER_BYTES - overhead;
        int firstLength = first.length;
        int secondLength = second.length;
        while (firstLength + secondLength > available) {
            if (firstLength > secondLength) {
                firstLength--;
            } else {
                secondLength--;
            }
        }
        StringBuilder name = new StringBuilder(clip(first, firstLength));
        if (name2 != null) {
            name.append('_').append(clip(second, secondLength));
        }
        return name.append('_').append(label).toString();
    }

    /** The first bytes of a UTF-8 name, never splitting a character (PostgreSQL's {@code pg_mbcliplen}). */
    private static String clip(byte[] utf8, int length) {
        int end = length;
        while (end > 0 && end < utf8.length && (utf8[end] & 0xc0) == 0x80) {
            end--;
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
