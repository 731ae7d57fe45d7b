package io.github.luciajooq.codegen;

import org.testcontainers.containers.PostgreSQLContainer;

/** Testcontainers' PostgreSQL: loaded only when {@code server=testcontainers}, as Testcontainers is optional. */
final class TestcontainersServer {

    private TestcontainersServer() {}

    static CodegenServer start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
        container.start();
        return new CodegenServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                container::stop);
    }
}
