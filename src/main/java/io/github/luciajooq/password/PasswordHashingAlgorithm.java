package io.github.luciajooq.password;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A password hash: Lucia v3's {@code PasswordHashingAlgorithm}. Implementations are thread-safe.
 * <p>
 * Hashing and verifying take tens of milliseconds of CPU on purpose. Non-blocking applications must not run them on
 * an event-loop thread: {@link #hash(String, Executor)} and {@link #verify(String, String, Executor)} run them on an
 * executor of the application's, such as a bounded pool sized to the CPU.
 */
public interface PasswordHashingAlgorithm {

    /**
     * A new hash of this password, with a new random salt.
     *
     * @throws NullPointerException when the password is {@code null}
     */
    String hash(String password);

    /**
     * Whether the password matches the hash. Compares in constant time.
     *
     * @return {@code false} for a wrong password and for a hash that is malformed or of another format; never throws
     *     on a hash read from storage
     * @throws NullPointerException when an argument is {@code null}
     */
    boolean verify(String hash, String password);

    /** {@link #hash(String)} on this executor, off the calling thread. */
    default CompletableFuture<String> hash(String password, Executor executor) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(executor, "executor");
        return CompletableFuture.supplyAsync(() -> hash(password), executor);
    }

    /** {@link #verify(String, String)} on this executor, off the calling thread. */
    default CompletableFuture<Boolean> verify(String hash, String password, Executor executor) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(executor, "executor");
        return CompletableFuture.supplyAsync(() -> verify(hash, password), executor);
    }
}
