/**
 * The PostgreSQL adapters on jOOQ: {@link io.github.luciajooq.postgresql.PostgresAdapter} on any blocking
 * {@code DSLContext} (a pool, a connection, the caller's transaction, PgBouncer) and
 * {@link io.github.luciajooq.postgresql.AsyncPostgresAdapter} on jOOQ over R2DBC, with the
 * {@link io.github.luciajooq.postgresql.TableNames} they map the generated classes to.
 */
package io.github.luciajooq.postgresql;
