package io.github.luciajooq.postgresql;

import org.jooq.DSLContext;

/**
 * The contract on a context as Spring Boot's jOOQ auto-configuration makes it: a pool, and Boot's exception
 * translator as an execute listener, which the adapter's direct statements must fire without changing a result.
 */
class SpringBootContextContractTest extends DriverContract {

    @Override
    protected DSLContext applicationDsl() {
        return ApplicationContexts.springBoot(database);
    }
}
