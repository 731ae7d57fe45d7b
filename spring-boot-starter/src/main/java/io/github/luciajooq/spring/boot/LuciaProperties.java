package io.github.luciajooq.spring.boot;

import io.github.luciajooq.AtSessionLimit;
import io.github.luciajooq.http.SameSite;
import io.github.luciajooq.token.TokenStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code lucia.*} properties: each default is lucia-jooq's own, so an application that sets none gets what
 * {@code Lucia.builder(adapter).build()} and {@code SessionFilter.create(lucia)} give. Bound once at start-up;
 * not thread-safe while being bound, read-only afterwards.
 */
@ConfigurationProperties("lucia")
public class LuciaProperties {

    private final Session session = new Session();
    private final Cookie cookie = new Cookie();
    private final Tables tables = new Tables();
    private final Filter filter = new Filter();
    private final CrossOrigin crossOrigin = new CrossOrigin();
    private final Cleanup cleanup = new Cleanup();
    private final Metrics metrics = new Metrics();

    public Session getSession() {
        return session;
    }

    public Cookie getCookie() {
        return cookie;
    }

    public Tables getTables() {
        return tables;
    }

    public Filter getFilter() {
        return filter;
    }

    public CrossOrigin getCrossOrigin() {
        return crossOrigin;
    }

    public Cleanup getCleanup() {
        return cleanup;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    /** {@code lucia.metrics.*}: Micrometer meters, when Micrometer is present and the application has a registry. */
    public static class Metrics {

        /** Whether to measure the session manager. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * {@code lucia.session.*}: lifetime, renewal, how tokens are stored, and the rest of OWASP ASVS 5.0 V7's session
     * policy (absolute lifetime, a limit per user). Unset, each is lucia-jooq's default: no absolute lifetime, no
     * limit.
     */
    public static class Session {

        /** How long a session lives after it is created or renewed: the inactivity timeout (ASVS V7.3.1). */
        private Duration lifetime = Duration.ofDays(30);

        /**
         * Renew a session validated with no more than this left; unset: half the lifetime; 0: never renew. Set this
         * or {@code renewal-interval}, not both.
         */
        private Duration renewalThreshold;

        /**
         * How often, at most, validation writes a session's new expiry (the lifetime minus the renewal threshold);
         * e.g. {@code 1h}. Unset: half the lifetime. Set this or {@code renewal-threshold}, not both.
         */
        private Duration renewalInterval;

        /**
         * The absolute lifetime (ASVS V7.3.2): a session ends this long after the user signed in (or
         * re-authenticated) however active it is. Unset: none. Needs the session table's {@code authenticated_at}
         * ({@code lucia.tables.authenticated-at}, or {@code withAuthenticatedAt} on a {@code GeneratedTables} bean).
         */
        private Duration absoluteLifetime;

        /** The most live sessions a user may have at once (ASVS V7.1.2), at least 1; unset: no limit. */
        private Integer maxPerUser;

        /** What creating a session at {@code max-per-user} does: REFUSE_NEW (the default) or END_OLDEST. */
        private AtSessionLimit atLimit = AtSessionLimit.REFUSE_NEW;

        /** How the session table keeps tokens: HASHED (SHA-256, the default) or PLAIN (Lucia v3's way). */
        private TokenStorage tokenStorage = TokenStorage.HASHED;

        public Duration getLifetime() {
            return lifetime;
        }

        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration getRenewalThreshold() {
            return renewalThreshold;
        }

        public void setRenewalThreshold(Duration renewalThreshold) {
            this.renewalThreshold = renewalThreshold;
        }

        public Duration getRenewalInterval() {
            return renewalInterval;
        }

        public void setRenewalInterval(Duration renewalInterval) {
            this.renewalInterval = renewalInterval;
        }

        public Duration getAbsoluteLifetime() {
            return absoluteLifetime;
        }

        public void setAbsoluteLifetime(Duration absoluteLifetime) {
            this.absoluteLifetime = absoluteLifetime;
        }

        public Integer getMaxPerUser() {
            return maxPerUser;
        }

        public void setMaxPerUser(Integer maxPerUser) {
            this.maxPerUser = maxPerUser;
        }

        public AtSessionLimit getAtLimit() {
            return atLimit;
        }

        public void setAtLimit(AtSessionLimit atLimit) {
            this.atLimit = atLimit;
        }

        public TokenStorage getTokenStorage() {
            return tokenStorage;
        }

        public void setTokenStorage(TokenStorage tokenStorage) {
            this.tokenStorage = tokenStorage;
        }
    }

    /** {@code lucia.cookie.*}: the session cookie's name and attributes. */
    public static class Cookie {

        /** The session cookie's name; {@code __Host-auth_session} on HTTPS keeps sibling hosts from planting one. */
        private String name = "auth_session";

        /**
         * The {@code Secure} attribute. Browsers drop a {@code Secure} cookie sent over plain {@code http://} to any
         * host but {@code localhost}: set {@code false} only for such a development set-up.
         */
        private boolean secure = true;

        /** The {@code SameSite} attribute. */
        private SameSite sameSite = SameSite.LAX;

        /** The {@code Path} attribute. */
        private String path = "/";

        /** The {@code Domain} attribute; unset: the exact host only. */
        private String domain;

        /** Whether the cookie expires with the session ({@code true}) or is kept for 400 days. */
        private boolean expires = true;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public boolean isSecure() {
            return secure;
        }

        public void setSecure(boolean secure) {
            this.secure = secure;
        }

        public SameSite getSameSite() {
            return sameSite;
        }

        public void setSameSite(SameSite sameSite) {
            this.sameSite = sameSite;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public String getDomain() {
            return domain;
        }

        public void setDomain(String domain) {
            this.domain = domain;
        }

        public boolean isExpires() {
            return expires;
        }

        public void setExpires(boolean expires) {
            this.expires = expires;
        }
    }

    /**
     * {@code lucia.tables.*}: the tables by name, used when the application declares no {@code GeneratedTables}
     * bean (with one, these are ignored).
     */
    public static class Tables {

        /** The user table: {@code table} or {@code schema.table}, taken literally. */
        private String user = "auth_user";

        /** The session table, in the user table's schema. */
        private String session = "user_session";

        /** Columns of the user table that validation reads into the user's attributes. */
        private List<String> userColumns = new ArrayList<>();

        /** Columns of the session table that validation reads into the session's attributes. */
        private List<String> sessionColumns = new ArrayList<>();

        /**
         * Whether the session table keeps when the user authenticated, in {@code authenticated_at} (lucia-jooq's
         * changelog adds it): needed by {@code lucia.session.absolute-lifetime} and re-authentication. A session
         * table without the column fails the start, naming it; set {@code false} for such a table (Lucia v3's).
         */
        private boolean authenticatedAt = true;

        public String getUser() {
            return user;
        }

        public void setUser(String user) {
            this.user = user;
        }

        public String getSession() {
            return session;
        }

        public void setSession(String session) {
            this.session = session;
        }

        public List<String> getUserColumns() {
            return userColumns;
        }

        public void setUserColumns(List<String> userColumns) {
            this.userColumns = userColumns;
        }

        public List<String> getSessionColumns() {
            return sessionColumns;
        }

        public void setSessionColumns(List<String> sessionColumns) {
            this.sessionColumns = sessionColumns;
        }

        public boolean isAuthenticatedAt() {
            return authenticatedAt;
        }

        public void setAuthenticatedAt(boolean authenticatedAt) {
            this.authenticatedAt = authenticatedAt;
        }
    }

    /** {@code lucia.filter.*}: how {@code SessionFilter} is registered in the servlet container. */
    public static class Filter {

        /**
         * Whether the filter runs: with {@code false} it is registered disabled, and no request has a session
         * ({@code @SignedIn}, Spring Security's context) unless the application maps {@code SessionFilter} itself.
         */
        private boolean enabled = true;

        /**
         * The filter's order: before Spring Security's filter chain (-100), so that the cross-origin check runs
         * first and the security context can be read from the session.
         */
        private int order = -110;

        /** The URL patterns the filter is mapped to. */
        private List<String> urlPatterns = new ArrayList<>(List.of("/*"));

        /** Servlet URL patterns the filter passes without reading a session (static assets, health probes). */
        private List<String> excludePaths = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getOrder() {
            return order;
        }

        public void setOrder(int order) {
            this.order = order;
        }

        public List<String> getUrlPatterns() {
            return urlPatterns;
        }

        public void setUrlPatterns(List<String> urlPatterns) {
            this.urlPatterns = urlPatterns;
        }

        public List<String> getExcludePaths() {
            return excludePaths;
        }

        public void setExcludePaths(List<String> excludePaths) {
            this.excludePaths = excludePaths;
        }
    }

    /** {@code lucia.cross-origin.*}: the filter's cross-origin protection (Go 1.25's rule by default). */
    public static class CrossOrigin {

        /** Origins whose state-changing requests pass where the rule would refuse them. */
        private List<String> trustedOrigins = new ArrayList<>();

        /** Whether the request's host is X-Forwarded-Host's first: only behind a proxy that sets it. */
        private boolean forwardedHost;

        /** Whether to apply Lucia v3's rule (an allowed Origin on every state-changing request) instead of Go's. */
        private boolean luciaV3Rule;

        public List<String> getTrustedOrigins() {
            return trustedOrigins;
        }

        public void setTrustedOrigins(List<String> trustedOrigins) {
            this.trustedOrigins = trustedOrigins;
        }

        public boolean isForwardedHost() {
            return forwardedHost;
        }

        public void setForwardedHost(boolean forwardedHost) {
            this.forwardedHost = forwardedHost;
        }

        public boolean isLuciaV3Rule() {
            return luciaV3Rule;
        }

        public void setLuciaV3Rule(boolean luciaV3Rule) {
            this.luciaV3Rule = luciaV3Rule;
        }
    }

    /**
     * {@code lucia.cleanup.*}: deleting expired sessions on a schedule. Safe on every instance of the application:
     * the delete is idempotent and instances skip the rows another one holds.
     */
    public static class Cleanup {

        /** Whether to delete expired sessions on a schedule. */
        private boolean enabled = true;

        /** The time between the end of one run and the start of the next, before jitter. */
        private Duration interval = Duration.ofHours(1);

        /**
         * Up to this much is added at random to each wait (and is the first run's whole wait), so that instances
         * started together do not run together.
         */
        private Duration jitter = Duration.ofMinutes(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getJitter() {
            return jitter;
        }

        public void setJitter(Duration jitter) {
            this.jitter = jitter;
        }
    }
}
