/** An in-memory {@link io.github.luciajooq.Adapter} for applications' unit tests. */
package io.github.luciajooq.memory;
