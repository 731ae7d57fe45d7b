package io.github.luciajooq.postgresql;

/**
 * The contract on tables whose names need quoting: a reserved word, and mixed case with a space and the characters
 * jOOQ's plain SQL templates treat specially ({@code ?} and {@code {0}}).
 */
class RenamedTablesContractTest extends NamedContract {

    @Override
    protected TableNames tableNames() {
        return TableNames.of("user", "Login Sessions?{0}");
    }
}
