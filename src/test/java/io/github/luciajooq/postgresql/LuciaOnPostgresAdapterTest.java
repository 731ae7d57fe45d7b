package io.github.luciajooq.postgresql;

import io.github.luciajooq.testkit.LuciaContract;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.testkit.Fixture;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TablesUnderTest;
import io.github.luciajooq.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The session manager's contract on the PostgreSQL adapter, for Lucia's tables and the generated ones. */
@ParameterizedClass(name = "{0}")
@MethodSource("io.github.luciajooq.testing.TablesUnderTest#all")
@ExtendWith(PostgresDatabaseExtension.class)
class LuciaOnPostgresAdapterTest extends LuciaContract<Object, Object, Object> {

    @Parameter
    TablesUnderTest<Object, Object, Object> tables;
    private Fixture<Object, Object, Object> fixture;
    private PostgresAdapter<Object, Object, Object> adapter;

    @BeforeEach
    void createAdapter(TestDatabase database) {
        tables.prepare(database);
        fixture = tables.fixture(database);
        adapter = PostgresAdapter.create(database.dsl(), tables.tables());
    }

    @Override
    protected Adapter<Object, Object, Object> adapter() {
        return adapter;
    }

    @Override
    protected Fixture<Object, Object, Object> fixture() {
        return fixture;
    }
}
