package io.github.luciajooq.spring.web;

import io.github.luciajooq.servlet.SessionFilter;
import io.github.luciajooq.spring.boot.LuciaServletAutoConfiguration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC's {@link SignedIn} parameters, on the {@link SessionFilter} bean. */
@AutoConfiguration(after = LuciaServletAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({WebMvcConfigurer.class, SessionFilter.class})
@ConditionalOnBean(SessionFilter.class)
public final class LuciaWebAutoConfiguration {

    @Bean
    WebMvcConfigurer luciaSignedInArguments(ObjectProvider<SessionFilter<?, ?, ?>> filter) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new SignedInArgumentResolver(filter.getObject()));
            }
        };
    }
}
