/**
 * The statements, built once per adapter from a table model and rendered with bind markers
 * ({@code Statements}); the settings they are rendered and run with ({@code MappedDsl}); the value types that may
 * skip jOOQ's binding ({@code JdbcType}); and what a server's refusal means ({@code StoreErrors}). Shared by the
 * blocking and the non-blocking executors. Not API: public only for the packages beside it.
 */
package io.github.luciajooq.postgresql.internal.statement;
