package io.github.luciajooq.spring.boot;

import io.github.luciajooq.spi.Adapter;

/**
 * Wraps the adapter the auto-configured {@code Lucia} runs on, for instance to measure it
 * ({@code io.github.luciajooq.spring.metrics}). Every bean of this type is applied, in bean order; the
 * {@code Adapter} bean itself stays unwrapped. Implementations must be thread-safe and pass every call on.
 */
public interface AdapterDecorator {

    /** The adapter to run on instead of this one. */
    <I, U, S> Adapter<I, U, S> decorate(Adapter<I, U, S> adapter);
}
