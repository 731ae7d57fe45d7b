/**
 * Running the statements blocking, on a jOOQ configuration's JDBC connections: directly over JDBC when every value
 * is plain, with the application's execute listeners told as jOOQ would tell them, else through jOOQ; and reading
 * pgjdbc's errors. Not API: public only for {@code PostgresAdapter}.
 */
package io.github.luciajooq.postgresql.internal.jdbc;
