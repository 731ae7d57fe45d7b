package io.github.luciajooq.spring.web;

import io.github.luciajooq.Session;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.User;
import io.github.luciajooq.servlet.SessionFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

/** Resolves {@link SignedIn} parameters from {@link SessionFilter#sessionAndUser}. Stateless, thread-safe. */
final class SignedInArgumentResolver implements HandlerMethodArgumentResolver {

    private final SessionFilter<?, ?, ?> filter;

    SignedInArgumentResolver(SessionFilter<?, ?, ?> filter) {
        this.filter = filter;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(SignedIn.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Optional<? extends SessionAndUser<?, ?, ?>> found =
                request == null ? Optional.empty() : filter.sessionAndUser(request);
        boolean optional = parameter.getParameterType() == Optional.class;
        Class<?> wanted = optional ? parameter.nested().getNestedParameterType() : parameter.getParameterType();
        Optional<Object> value = found.map(valid -> part(valid, wanted, parameter));
        if (optional) {
            return value;
        }
        if (value.isEmpty() && parameter.getParameterAnnotation(SignedIn.class).required()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "No valid session");
        }
        return value.orElse(null);
    }

    private static Object part(SessionAndUser<?, ?, ?> valid, Class<?> wanted, MethodParameter parameter) {
        if (wanted.isAssignableFrom(SessionAndUser.class)) {
            return valid;
        }
        if (wanted.isAssignableFrom(Session.class)) {
            return valid.session();
        }
        if (wanted.isAssignableFrom(User.class)) {
            return valid.user();
        }
        Object attributes = valid.user().attributes();
        if (wanted.isInstance(attributes)) {
            return attributes;
        }
        throw new IllegalStateException("@SignedIn parameter " + name(parameter) + " of "
                + parameter.getExecutable() + " has type " + wanted.getName() + ", which is not SessionAndUser, "
                + "Session, User nor the user's attributes (" + attributes.getClass().getName() + ")");
    }

    /** The parameter's name and index; its index alone when the class was compiled without {@code -parameters}. */
    private static String name(MethodParameter parameter) {
        String name = parameter.getParameterName();
        int index = parameter.getParameterIndex();
        return name == null
                ? "#" + index + " (counted from 0; no name without -parameters)"
                : name + " (#" + index + ")";
    }
}
