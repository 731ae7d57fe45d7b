/**
 * The storage contract behind the session managers, for those who write an adapter:
 * {@link io.github.luciajooq.spi.Adapter} and {@link io.github.luciajooq.spi.AsyncAdapter}, and the records they
 * exchange. Applications choose an adapter ({@link io.github.luciajooq.postgresql.PostgresAdapter},
 * {@link io.github.luciajooq.memory.InMemoryAdapter}) and talk to the session manager.
 */
package io.github.luciajooq.spi;
