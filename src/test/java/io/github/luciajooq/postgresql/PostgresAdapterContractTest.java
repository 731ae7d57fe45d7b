package io.github.luciajooq.postgresql;

/** The contract on Lucia's tables, created by the Liquibase changelog. */
class PostgresAdapterContractTest extends PostgresContract {}
