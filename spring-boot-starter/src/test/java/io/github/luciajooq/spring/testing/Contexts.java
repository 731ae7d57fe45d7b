package io.github.luciajooq.spring.testing;

import io.github.luciajooq.spring.boot.LuciaAutoConfiguration;
import io.github.luciajooq.spring.metrics.LuciaMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/** Application contexts as Spring Boot makes them, without a web server: data source, Liquibase, jOOQ, the starter. */
public final class Contexts {

    private Contexts() {}

    /** A runner on a new database each time it is called, with the YAML changelog applied at start-up. */
    public static ApplicationContextRunner onNewDatabase() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                        LiquibaseAutoConfiguration.class, JooqAutoConfiguration.class, LuciaAutoConfiguration.class,
                        LuciaMetricsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + TestPostgres.newDatabaseUrl(),
                        "spring.datasource.username=postgres",
                        "spring.liquibase.change-log=classpath:db/changelog.yaml");
    }
}
