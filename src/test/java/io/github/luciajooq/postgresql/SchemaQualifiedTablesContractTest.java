package io.github.luciajooq.postgresql;

/** The contract on schema-qualified tables in a schema whose name needs quoting. */
class SchemaQualifiedTablesContractTest extends NamedContract {

    @Override
    protected TableNames tableNames() {
        return TableNames.of("Auth.users", "Auth.sessions");
    }
}
