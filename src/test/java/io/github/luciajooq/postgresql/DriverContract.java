package io.github.luciajooq.postgresql;

import io.github.luciajooq.testing.TablesUnderTest;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adapter contract on one way of reaching PostgreSQL, for every kind of tables: Lucia's by name, and the tests'
 * application tables through their generated classes with UUID and BIGINT user ids. A subclass gives the way (a
 * driver, a pool, a transaction, a proxy, a hostile configuration).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("io.github.luciajooq.testing.TablesUnderTest#all")
abstract class DriverContract extends PostgresContract<Object, Object, Object> {

    @Parameter
    TablesUnderTest<Object, Object, Object> tables;

    @Override
    protected TablesUnderTest<Object, Object, Object> tablesUnderTest() {
        return tables;
    }
}
