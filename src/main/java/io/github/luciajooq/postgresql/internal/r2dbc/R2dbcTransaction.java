package io.github.luciajooq.postgresql.internal.r2dbc;

import io.r2dbc.spi.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Several statements in one transaction on one lent connection, without blocking: the caller's, when the connection
 * is in one (not in auto-commit mode, as a jOOQ R2DBC transaction's is), else one of its own, committed when the work
 * completes and rolled back when it fails (a statement ended on the server by the timeout or a cancellation
 * included). Closing the connection is the lender's ({@link R2dbcExecutor}).
 */
final class R2dbcTransaction {

    private R2dbcTransaction() {}

    static <T> CompletableFuture<T> run(OneConnection lent, Function<OneConnection, CompletableFuture<T>> work) {
        Connection connection = lent.connection();
        boolean own = connection.isAutoCommit();
        CompletableFuture<?> begun = own ? Publishers.list(connection.beginTransaction())
                : CompletableFuture.completedFuture(null);
        CompletableFuture<T> result = new CompletableFuture<>();
        begun.thenCompose(ignored -> work.apply(lent)).whenComplete((value, error) -> {
            CompletableFuture<?> ended = !own ? CompletableFuture.completedFuture(null)
                    : Publishers.list(error == null ? connection.commitTransaction()
                            : connection.rollbackTransaction());
            ended.whenComplete((done, endError) -> {
                Throwable failure = error != null ? error : endError;
                if (failure != null) {
                    result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                } else {
                    result.complete(value);
                }
            });
        });
        return result;
    }
}
