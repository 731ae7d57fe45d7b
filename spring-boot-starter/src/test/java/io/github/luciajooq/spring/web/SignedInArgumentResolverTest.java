package io.github.luciajooq.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.servlet.SessionFilter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

/** A {@code @SignedIn} parameter of a type it cannot be, inside a real {@link SessionFilter}'s request. */
class SignedInArgumentResolverTest {

    @SuppressWarnings("unused")
    static String handler(String first, @SignedIn Integer wrong) {
        return first;
    }

    private static RuntimeException resolving(MethodParameter parameter) throws IOException, ServletException {
        InMemoryAdapter<String, Map<String, Object>, Map<String, Object>> adapter = InMemoryAdapter.create();
        adapter.putUser("ann", Map.of());
        Lucia<String, Map<String, Object>, Map<String, Object>> lucia = Lucia.builder(adapter).build();
        SessionFilter<String, Map<String, Object>, Map<String, Object>> filter = SessionFilter.create(lucia);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Cookie", "auth_session=" + lucia.createSession("ann", Map.of()).token().value());
        SignedInArgumentResolver resolver = new SignedInArgumentResolver(filter);
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            try {
                resolver.resolveArgument(parameter, null, new ServletWebRequest(request), null);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        return thrown.get();
    }

    @Test
    void aParameterOfAnotherTypeIsNamedWithItsIndex() throws Exception {
        Method method = SignedInArgumentResolverTest.class.getDeclaredMethod("handler", String.class, Integer.class);
        MethodParameter named = new MethodParameter(method, 1);
        named.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());

        assertThat(resolving(named)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("@SignedIn parameter wrong (#1) of static java.lang.String ")
                .hasMessageContaining("handler(java.lang.String,java.lang.Integer) has type java.lang.Integer");
    }

    @Test
    void withoutParameterNamesTheMessageGivesTheMethodAndTheIndexNotNull() throws Exception {
        Method method = SignedInArgumentResolverTest.class.getDeclaredMethod("handler", String.class, Integer.class);
        MethodParameter unnamed = new MethodParameter(method, 1);
        unnamed.initParameterNameDiscovery(null);   // as a class compiled without -parameters: no name found
        assertThat(unnamed.getParameterName()).isNull();

        assertThatThrownBy(() -> {
            throw resolving(unnamed);
        }).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("@SignedIn parameter #1 (counted from 0; no name without -parameters) of ")
                .hasMessageContaining("handler(java.lang.String,java.lang.Integer)")
                .hasMessageNotContaining("null");
    }
}
