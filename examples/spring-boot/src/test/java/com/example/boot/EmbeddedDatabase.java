package com.example.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An embedded PostgreSQL 17 for the application, in place of {@code spring.datasource.url}: started with the
 * context, stopped when it closes. Spring Boot's Liquibase migrates it at start-up, as it would any database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    }

    /** A HikariCP pool on it, as Spring Boot would make from {@code spring.datasource.*}. */
    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create().url(postgres.getJdbcUrl("postgres", "postgres")).build();
    }
}
