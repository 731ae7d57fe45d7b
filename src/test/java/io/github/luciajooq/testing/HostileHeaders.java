package io.github.luciajooq.testing;

import java.util.List;
import java.util.Random;

/** Header values as an attacker would send them: seeded, made of what breaks parsers, encodings, PostgreSQL and SQL. */
public final class HostileHeaders {

    /** The pieces headers are made of. */
    public static final List<String> FRAGMENTS = List.of("auth_session=", "auth_session", "=", ";", " ", "\t", "\"",
            ",", "%", "%0", "%00", "%C3", "%C3%BC", "%FF", "%E2%82", "%2F", "%3D", "%ZZ", "\u0000", "\u0001", "\u001f",
            "\u007f", "\r\n", "\uD800", "\uDC00", "\uD83D\uDE00", "\u00fc", "'", "\\", "'; delete from user_session; --",
            "\\'; delete from user_session; --", "' or '1'='1", "Bearer ", "bearer ", "Basic ", "abc", "==", "+/", "~.-_");

    private HostileHeaders() {}

    /** One to a dozen fragments; now and then a huge value or hundreds of cookies. */
    public static String header(Random random, List<String> fragments) {
        StringBuilder header = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int piece = 0; piece < pieces; piece++) {
            header.append(fragments.get(random.nextInt(fragments.size())));
        }
        switch (random.nextInt(40)) {
            case 0 -> header.append("A".repeat(100_000));
            case 1 -> header.append("a=b; ".repeat(500));
            case 2 -> random.ints(5_000, 0, 0x10000).forEach(c -> header.append((char) c));
            default -> { }
        }
        return header.toString();
    }
}
