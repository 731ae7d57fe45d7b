package com.example.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The application's connection pool: its size, its settings, the start-up line's words for them. */
class ConnectionPoolTest {

    @Test
    void thePoolHasTwoConnectionsPerCoreOfTheDatabasesMachine() {
        assertThat(ConnectionPool.sizeFor(1)).isEqualTo(2);
        assertThat(ConnectionPool.sizeFor(2)).isEqualTo(4);
        assertThat(ConnectionPool.sizeFor(16)).isEqualTo(32);
    }

    @Test
    void anOpenedPoolIsFixedAtItsSizeAndItsDescriptionGivesTheSettingsButNeverTheUrl() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
                HikariDataSource pool = ConnectionPool.open(
                        postgres.getJdbcUrl("postgres", "postgres") + "&password=not-for-the-log", 3);
                Connection connection = pool.getConnection()) {
            assertThat(connection.isValid(10)).isTrue();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getMinimumIdle()).isEqualTo(3);
            assertThat(ConnectionPool.describe(pool))
                    .isEqualTo("HikariCP pool \"demo\", 3 connections (fixed: 3 idle minimum), a request waits for"
                            + " one at most 30 s")
                    .doesNotContain("not-for-the-log", "jdbc:");
        }
    }

    @Test
    void aSizeBelowOneOrNoUrlIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> ConnectionPool.sizeFor(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("databaseCores");
        assertThatThrownBy(() -> ConnectionPool.open("jdbc:postgresql://localhost/postgres", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> ConnectionPool.open(null, 4)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("jdbcUrl");
    }
}
