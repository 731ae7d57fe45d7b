package io.github.luciajooq.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values out of request headers as browsers and HTTP clients send them. Never throws on what a client sends:
 * a malformed header has no values. Stateless and thread-safe.
 */
public final class RequestHeaders {

    /** RFC 6750: {@code "Bearer" 1*SP b64token}, the scheme in any case. */
    private static final Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]+=*)[ \\t]*");

    private RequestHeaders() {}

    /**
     * The values of the cookies with this name in a {@code Cookie} header, in the order sent. Pieces are split at
     * {@code ;}; white space around names and values is dropped, a value in double quotes is unquoted, and
     * percent-encoding is decoded as UTF-8. A piece without {@code =}, with an empty value, or whose
     * percent-encoding or UTF-8 is broken, is left out.
     *
     * @param cookieHeader the header's value, or {@code null} when the request has none
     * @param name the cookie's name, compared exactly
     * @return the values, possibly none; never {@code null}
     */
    public static List<String> cookieValues(String cookieHeader, String name) {
        List<String> values = new ArrayList<>(1);
        if (cookieHeader == null) {
            return values;
        }
        for (String piece : cookieHeader.split(";")) {
            int equals = piece.indexOf('=');
            if (equals < 0 || !trim(piece.substring(0, equals)).equals(name)) {
                continue;
            }
            String value = unquote(trim(piece.substring(equals + 1)));
            percentDecode(value).filter(decoded -> !decoded.isEmpty()).ifPresent(values::add);
        }
        return values;
    }

    /**
     * Whether a {@code Cookie} header has a cookie of this name, whatever its value (empty or malformed ones too):
     * whether the client holds one that the server may have to clear.
     *
     * @param cookieHeader the header's value, or {@code null} when the request has none
     * @param name the cookie's name, compared exactly
     */
    public static boolean hasCookie(String cookieHeader, String name) {
        if (cookieHeader == null) {
            return false;
        }
        for (String piece : cookieHeader.split(";")) {
            int equals = piece.indexOf('=');
            if (equals >= 0 && trim(piece.substring(0, equals)).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header (RFC 6750: the scheme in any case, the token a
     * {@code b64token}).
     *
     * @param authorizationHeader the header's value, or {@code null} when the request has none
     * @return empty for any other header
     */
    public static Optional<String> bearerToken(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        Matcher matcher = BEARER.matcher(trim(authorizationHeader));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Whether a request loads a page into a browser window or frame (a navigation): a {@code GET} with
     * {@code Sec-Fetch-Mode: navigate}, or, from a browser that sends no {@code Sec-Fetch-Mode}, a {@code GET} that
     * accepts {@code text/html}. Images, scripts, style sheets and API calls are not.
     *
     * @param method the request's method
     * @param secFetchMode its {@code Sec-Fetch-Mode} header, or {@code null}
     * @param accept its {@code Accept} header, or {@code null}
     */
    public static boolean isNavigation(String method, String secFetchMode, String accept) {
        if (!"GET".equals(method)) {
            return false;
        }
        if (secFetchMode != null && !secFetchMode.isEmpty()) {
            return secFetchMode.equals("navigate");
        }
        return accept != null && accept.contains("text/html");
    }

    private static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isWhiteSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhiteSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Decodes {@code %XX} escapes as UTF-8, leaving {@code +} alone; empty when malformed. */
    private static Optional<String> percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return Optional.of(value);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        int index = 0;
        while (index < value.length()) {
            if (value.charAt(index) != '%') {
                int escape = value.indexOf('%', index);
                int end = escape < 0 ? value.length() : escape;
                bytes.writeBytes(value.substring(index, end).getBytes(StandardCharsets.UTF_8));
                index = end;
                continue;
            }
            if (index + 2 >= value.length()) {
                return Optional.empty();
            }
            int high = Character.digit(value.charAt(index + 1), 16);
            int low = Character.digit(value.charAt(index + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            bytes.write(high << 4 | low);
            index += 3;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
    }
}
