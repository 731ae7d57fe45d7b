package io.github.luciajooq.postgresql;

import io.github.luciajooq.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.jooq.autoconfigure.ExceptionTranslatorExecuteListener;

/** Contexts as applications configure them, with the execute listeners they add. */
final class ApplicationContexts {

    /** The type an application's own listener wraps every exception in. */
    static final class ApplicationError extends RuntimeException {
        ApplicationError(Throwable cause) {
            super("the application's own error", cause);
        }
    }

    private ApplicationContexts() {}

    /**
     * A context as Spring Boot's jOOQ auto-configuration makes it: on the data source, with Boot's exception
     * translator, which replaces jOOQ's exception with Spring's own ({@code DataIntegrityViolationException}...).
     */
    static DSLContext springBoot(TestDatabase database) {
        return DSL.using(new DefaultConfiguration()
                .set(database.dataSource())
                .set(SQLDialect.POSTGRES)
                .set(new DefaultExecuteListenerProvider(ExceptionTranslatorExecuteListener.DEFAULT)));
    }

    /** A context whose listener replaces every exception with {@link ApplicationError}, keeping it as the cause. */
    static DSLContext replacingErrors(TestDatabase database) {
        return DSL.using(new DefaultConfiguration()
                .set(database.dataSource())
                .set(SQLDialect.POSTGRES)
                .set(ExecuteListener.onException(context -> context.exception(new ApplicationError(context.exception())))));
    }
}
