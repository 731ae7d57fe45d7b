package io.github.luciajooq.servlet;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.http.Origins;
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
import java.util.Set;

/**
 * Lucia's request cycle as a Jakarta Servlet filter (Servlet 6.0 and later: Jetty 12, Tomcat 10.1 and 11, Spring
 * Boot 3's embedded containers). For each request it:
 * <ol>
 * <li>takes the session token of an {@code Authorization: Bearer} header, when there is a well-formed one, and
 * otherwise of the session cookie;</li>
 * <li>refuses a state-changing request (any method but {@code GET}, {@code HEAD}, {@code OPTIONS} and
 * {@code TRACE}) that carries no bearer token, whether or not it has a cookie, unless its {@code Origin} header
 * passes {@link Origins#verifyRequestOrigin} for the allowed hosts: the response is {@code 403} and the rest of the
 * chain does not run (Lucia v3's CSRF protection; a page of another site cannot set an {@code Authorization}
 * header, so bearer requests are exempt);</li>
 * <li>validates the token, and makes the session and its user available to the rest of the chain
 * ({@link #sessionAndUser(HttpServletRequest)});</li>
 * <li>for a cookie, adds a {@code Set-Cookie} header with a new cookie when the session was renewed
 * ({@code fresh}), or with the blank cookie when the request had a session cookie that is not a valid session (a
 * forged, tampered, expired or signed-out one), so the browser forgets it. A bearer token gets neither.</li>
 * </ol>
 * Nothing a client sends makes the filter throw: a malformed cookie, header or origin is treated as absent. What the
 * session store throws (the database is down) propagates, and the container answers with its error page.
 * <p>
 * Thread-safe; one instance serves every request, and the application keeps it to call
 * {@link #sessionAndUser}, {@link #signIn} and {@link #signOut}. The hosts a state-changing request may come from
 * are, by default, the one its {@code Host} header names, as in Lucia's own examples; behind a proxy that changes
 * {@code Host}, give them with {@link Builder#allowedHosts}.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class SessionFilter<I, U, S> implements Filter {

    /** The request attribute that holds the {@link SessionAndUser} of a valid session; absent otherwise. */
    public static final String SESSION_ATTRIBUTE = "io.github.luciajooq.servlet.session";

    private static final String TOKEN_ATTRIBUTE = "io.github.luciajooq.servlet.token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final byte[] REFUSED = "Cross-origin request refused.\n".getBytes(StandardCharsets.UTF_8);

    private final Lucia<I, U, S> lucia;
    private final List<String> allowedHosts;

    private SessionFilter(Lucia<I, U, S> lucia, List<String> allowedHosts) {
        this.lucia = lucia;
        this.allowedHosts = allowedHosts;
    }

    /**
     * A filter on this session manager that allows state-changing requests from the host of the request's own
     * {@code Host} header.
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
        if (bearer.isPresent()) {
            validate(request, bearer.get());
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !fromAllowedOrigin(request)) {
            refuse(response);
            return;
        }
        String cookieHeader = cookieHeader(request);
        Optional<SessionToken> token = lucia.readSessionCookie(cookieHeader);
        Optional<SessionAndUser<I, U, S>> valid = token.flatMap(presented -> validate(request, presented));
        if (valid.isPresent() && valid.get().session().fresh()) {
            response.addHeader("Set-Cookie", lucia.createSessionCookie(token.get()).serialize());
        } else if (valid.isEmpty() && RequestHeaders.hasCookie(cookieHeader, lucia.sessionCookieName())) {
            response.addHeader("Set-Cookie", lucia.createBlankSessionCookie().serialize());
        }
        chain.doFilter(request, response);
    }

    private Optional<SessionAndUser<I, U, S>> validate(HttpServletRequest request, SessionToken token) {
        Optional<SessionAndUser<I, U, S>> valid = lucia.validateSession(token);
        valid.ifPresent(found -> {
            request.setAttribute(SESSION_ATTRIBUTE, found);
            request.setAttribute(TOKEN_ATTRIBUTE, token);
        });
        return valid;
    }

    private boolean fromAllowedOrigin(HttpServletRequest request) {
        List<String> hosts = allowedHosts;
        if (hosts.isEmpty()) {
            String host = request.getHeader("Host");
            if (host == null) {
                return false;
            }
            hosts = List.of(host);
        }
        return Origins.verifyRequestOrigin(request.getHeader("Origin"), hosts);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(REFUSED.length);
        response.getOutputStream().write(REFUSED);
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

    /**
     * The session and user the filter validated for this request.
     *
     * @return empty when the request had no token, or one that is not a valid session, or did not pass this filter
     */
    @SuppressWarnings("unchecked")
    public Optional<SessionAndUser<I, U, S>> sessionAndUser(HttpServletRequest request) {
        Arguments.requireNonNull(request, "request");
        return Optional.ofNullable((SessionAndUser<I, U, S>) request.getAttribute(SESSION_ATTRIBUTE));
    }

    /**
     * Signs a new session in: adds the {@code Set-Cookie} header of its cookie to the response. Call it before the
     * response is committed.
     *
     * @param created what {@link Lucia#createSession} returned
     */
    public void signIn(HttpServletResponse response, NewSession<I, S> created) {
        Arguments.requireNonNull(response, "response");
        Arguments.requireNonNull(created, "created");
        response.addHeader("Set-Cookie", lucia.createSessionCookie(created.token()).serialize());
    }

    /**
     * Signs the request's session out: invalidates it, when the request had a valid one, and adds the blank cookie to
     * the response. Afterwards {@link #sessionAndUser} is empty for this request.
     */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        Arguments.requireNonNull(request, "request");
        Arguments.requireNonNull(response, "response");
        if (request.getAttribute(TOKEN_ATTRIBUTE) instanceof SessionToken token) {
            lucia.invalidateSession(token);
        }
        request.removeAttribute(SESSION_ATTRIBUTE);
        request.removeAttribute(TOKEN_ATTRIBUTE);
        response.addHeader("Set-Cookie", lucia.createBlankSessionCookie().serialize());
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
        private List<String> allowedHosts = List.of();

        private Builder(Lucia<I, U, S> lucia) {
            this.lucia = lucia;
        }

        /**
         * The hosts state-changing requests may come from, as {@link Origins#verifyRequestOrigin} takes them
         * ({@code example.com}, {@code example.com:8443}, {@code https://example.com}). Default: none given, which
         * means the host of each request's {@code Host} header.
         *
         * @throws NullPointerException when {@code hosts} or one of them is {@code null}
         * @throws IllegalArgumentException when one is empty or blank
         */
        public Builder<I, U, S> allowedHosts(List<String> hosts) {
            Arguments.requireNonNull(hosts, "hosts");
            for (String host : hosts) {
                Arguments.requireNonNull(host, "hosts has a null element");
                if (host.isBlank()) {
                    throw new IllegalArgumentException("hosts has a blank element");
                }
            }
            this.allowedHosts = List.copyOf(hosts);
            return this;
        }

        public SessionFilter<I, U, S> build() {
            return new SessionFilter<>(lucia, allowedHosts);
        }
    }
}
