package io.github.luciajooq.testing;

import io.github.luciajooq.postgresql.NamedTables;
import io.github.luciajooq.postgresql.SessionTables;
import io.github.luciajooq.postgresql.TableNames;
import io.github.luciajooq.testkit.Fixture;
import io.github.luciajooq.testkit.MapFixture;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Tables a PostgreSQL contract runs on, with the {@link Fixture} that goes with them: Lucia's tables by name
 * ({@link #named(TableNames)}), or the tests' application tables through their generated classes, with UUID
 * ({@link #APP}) or BIGINT ({@link #COUNTED}) user ids.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class TablesUnderTest<I, U, S> {

    /** The tests' {@code app_user} and {@code app_session}: UUID user ids, column names of their own. */
    public static final TablesUnderTest<?, ?, ?> APP = new TablesUnderTest<>("generated, UUID user ids",
            AppFixture.TABLES, database -> { }, database -> new AppFixture(database.dsl()), "app_session");
    /** The tests' {@code counted_user} and {@code counted_session}: BIGINT identity user ids. */
    public static final TablesUnderTest<?, ?, ?> COUNTED = new TablesUnderTest<>("generated, BIGINT user ids",
            CountedFixture.TABLES, database -> { }, database -> new CountedFixture(database.dsl()), "counted_session");

    private final String description;
    private final SessionTables<I, U, S> tables;
    private final java.util.function.Consumer<TestDatabase> prepare;
    private final Function<TestDatabase, Fixture<I, U, S>> fixture;
    private final String sessionTable;

    private TablesUnderTest(String description, SessionTables<I, U, S> tables,
            java.util.function.Consumer<TestDatabase> prepare, Function<TestDatabase, Fixture<I, U, S>> fixture,
            String sessionTable) {
        this.description = description;
        this.tables = tables;
        this.prepare = prepare;
        this.fixture = fixture;
        this.sessionTable = sessionTable;
    }

    /**
     * Lucia's tables under these names, created with Lucia's columns when they are not the changelog's, with
     * {@code username} added to the user table and {@code ip TEXT} and {@code remembered BOOLEAN} to the session
     * table, read as maps.
     */
    public static TablesUnderTest<String, Map<String, Object>, Map<String, Object>> named(TableNames names) {
        return new TablesUnderTest<>("named " + names.user() + ", " + names.session(),
                NamedTables.of(names).withUserColumns("username").withSessionColumns("ip", "remembered"),
                database -> {
                    if (!names.equals(TableNames.DEFAULT)) {
                        TestTables.create(database.dsl(), names);
                    }
                    TestTables.addAttributeColumns(database.dsl(), names);
                },
                database -> new MapFixture((id, attributes) ->
                        TestTables.insertUser(database.dsl(), names, id, attributes)),
                names.session());
    }

    /** Lucia's tables by name, the tests' UUID tables and BIGINT tables, as {@code Object}-typed for a contract. */
    @SuppressWarnings("unchecked")
    public static Stream<TablesUnderTest<Object, Object, Object>> all() {
        return Stream.of(named(TableNames.DEFAULT), APP, COUNTED).map(tables -> (TablesUnderTest<Object, Object, Object>) tables);
    }

    /** The tables as the adapter takes them. */
    public SessionTables<I, U, S> tables() {
        return tables;
    }

    /** Creates what the tables need in a test's database. */
    public void prepare(TestDatabase database) {
        prepare.accept(database);
    }

    /** The fixture on a test's database. */
    public Fixture<I, U, S> fixture(TestDatabase database) {
        return fixture.apply(database);
    }

    /** The session table's name, to count its rows. */
    public String sessionTable() {
        return sessionTable;
    }

    @Override
    public String toString() {
        return description;
    }
}
