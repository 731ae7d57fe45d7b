package io.github.luciajooq.servlet;

import io.github.luciajooq.CookieSession;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.http.CrossOriginProtection;
import io.github.luciajooq.http.RequestHeaders;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.token.SessionToken;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lucia's request cycle as a Jakarta Servlet filter (Servlet 6.0 and later: Jetty 12, Tomcat 10.1 and 11, Spring
 * Boot 3's embedded containers). For each request it:
 * <ol>
 * <li>refuses a state-changing request that another site's page sent, by {@link CrossOriginProtection} (Go 1.25's
 * rule by default; {@link Builder#crossOriginProtection}): the response is {@code 403}, not cacheable, and the rest
 * of the chain does not run. A request with a well-formed {@code Authorization: Bearer} token is exempt: a page of
 * another site cannot set that header;</li>
 * <li>lets the rest of the chain run, and validates the request's session only when something asks for it
 * ({@link #sessionAndUser}, {@link #signOut}): a request that never asks costs no database round trip. The token
 * is the bearer token when there is one, otherwise the session cookie's, as {@link Lucia#validateSessionCookies}
 * reads it (each of several session cookies tried, up to three);</li>
 * <li>for a cookie, adds the {@code Set-Cookie} header that {@link Lucia#validateSessionCookies} says (the renewed
 * cookie; the cookie again on a page load when the browser's copy may expire before the session; the blank cookie
 * when no session cookie was valid), with {@code Cache-Control: private, no-store}. A bearer token gets neither.</li>
 * </ol>
 * Requests the application {@linkplain Builder#exclude(Predicate) excludes} (static assets, health probes) have
 * no session and never touch the store; the cross-origin check still applies to them.
 * <p>
 * Ask for the session before the response is committed (before writing much of its body): the {@code Set-Cookie}
 * header of a response already committed is lost. A {@code Cache-Control} the application sets after the filter set
 * {@code private, no-store} replaces it: keep such responses {@code private}. Nothing a client sends makes the filter throw: a malformed cookie,
 * header or origin is treated as absent. What the session store throws (the database is down) propagates from
 * {@link #sessionAndUser}, and the container answers with its error page.
 * <p>
 * Thread-safe; one instance serves every request, and the application keeps it to call {@link #sessionAndUser},
 * {@link #signIn} and {@link #signOut}.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class SessionFilter<I, U, S> implements Filter {

    /**
     * The request attribute that holds the {@link SessionAndUser} of a valid session once {@link #sessionAndUser}
     * validated it; absent before and otherwise.
     */
    public static final String SESSION_ATTRIBUTE = "io.github.luciajooq.servlet.session";

    private static final String CYCLE_ATTRIBUTE = "io.github.luciajooq.servlet.cycle";
    private static final String DEFAULT_REFUSAL = "Cross-origin request refused.\n";

    private final Lucia<I, U, S> lucia;
    private final CrossOriginProtection protection;
    private final Predicate<HttpServletRequest> excluded;
    private final String refusalType;
    private final byte[] refusalBody;

    private SessionFilter(Builder<I, U, S> builder) {
        this.lucia = builder.lucia;
        this.protection = builder.protection;
        this.excluded = builder.excluded;
        this.refusalType = builder.refusalType;
        this.refusalBody = builder.refusalBody.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A filter on this session manager with Go 1.25's cross-origin protection, the host being each request's
     * {@code Host} header, excluding nothing.
     *
     * @throws NullPointerException when {@code lucia} is {@code null}
     */
    public static <I, U, S> SessionFilter<I, U, S> create(Lucia<I, U, S> lucia) {
        return builder(lucia).build();
    }

    /** @throws NullPointerException when {@code lucia} is {@code null} */
    public static <I, U, S> Builder<I, U, S> builder(Lucia<I, U, S> lucia) {
        return new Builder<>(Arguments.requireNonNull(lucia, "lucia"));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            filter(http, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<SessionToken> bearer = lucia.readBearerToken(request.getHeader("Authorization"));
        if (bearer.isEmpty() && !protection.allows(request.getMethod(), request::getHeader)) {
            refuse(response);
            return;
        }
        if (!excluded.test(request)) {
            request.setAttribute(CYCLE_ATTRIBUTE, new Cycle(request, response, bearer.orElse(null)));
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(refusalType);
        response.setContentLength(refusalBody.length);
        response.getOutputStream().write(refusalBody);
    }

    /**
     * One request's session, validated at most once, when first asked for. Requests may be handled on several
     * threads in turn (asynchronous servlets), hence the lock.
     */
    private final class Cycle {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final SessionToken bearer;
        private CookieSession<I, U, S> result;

        Cycle(HttpServletRequest request, HttpServletResponse response, SessionToken bearer) {
            this.request = request;
            this.response = response;
            this.bearer = bearer;
        }

        synchronized CookieSession<I, U, S> result() {
            if (result == null) {
                result = bearer != null ? bearerSession() : cookieSession();
                result.sessionAndUser().ifPresent(found -> request.setAttribute(SESSION_ATTRIBUTE, found));
            }
            return result;
        }

        private CookieSession<I, U, S> bearerSession() {
            Optional<SessionAndUser<I, U, S>> found = lucia.validateSession(bearer);
            return new CookieSession<>(found, found.map(valid -> bearer), Optional.empty());
        }

        private CookieSession<I, U, S> cookieSession() {
            boolean navigation = RequestHeaders.isNavigation(request.getMethod(), request.getHeader("Sec-Fetch-Mode"),
                    request.getHeader("Accept"));
            CookieSession<I, U, S> found = lucia.validateSessionCookies(cookieHeader(request), navigation);
            found.setCookie().ifPresent(cookie -> setCookie(response, cookie));
            return found;
        }

        synchronized void signedOut() {
            result = new CookieSession<>(Optional.empty(), Optional.empty(), Optional.empty());
            request.removeAttribute(SESSION_ATTRIBUTE);
        }
    }

    private static void setCookie(HttpServletResponse response, Cookie cookie) {
        response.addHeader("Set-Cookie", cookie.serialize());
        response.setHeader("Cache-Control", CookieSession.CACHE_CONTROL);
    }

    /** Every {@code Cookie} header of the request, as one: HTTP/2 clients may send the cookies in several. */
    private static String cookieHeader(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Cookie");
        if (headers == null || !headers.hasMoreElements()) {
            return null;
        }
        String first = headers.nextElement();
        if (!headers.hasMoreElements()) {
            return first;
        }
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(Collections.list(headers));
        return String.join("; ", all);
    }

    @SuppressWarnings("unchecked")
    private Cycle cycle(HttpServletRequest request) {
        return request.getAttribute(CYCLE_ATTRIBUTE) instanceof SessionFilter<?, ?, ?>.Cycle cycle
                ? (Cycle) cycle
                : null;
    }

    /**
     * The session and user of this request, validated the first time this is called for the request (one adapter
     * call per token tried, plus a write when the session is renewed or found expired), and the {@code Set-Cookie}
     * that validation calls for added to the response. Call it before the response is committed.
     *
     * @return empty when the request had no token, or none that is a valid session, or was
     *     {@linkplain Builder#exclude excluded}, or did not pass this filter
     */
    public Optional<SessionAndUser<I, U, S>> sessionAndUser(HttpServletRequest request) {
        Arguments.requireNonNull(request, "request");
        Cycle cycle = cycle(request);
        return cycle == null ? Optional.empty() : cycle.result().sessionAndUser();
    }

    /**
     * Signs a new session in: adds the {@code Set-Cookie} header of its cookie to the response, and
     * {@code Cache-Control: private, no-store}. Call it before the response is committed.
     *
     * @param created what {@link Lucia#createSession} returned
     */
    public void signIn(HttpServletResponse response, NewSession<I, S> created) {
        Arguments.requireNonNull(response, "response");
        Arguments.requireNonNull(created, "created");
        setCookie(response, lucia.createSessionCookie(created.token()));
    }

    /**
     * Signs the request's session out: invalidates it, when the request has a valid one, and adds the blank cookie to
     * the response. Afterwards {@link #sessionAndUser} is empty for this request.
     */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        Arguments.requireNonNull(request, "request");
        Arguments.requireNonNull(response, "response");
        Cycle cycle = cycle(request);
        if (cycle != null) {
            cycle.result().token().ifPresent(lucia::invalidateSession);
            cycle.signedOut();
        }
        request.removeAttribute(SESSION_ATTRIBUTE);
        setCookie(response, lucia.createBlankSessionCookie());
    }

    /**
     * Builds a {@link SessionFilter}; not thread-safe.
     *
     * @param <I> the type of user ids
     * @param <U> the type of user attributes
     * @param <S> the type of session attributes
     */
    public static final class Builder<I, U, S> {

        private final Lucia<I, U, S> lucia;
        private CrossOriginProtection protection = CrossOriginProtection.create();
        private Predicate<HttpServletRequest> excluded = request -> false;
        private String refusalType = "text/plain;charset=UTF-8";
        private String refusalBody = DEFAULT_REFUSAL;

        private Builder(Lucia<I, U, S> lucia) {
            this.lucia = lucia;
        }

        /**
         * Which state-changing requests are refused. Default: {@link CrossOriginProtection#create()}, Go 1.25's rule
         * with the request's {@code Host} as its host. Behind a proxy that rewrites {@code Host}, give the public
         * origins as trusted ones or read {@code X-Forwarded-Host} ({@link CrossOriginProtection.Builder}); for
         * Lucia v3's rule, {@link CrossOriginProtection.Builder#luciaV3Rule}.
         *
         * @throws NullPointerException when {@code protection} is {@code null}
         */
        public Builder<I, U, S> crossOriginProtection(CrossOriginProtection protection) {
            this.protection = Arguments.requireNonNull(protection, "protection");
            return this;
        }

        /**
         * Excludes the requests this predicate accepts from sessions: {@link #sessionAndUser} is empty for them and
         * they never reach the store or get a cookie. Called once per request, on the container's thread. Combines
         * with earlier exclusions: a request either excludes is excluded.
         *
         * @throws NullPointerException when {@code requests} is {@code null}
         */
        public Builder<I, U, S> exclude(Predicate<HttpServletRequest> requests) {
            Arguments.requireNonNull(requests, "requests");
            this.excluded = excluded.or(requests);
            return this;
        }

        /**
         * Excludes requests by path within the application ({@code getServletPath() + getPathInfo()}, which the
         * container decodes and normalises), with the Servlet specification's URL patterns: {@code /static/*} (that
         * path and everything under it), {@code *.css} (an extension), or an exact path such as {@code /health}.
         *
         * @throws NullPointerException when {@code patterns} or one of them is {@code null}
         * @throws IllegalArgumentException when one is neither {@code /...} nor {@code *.ext}
         */
        public Builder<I, U, S> excludePaths(List<String> patterns) {
            Arguments.requireNonNull(patterns, "patterns");
            List<Predicate<String>> matchers = new ArrayList<>(patterns.size());
            for (String pattern : patterns) {
                Arguments.requireNonNull(pattern, "patterns has a null element");
                matchers.add(PathPatterns.matcher(pattern));
            }
            return exclude(request -> {
                String path = PathPatterns.path(request);
                return matchers.stream().anyMatch(matcher -> matcher.test(path));
            });
        }

        /**
         * The body of the {@code 403} a refused request gets (sent with {@code Cache-Control: no-store}). Default: the
         * plain text {@code Cross-origin request refused.}
         *
         * @param contentType its {@code Content-Type}, such as {@code text/html;charset=UTF-8}
         * @param body the body, sent as UTF-8
         * @throws NullPointerException when an argument is {@code null}
         */
        public Builder<I, U, S> refusal(String contentType, String body) {
            this.refusalType = Arguments.requireNonNull(contentType, "contentType");
            this.refusalBody = Arguments.requireNonNull(body, "body");
            return this;
        }

        public SessionFilter<I, U, S> build() {
            return new SessionFilter<>(this);
        }
    }
}
