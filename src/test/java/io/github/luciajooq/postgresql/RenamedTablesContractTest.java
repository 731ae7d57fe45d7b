package io.github.luciajooq.postgresql;

/** The contract on tables whose names need quoting: a reserved word, and mixed case with a space. */
class RenamedTablesContractTest extends PostgresContract {

    @Override
    protected TableNames tableNames() {
        return TableNames.of("user", "Login Sessions");
    }
}
