package io.github.luciajooq.http;

import io.github.luciajooq.internal.Arguments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A cookie for the application to send in a {@code Set-Cookie} header: {@code response.addHeader("Set-Cookie",
 * cookie.serialize())}.
 *
 * @param name the cookie's name
 * @param value its value, not yet encoded; {@link #serialize()} percent-encodes it
 * @param attributes its attributes
 */
public record Cookie(String name, String value, Attributes attributes) {

    /** @throws NullPointerException when an argument is {@code null} */
    public Cookie {
        Arguments.requireNonNull(name, "name");
        Arguments.requireNonNull(value, "value");
        Arguments.requireNonNull(attributes, "attributes");
    }

    /**
     * The attributes of a cookie.
     *
     * @param secure whether the cookie is sent over HTTPS only ({@code Secure})
     * @param httpOnly whether scripts are kept from reading it ({@code HttpOnly})
     * @param sameSite its {@code SameSite} attribute
     * @param path its {@code Path}
     * @param domain its {@code Domain}, or {@code null} for none: the cookie then goes to the exact host only
     * @param maxAge its {@code Max-Age}, in whole seconds; {@code null} for none (a browser-session cookie),
     *     zero to delete the cookie
     */
    public record Attributes(boolean secure, boolean httpOnly, SameSite sameSite, String path, String domain,
            Duration maxAge) {

        /** @throws NullPointerException when {@code sameSite} or {@code path} is {@code null} */
        public Attributes {
            Arguments.requireNonNull(sameSite, "sameSite");
            Arguments.requireNonNull(path, "path");
        }

        /** These attributes with another {@code Max-Age}. */
        public Attributes withMaxAge(Duration maxAge) {
            return new Attributes(secure, httpOnly, sameSite, path, domain, maxAge);
        }
    }

    /**
     * The value of a {@code Set-Cookie} header for this cookie, e.g.
     * {@code auth_session=abc; HttpOnly; Max-Age=2592000; Path=/; SameSite=Lax; Secure}: byte for byte what
     * Lucia v3 writes. The value is percent-encoded as JavaScript's {@code encodeURIComponent} does, so that it
     * can hold any character.
     */
    public String serialize() {
        StringBuilder header = new StringBuilder(name).append('=').append(encode(value));
        if (attributes.domain() != null) {
            header.append("; Domain=").append(attributes.domain());
        }
        if (attributes.httpOnly()) {
            header.append("; HttpOnly");
        }
        if (attributes.maxAge() != null) {
            header.append("; Max-Age=").append(attributes.maxAge().getSeconds());
        }
        header.append("; Path=").append(attributes.path());
        header.append("; SameSite=").append(attributes.sameSite().attributeValue());
        if (attributes.secure()) {
            header.append("; Secure");
        }
        return header.toString();
    }

    /**
     * The cookie without its value, which is a credential: use {@link #serialize()} for the header.
     */
    @Override
    public String toString() {
        return "Cookie[name=" + name + ", value=" + (value.isEmpty() ? "" : "(redacted)") + ", attributes="
                + attributes + "]";
    }

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xff;
            if (unsigned < 0x80 && UNRESERVED.indexOf(unsigned) >= 0) {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0xf]);
            }
        }
        return encoded.toString();
    }
}
