package io.github.luciajooq.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.servlet.SessionFilter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/** How the filter is registered in the servlet container; the requests themselves are in SpringSecurityOverHttpTest. */
class LuciaServletAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LuciaAutoConfiguration.class, LuciaServletAutoConfiguration.class))
            .withBean(Lucia.class, () -> Lucia.builder(
                    InMemoryAdapter.<String, Map<String, Object>, Map<String, Object>>create()).build());

    @SuppressWarnings("unchecked")
    private static FilterRegistrationBean<SessionFilter<?, ?, ?>> registration(
            org.springframework.context.ApplicationContext context) {
        return context.getBean("luciaSessionFilterRegistration", FilterRegistrationBean.class);
    }

    @Test
    void theFilterRunsOnEveryPathAheadOfSpringSecurity() {
        runner.run(context -> {
            FilterRegistrationBean<SessionFilter<?, ?, ?>> registration = registration(context);
            assertThat(registration.getFilter()).isSameAs(context.getBean(SessionFilter.class));
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
            assertThat(registration.getOrder()).isEqualTo(-110).isLessThan(-100);
            assertThat(registration.isEnabled()).isTrue();
        });
    }

    @Test
    void orderAndUrlPatternsComeFromProperties() {
        runner.withPropertyValues("lucia.filter.order=5", "lucia.filter.url-patterns=/app/*,/api/*",
                "lucia.filter.exclude-paths=/app/static/*")
                .run(context -> {
                    assertThat(registration(context).getOrder()).isEqualTo(5);
                    assertThat(registration(context).getUrlPatterns()).containsExactly("/app/*", "/api/*");
                });
    }

    @Test
    void aDisabledFilterIsRegisteredDisabledSoThatBootDoesNotMapItToEveryPath() {
        runner.withPropertyValues("lucia.filter.enabled=false")
                .run(context -> assertThat(registration(context).isEnabled()).isFalse());
    }

    @Test
    void theApplicationsOwnFilterIsTheOneRegistered() {
        SessionFilter<String, Map<String, Object>, Map<String, Object>> own = SessionFilter.create(
                Lucia.builder(InMemoryAdapter.<String, Map<String, Object>, Map<String, Object>>create()).build());
        runner.withBean("ownFilter", SessionFilter.class, () -> own)
                .run(context -> assertThat(registration(context).getFilter()).isSameAs(own));
    }

    @Test
    void badPropertiesFailTheStartWithTheirName() {
        runner.withPropertyValues("lucia.cross-origin.trusted-origins=not a host")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("not a host"));
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LuciaAutoConfiguration.class))
                .withBean(InMemoryAdapter.class, InMemoryAdapter::create)
                .withPropertyValues("lucia.cleanup.interval=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lucia.cleanup.interval"));
    }
}
