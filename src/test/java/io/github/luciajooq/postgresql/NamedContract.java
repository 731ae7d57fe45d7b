package io.github.luciajooq.postgresql;

import io.github.luciajooq.testing.TablesUnderTest;
import java.util.Map;

/** The adapter contract on Lucia's tables under other names. */
abstract class NamedContract extends PostgresContract<String, Map<String, Object>, Map<String, Object>> {

    /** The names under test. */
    protected abstract TableNames tableNames();

    @Override
    protected TablesUnderTest<String, Map<String, Object>, Map<String, Object>> tablesUnderTest() {
        return TablesUnderTest.named(tableNames());
    }
}
