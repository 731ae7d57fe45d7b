package io.github.luciajooq.postgresql;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.AdapterContract;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testing.TestTables;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter contract on a real PostgreSQL, in a database of each test's own. A subclass picks the table
 * names and the {@link DSLContext} the application would share; by default Lucia's names on tables made by the
 * Liquibase changelog, and a plain context on a non-pooling data source.
 */
@ExtendWith(PostgresDatabaseExtension.class)
abstract class PostgresContract extends AdapterContract {

    protected TestDatabase database;
    private Adapter adapter;

    @BeforeEach
    void createAdapter(TestDatabase database) {
        this.database = database;
        if (!tableNames().equals(TableNames.DEFAULT)) {
            TestTables.create(database.dsl(), tableNames());
        }
        TestTables.addAttributeColumns(database.dsl(), tableNames());
        adapter = adapterUnderTest();
    }

    /** The adapter the contract runs against: by default a {@link PostgresAdapter} on {@link #applicationDsl()}. */
    protected Adapter adapterUnderTest() {
        return PostgresAdapter.create(applicationDsl(), tableNames(), clock);
    }

    /** The names of the tables under test. */
    protected TableNames tableNames() {
        return TableNames.DEFAULT;
    }

    /** The context the application shares with the adapter. */
    protected DSLContext applicationDsl() {
        return database.dsl();
    }

    @Override
    protected Adapter adapter() {
        return adapter;
    }

    @Override
    protected void insertUser(String id, String username) {
        TestTables.insertUser(database.dsl(), tableNames(), id, Map.of("username", username));
    }
}
