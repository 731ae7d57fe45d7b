/**
 * The tables, apart from running anything: which columns the adapters read and write, from the application's
 * generated classes ({@code RecordColumns}) or from names ({@code NamedColumns}), the constraint names by which a
 * refusal is told apart, and the check of the jOOQ on the class path. Not API: public only for the packages beside
 * it, and may change in any release.
 */
package io.github.luciajooq.postgresql.internal.schema;
