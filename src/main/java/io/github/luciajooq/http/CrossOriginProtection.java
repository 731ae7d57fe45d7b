package io.github.luciajooq.http;

import io.github.luciajooq.internal.Arguments;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether a request may change state, judged by what browsers say of where it comes from: Go 1.25's
 * {@code net/http.CrossOriginProtection} (the rule ASP.NET Core, tower-http, Hono and Phoenix follow), with Lucia's
 * {@link Origins#verifyRequestOrigin} as its comparison of origins. In order:
 * <ol>
 * <li>{@code GET}, {@code HEAD} and {@code OPTIONS} pass (they must not change state);</li>
 * <li>{@code Sec-Fetch-Site: same-origin} or {@code none} (the user typed the address, or used a bookmark) passes;
 * any other value ({@code cross-site}, {@code same-site}, anything malformed) is refused unless the {@code Origin}
 * is a trusted one;</li>
 * <li>without {@code Sec-Fetch-Site} (browsers before 2023, or plain HTTP to a host that is not
 * {@code localhost}), an {@code Origin} whose host and port are the request's {@code Host} passes, a trusted one
 * too, any other is refused ({@code null} and malformed ones included);</li>
 * <li>a request with neither header does not come from a browser (a webhook, a server-to-server call, a health
 * probe, {@code curl}) and passes: there is no browser whose cookies another site could use.</li>
 * </ol>
 * The request's host is its {@code Host} header, so a reverse proxy must pass it on unchanged, or the application
 * lists its public origins as trusted ones, or {@link Builder#forwardedHost} reads {@code X-Forwarded-Host}. As in
 * Go, the scheme is not compared with the {@code Host}: an {@code http} page posting to the {@code https} site of
 * the same host passes in browsers without {@code Sec-Fetch-Site}; HSTS closes that.
 * <p>
 * {@link Builder#luciaV3Rule} keeps Lucia v3's stricter rule instead: every method but {@code GET}, {@code HEAD},
 * {@code OPTIONS} and {@code TRACE} needs an {@code Origin} that {@link Origins#verifyRequestOrigin} finds among the
 * trusted origins, or, when none are given, is the request's host; a request without {@code Origin} is refused,
 * webhooks included.
 * <p>
 * Framework-neutral (a request is its method and a way to read its headers), immutable and thread-safe. Never
 * throws on what a client sent.
 */
public final class CrossOriginProtection {

    /** What a request's headers are read through: a header's first value by name, or {@code null} when absent. */
    @FunctionalInterface
    public interface Headers {
        String first(String name);
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> LUCIA_V3_SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> trustedOrigins;
    private final boolean luciaV3Rule;
    private final boolean forwardedHost;

    private CrossOriginProtection(List<String> trustedOrigins, boolean luciaV3Rule, boolean forwardedHost) {
        this.trustedOrigins = trustedOrigins;
        this.luciaV3Rule = luciaV3Rule;
        this.forwardedHost = forwardedHost;
    }

    /** Go 1.25's rule, with no trusted origins, the host being the {@code Host} header. */
    public static CrossOriginProtection create() {
        return builder().build();
    }

    /** A builder of Go 1.25's rule, with no trusted origins, the host being the {@code Host} header. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether this request may go on.
     *
     * @param method the request's method, as sent (compared case-sensitively, as HTTP methods are)
     * @param headers its headers: {@code Sec-Fetch-Site}, {@code Origin}, {@code Host} and, when so configured,
     *     {@code X-Forwarded-Host} are read
     * @throws NullPointerException when an argument is {@code null}
     */
    public boolean allows(String method, Headers headers) {
        Arguments.requireNonNull(method, "method");
        Arguments.requireNonNull(headers, "headers");
        String origin = emptyAsNull(headers.first("Origin"));
        if (luciaV3Rule) {
            if (LUCIA_V3_SAFE_METHODS.contains(method)) {
                return true;
            }
            if (!trustedOrigins.isEmpty()) {
                return Origins.verifyRequestOrigin(origin, trustedOrigins);
            }
            return sameHost(origin, headers);
        }
        if (SAFE_METHODS.contains(method)) {
            return true;
        }
        String site = emptyAsNull(headers.first("Sec-Fetch-Site"));
        if (site != null) {
            return site.equals("same-origin") || site.equals("none") || trusted(origin);
        }
        if (origin == null) {
            return true;
        }
        return sameHost(origin, headers) || trusted(origin);
    }

    /**
     * {@link #allows(String, Headers)} for these header values.
     *
     * @param host the {@code Host} header (or what the proxy says it was), {@code null} when absent
     * @param origin the {@code Origin} header, {@code null} when absent
     * @param secFetchSite the {@code Sec-Fetch-Site} header, {@code null} when absent
     */
    public boolean allows(String method, String host, String origin, String secFetchSite) {
        return allows(method, name -> switch (name) {
            case "Host", "X-Forwarded-Host" -> host;
            case "Origin" -> origin;
            case "Sec-Fetch-Site" -> secFetchSite;
            default -> null;
        });
    }

    private boolean trusted(String origin) {
        return !trustedOrigins.isEmpty() && Origins.verifyRequestOrigin(origin, trustedOrigins);
    }

    private boolean sameHost(String origin, Headers headers) {
        String host = null;
        if (forwardedHost) {
            host = firstListed(headers.first("X-Forwarded-Host"));
        }
        if (host == null) {
            host = emptyAsNull(headers.first("Host"));
        }
        // A Host with a scheme or path is not a host: verifyRequestOrigin would take a URL as the allowed one.
        if (host == null || host.isBlank() || host.contains("/")) {
            return false;
        }
        return Origins.verifyRequestOrigin(origin, List.of(host.strip()));
    }

    /** The first of a comma-separated list (proxies append theirs), or {@code null}. */
    private static String firstListed(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return emptyAsNull((comma < 0 ? value : value.substring(0, comma)).strip());
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        return "CrossOriginProtection[" + (luciaV3Rule ? "Lucia v3 rule" : "Go 1.25 rule") + ", trustedOrigins="
                + trustedOrigins + (forwardedHost ? ", X-Forwarded-Host" : "") + "]";
    }

    /** Configures a {@link CrossOriginProtection}; not thread-safe. */
    public static final class Builder {

        private List<String> trustedOrigins = List.of();
        private boolean luciaV3Rule;
        private boolean forwardedHost;

        private Builder() {}

        /**
         * Origins whose state-changing requests pass, as {@link Origins#verifyRequestOrigin} compares them: their host
         * and port, not their scheme ({@code https://app.example}, {@code app.example:8443}). Under Go's rule they pass
         * in addition to the request's own host; under {@link #luciaV3Rule} they replace it. Default: none.
         *
         * @throws NullPointerException when {@code origins} or one of them is {@code null}
         * @throws IllegalArgumentException when one is blank or has no host {@link Origins} can read
         */
        public Builder trustedOrigins(Collection<String> origins) {
            Arguments.requireNonNull(origins, "origins");
            List<String> checked = new ArrayList<>(origins.size());
            for (String origin : origins) {
                Arguments.requireNonNull(origin, "origins has a null element");
                boolean url = origin.startsWith("http://") || origin.startsWith("https://");
                if (origin.isBlank() || !url && origin.contains("://")
                        || Origins.host(url ? origin : "https://" + origin) == null) {
                    throw new IllegalArgumentException("origins has an element that is not a host or origin: \""
                            + origin + "\"");
                }
                checked.add(origin);
            }
            this.trustedOrigins = List.copyOf(checked);
            return this;
        }

        /**
         * Whether to keep Lucia v3's rule (every state-changing request needs an {@code Origin} of the request's
         * host or of the trusted origins; none without {@code Origin} passes) instead of Go 1.25's. Default: Go's.
         */
        public Builder luciaV3Rule(boolean luciaV3Rule) {
            this.luciaV3Rule = luciaV3Rule;
            return this;
        }

        /**
         * Whether the request's host is the first host of {@code X-Forwarded-Host}, when there is one, rather than
         * {@code Host}. Only behind a reverse proxy that sets that header (or removes what clients send): otherwise
         * a client names its own host. Default: {@code false}.
         */
        public Builder forwardedHost(boolean forwardedHost) {
            this.forwardedHost = forwardedHost;
            return this;
        }

        public CrossOriginProtection build() {
            return new CrossOriginProtection(trustedOrigins, luciaV3Rule, forwardedHost);
        }
    }
}
