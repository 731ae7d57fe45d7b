/** An in-memory {@link io.github.luciajooq.spi.Adapter} for applications' unit tests. */
package io.github.luciajooq.memory;
