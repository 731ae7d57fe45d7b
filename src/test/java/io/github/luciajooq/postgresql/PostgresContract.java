package io.github.luciajooq.postgresql;

import io.github.luciajooq.testkit.AdapterContract;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.testkit.Fixture;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TablesUnderTest;
import io.github.luciajooq.testing.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter contract on a real PostgreSQL, in a database of each test's own. A subclass picks the tables (see
 * {@link TablesUnderTest}) and the {@link DSLContext} the application would share; by default a plain context on
 * the test database's pool.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
@ExtendWith(PostgresDatabaseExtension.class)
abstract class PostgresContract<I, U, S> extends AdapterContract<I, U, S> {

    protected TestDatabase database;
    private Fixture<I, U, S> fixture;
    private Adapter<I, U, S> adapter;

    @BeforeEach
    void createAdapter(TestDatabase database) {
        this.database = database;
        tablesUnderTest().prepare(database);
        fixture = tablesUnderTest().fixture(database);
        adapter = adapterUnderTest();
    }

    /** The tables under test. */
    protected abstract TablesUnderTest<I, U, S> tablesUnderTest();

    /** The adapter the contract runs against: by default a {@link PostgresAdapter} on {@link #applicationDsl()}. */
    protected Adapter<I, U, S> adapterUnderTest() {
        return PostgresAdapter.create(applicationDsl(), tablesUnderTest().tables());
    }

    /** The context the application shares with the adapter. */
    protected DSLContext applicationDsl() {
        return database.dsl();
    }

    @Override
    protected Adapter<I, U, S> adapter() {
        return adapter;
    }

    @Override
    protected Fixture<I, U, S> fixture() {
        return fixture;
    }
}
