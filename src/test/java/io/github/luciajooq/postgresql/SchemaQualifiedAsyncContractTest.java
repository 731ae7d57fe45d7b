package io.github.luciajooq.postgresql;

/** The non-blocking adapter's contract on schema-qualified tables whose names need quotes. */
class SchemaQualifiedAsyncContractTest extends AsyncPostgresAdapterContractTest {

    @Override
    protected TableNames tableNames() {
        return TableNames.of("Auth.users", "Auth.user");
    }
}
