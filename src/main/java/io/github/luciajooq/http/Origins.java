package io.github.luciajooq.http;

import java.net.IDN;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Lucia v3's CSRF check for cookie sessions, {@link #verifyRequestOrigin(String, Collection)}: a state-changing
 * request must come from a page of an allowed host, as its {@code Origin} header says.
 * <p>
 * Lucia compares hosts as the WHATWG URL standard parses them ({@code new URL(...).host}). This class parses the
 * same way for the URLs browsers send and applications configure (schemes {@code http}, {@code https}, {@code ws},
 * {@code wss} and {@code ftp}; host names, internationalised ones included; IPv4 in dotted-decimal form; IPv6;
 * ports, with the scheme's default port dropped) and answers {@code false} for what it does not parse the WHATWG
 * way, so it is never more permissive than Lucia. It says {@code false} where Lucia says {@code true} for: other
 * schemes; URLs with user info, white space, control characters, backslashes or percent-encoding in the host; no
 * {@code //} after the scheme; IPv4 written in other forms ({@code 127.1}, {@code 0x7f.0.0.1}, leading zeros);
 * host names with characters beyond letters, digits, {@code -}, {@code _} and {@code .}, with empty labels, or
 * with the characters whose IDNA mapping changed after IDNA 2003 ({@code ß}, {@code ς}, joiners). Stateless and
 * thread-safe.
 */
public final class Origins {

    private Origins() {}

    /**
     * Whether a request with this {@code Origin} header comes from one of these hosts.
     *
     * @param origin the {@code Origin} header's value; {@code null} or empty gives {@code false}
     * @param allowedDomains hosts ({@code example.com}, {@code example.com:8443}) or URLs
     *     ({@code https://example.com}); the scheme is not compared, only the host and port
     * @return {@code true} when the origin's host and port are one of theirs; never throws on what a client sent
     * @throws NullPointerException when {@code allowedDomains} or one of them is {@code null}
     */
    public static boolean verifyRequestOrigin(String origin, Collection<String> allowedDomains) {
        Objects.requireNonNull(allowedDomains, "allowedDomains");
        if (origin == null || origin.isEmpty() || allowedDomains.isEmpty()) {
            return false;
        }
        String originHost = host(origin);
        if (originHost == null) {
            return false;
        }
        for (String domain : allowedDomains) {
            Objects.requireNonNull(domain, "allowedDomains has a null element");
            String host = domain.startsWith("http://") || domain.startsWith("https://")
                    ? host(domain)
                    : host("https://" + domain);
            if (originHost.equals(host)) {
                return true;
            }
        }
        return false;
    }

    /** {@code new URL(url).host} as the WHATWG standard defines it, or {@code null} where unsure or invalid. */
    static String host(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
        if (defaultPort < 0 || !url.startsWith("//", colon + 1)) {
            return null;
        }
        for (int index = 0; index < url.length(); index++) {
            char c = url.charAt(index);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                return null;
            }
        }
        int start = colon + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        if (authority.indexOf('@') >= 0 || authority.indexOf('%') >= 0) {
            return null;
        }
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = Ipv6.serialize(authority.substring(1, close));
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return null;
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
            if (host != null) {
                host = "[" + host + "]";
            }
        } else {
            int portColon = authority.indexOf(':');
            host = domain(portColon < 0 ? authority : authority.substring(0, portColon));
            port = portColon < 0 ? "" : authority.substring(portColon + 1);
        }
        if (host == null) {
            return null;
        }
        if (port.isEmpty()) {
            return host;
        }
        int number = port(port);
        if (number < 0) {
            return null;
        }
        return number == defaultPort ? host : host + ":" + number;
    }

    /** A port's digits (leading zeros allowed) as a number, or -1 when not a port. */
    private static int port(String digits) {
        int value = 0;
        for (int index = 0; index < digits.length(); index++) {
            char c = digits.charAt(index);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
            if (value > 65535) {
                return -1;
            }
        }
        return value;
    }

    /** A host name or dotted-decimal IPv4 address as the WHATWG standard serialises it, or {@code null}. */
    private static String domain(String input) {
        if (input.isEmpty()) {
            return null;
        }
        String ascii = input;
        if (!isAscii(input)) {
            if (input.codePoints().anyMatch(c -> c == 0x00df || c == 0x03c2 || c == 0x200c || c == 0x200d)) {
                return null;
            }
            try {
                ascii = IDN.toASCII(input);
            } catch (IllegalArgumentException invalid) {
                return null;
            }
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        String[] labels = ascii.split("\\.", -1);
        for (int index = 0; index < labels.length; index++) {
            String label = labels[index];
            boolean trailing = index == labels.length - 1 && index > 0;
            if (label.isEmpty() ? !trailing : !isLabel(label)) {
                return null;
            }
        }
        String last = labels[labels.length - 1].isEmpty() && labels.length > 1
                ? labels[labels.length - 2]
                : labels[labels.length - 1];
        if (isNumeric(last)) {
            return isDottedDecimal(ascii) ? ascii : null;
        }
        return ascii;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static boolean isLabel(String label) {
        for (int index = 0; index < label.length(); index++) {
            char c = label.charAt(index);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return !label.startsWith("xn--") || isPunycode(label);
    }

    /** A label in Punycode that IDNA decodes and encodes back to itself. */
    private static boolean isPunycode(String label) {
        String unicode = IDN.toUnicode(label);
        if (unicode.equals(label)
                || unicode.codePoints().anyMatch(c -> c == 0x00df || c == 0x03c2 || c == 0x200c || c == 0x200d)) {
            return false;
        }
        try {
            return IDN.toASCII(unicode).toLowerCase(Locale.ROOT).equals(label);
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    /** What the WHATWG standard parses as a number: digits, or {@code 0x} and hex digits. */
    private static boolean isNumeric(String label) {
        if (label.isEmpty()) {
            return false;
        }
        if (label.startsWith("0x")) {
            return label.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return label.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Four decimal parts of 0 to 255 without leading zeros: the only IPv4 form the standard keeps as written. */
    private static boolean isDottedDecimal(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0'
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
