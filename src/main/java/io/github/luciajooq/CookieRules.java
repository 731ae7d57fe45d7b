package io.github.luciajooq;

import io.github.luciajooq.http.SameSite;

/** What browsers and RFC 6265 require of a cookie's name and attributes, checked once, when Lucia is built. */
final class CookieRules {

    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

    private CookieRules() {}

    static void check(String name, boolean secure, SameSite sameSite, String path, String domain) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || SEPARATORS.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("sessionCookieName must be an RFC 6265 token (visible ASCII without"
                    + " separators such as ; = , or spaces), not \"" + name + "\"");
        }
        if (!path.startsWith("/") || !isAttributeValue(path)) {
            throw new IllegalArgumentException("path must start with / and hold no ; or control character, not \""
                    + path + "\"");
        }
        if (domain != null && (domain.isBlank() || !isAttributeValue(domain) || domain.contains(" "))) {
            throw new IllegalArgumentException("domain must be a host name without ; spaces or control characters, not \""
                    + domain + "\"");
        }
        if (sameSite == SameSite.NONE && !secure) {
            throw new IllegalArgumentException("sameSite NONE needs secure: browsers drop a SameSite=None cookie"
                    + " that is not Secure");
        }
        if (name.startsWith("__Secure-") && !secure) {
            throw new IllegalArgumentException("a cookie named __Secure-... needs secure: browsers drop it otherwise");
        }
        if (name.startsWith("__Host-") && (!secure || !path.equals("/") || domain != null)) {
            throw new IllegalArgumentException("a cookie named __Host-... needs secure, path / and no domain:"
                    + " browsers drop it otherwise");
        }
    }

    private static boolean isAttributeValue(String value) {
        return value.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == ';');
    }
}
