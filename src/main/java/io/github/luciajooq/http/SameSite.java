package io.github.luciajooq.http;

/** The {@code SameSite} attribute of the session cookie. */
public enum SameSite {
    /** Sent only with requests from the cookie's own site. */
    STRICT("Strict"),
    /** Also sent with top-level navigations from other sites: the default, as in Lucia. */
    LAX("Lax"),
    /** Sent with every request, cross-site too; browsers accept it only on a {@code Secure} cookie. */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** The value as a {@code Set-Cookie} header spells it: {@code Strict}, {@code Lax} or {@code None}. */
    public String attributeValue() {
        return attributeValue;
    }
}
