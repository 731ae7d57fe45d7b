/**
 * Running the statements non-blocking, on a jOOQ configuration's R2DBC connection factory: query timeouts and
 * cancellation sent to PostgreSQL, the few Reactive Streams steps the adapter needs, and r2dbc-postgresql's errors.
 * Loaded only when the application uses {@code AsyncPostgresAdapter}. Not API.
 */
package io.github.luciajooq.postgresql.internal.r2dbc;
