package io.github.luciajooq.internal;

/** Names in messages. Not API: it may change in any release. */
public final class Names {

    private Names() {}

    /**
     * The name in double quotes, with control characters and lone surrogates written as {@code \}{@code uXXXX}, so
     * that a message shows exactly what was given and cannot be forged by what it holds.
     */
    public static String quote(String name) {
        StringBuilder quoted = new StringBuilder(name.length() + 2).append('"');
        for (int index = 0; index < name.length(); index++) {
            char c = name.charAt(index);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && index + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(index + 1))
                    || Character.isLowSurrogate(c) && index > 0 && Character.isHighSurrogate(name.charAt(index - 1));
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !pairedSurrogate) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
