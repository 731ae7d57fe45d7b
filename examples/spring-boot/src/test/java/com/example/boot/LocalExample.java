package com.example.boot;

import org.springframework.boot.SpringApplication;

/**
 * The example on an embedded PostgreSQL of its own, for trying it without a server:
 * {@code mvn -f examples/spring-boot/pom.xml spring-boot:test-run}, then open http://localhost:8080/.
 */
public final class LocalExample {

    private LocalExample() {}

    public static void main(String[] args) {
        SpringApplication.from(ExampleApplication::main).with(EmbeddedDatabase.class).run(args);
    }
}
