package io.github.luciajooq.spring.security;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.servlet.SessionFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;


/**
 * Spring Security's {@code SecurityContext} kept in lucia-jooq sessions instead of the {@code HttpSession}:
 * <ul>
 * <li><b>load:</b> a request with a valid session (as {@link SessionFilter} validates it: bearer token, else
 * cookie) has a {@link SessionAuthentication}; any other an empty context. Validated only when Spring Security
 * first asks (deferred), once per request.</li>
 * <li><b>save:</b> a context whose authentication is not already the request's session (a sign-in just happened:
 * form login, an endpoint of the application's) creates a new session for {@link SecuritySessions#userId} and
 * sends its cookie; the request's previous session, if any, is invalidated first, so a sign-in never keeps a
 * session id from before it (no fixation). An empty or anonymous context saves nothing: signing out is the
 * logout handler's work ({@link SessionFilter#signOut}).</li>
 * </ul>
 * Thread-safe. Needs the {@link SessionFilter} to have run for the request (it is registered ahead of Spring
 * Security's filter chain).
 */
public final class SessionSecurityContextRepository implements SecurityContextRepository {

    private static final String SAVED = SessionSecurityContextRepository.class.getName() + ".saved";
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final Sessions<?, ?, ?> sessions;
    private final SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();

    /**
     * @param lucia the session manager
     * @param filter the registered filter, which validates each request's session
     * @param securitySessions how authentications become sessions; {@code null}: sign-ins through Spring Security
     *     are refused with an {@code IllegalStateException} that says to declare one
     */
    public <I, U, S> SessionSecurityContextRepository(Lucia<I, U, S> lucia, SessionFilter<I, U, S> filter,
            SecuritySessions<I, U, S> securitySessions) {
        this.sessions = new Sessions<>(Objects.requireNonNull(lucia, "lucia"),
                Objects.requireNonNull(filter, "filter"), securitySessions);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public synchronized SecurityContext get() {
                if (loaded == null) {
                    loaded = load(request);
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Deprecated
    @Override
    public SecurityContext loadContext(
            org.springframework.security.web.context.HttpRequestResponseHolder requestResponseHolder) {
        return load(requestResponseHolder.getRequest());
    }

    private SecurityContext load(HttpServletRequest request) {
        SecurityContext context = strategy.createEmptyContext();
        sessions.authentication(request).ifPresent(context::setAuthentication);
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication instanceof SessionAuthentication
                || !authentication.isAuthenticated()
                || TRUST.isAnonymous(authentication)
                || request.getAttribute(SAVED) == authentication) {
            return;
        }
        sessions.signIn(authentication, request, response);
        request.setAttribute(SAVED, authentication);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.filter.sessionAndUser(request).isPresent();
    }

    /** The repository's typed half. */
    private static final class Sessions<I, U, S> {
        final Lucia<I, U, S> lucia;
        final SessionFilter<I, U, S> filter;
        final SecuritySessions<I, U, S> securitySessions;

        Sessions(Lucia<I, U, S> lucia, SessionFilter<I, U, S> filter, SecuritySessions<I, U, S> securitySessions) {
            this.lucia = lucia;
            this.filter = filter;
            this.securitySessions = securitySessions;
        }

        Optional<Authentication> authentication(HttpServletRequest request) {
            return filter.sessionAndUser(request).map(this::authentication);
        }

        private Authentication authentication(SessionAndUser<I, U, S> signedIn) {
            return new SessionAuthentication(signedIn,
                    securitySessions == null ? List.of() : securitySessions.authorities(signedIn));
        }

        void signIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
            if (securitySessions == null) {
                throw new IllegalStateException("A sign-in through Spring Security ("
                        + authentication.getClass().getSimpleName() + ") needs a SecuritySessions bean that names "
                        + "the user id and the new session's attributes");
            }
            I userId = securitySessions.userId(authentication);
            S attributes = securitySessions.sessionAttributes(authentication, request);
            if (filter.sessionAndUser(request).isPresent()) {
                filter.signOut(request, response);
            }
            filter.signIn(response, lucia.createSession(userId, attributes));
        }
    }

}
