package io.github.luciajooq.postgresql.internal.r2dbc;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.reactivestreams.Publisher;

/**
 * One R2DBC connection lent for an operation of the adapter, and the statements run on it: each is ended on the
 * server when it runs longer than the context's query timeout, or when the operation's future is cancelled first,
 * as pgjdbc ends a statement on JDBC. PostgreSQL then fails it with SQLSTATE 57014; the connection stays usable,
 * and whoever lent it gives it back once the statement has ended. Not API.
 */
public final class OneConnection {

    private final Connection connection;
    private final Configuration configuration;
    private final int queryTimeout;
    private final CompletableFuture<?> operation;
    private DSLContext dsl;

    /**
     * @param configuration the application's, of which {@link #dsl()} derives a context on this one connection
     * @param queryTimeout seconds, or 0 for none
     * @param operation the future the caller holds: cancelling it ends the running statement on the server
     */
    OneConnection(Connection connection, Configuration configuration, int queryTimeout,
            CompletableFuture<?> operation) {
        this.connection = connection;
        this.configuration = configuration;
        this.queryTimeout = queryTimeout;
        this.operation = operation;
    }

    /**
     * A context of the application's configuration whose every statement runs on this connection, made when first
     * asked for (the statements of plain values never need one). Not thread-safe: one operation's steps run one
     * after another.
     */
    public DSLContext dsl() {
        if (dsl == null) {
            dsl = DSL.using(configuration.derive(
                    SingleConnection.factory(connection, configuration.connectionFactory())));
        }
        return dsl;
    }

    /** The rows of a statement (a jOOQ query or the driver's), ended on the server as above. */
    public <T> CompletableFuture<List<T>> list(Publisher<? extends T> statement) {
        return watch(Publishers.list(statement));
    }

    /** The number of rows a jOOQ statement affected, ended on the server as above. */
    public CompletableFuture<Integer> rowCount(Publisher<? extends Integer> statement) {
        CompletableFuture<List<Integer>> counts = list(statement);
        return Publishers.cancelling(counts, counts.thenApply(rows -> rows.stream().mapToInt(Integer::intValue).sum()));
    }

    Connection connection() {
        return connection;
    }

    /** Ends the statement behind this future on the server when it passes the timeout or the operation is cancelled. */
    <T> CompletableFuture<T> watch(CompletableFuture<T> running) {
        if (queryTimeout > 0) {
            // orTimeout's timer is dropped as soon as the statement ends, so none outlives it.
            CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(queryTimeout, TimeUnit.SECONDS);
            timer.whenComplete((done, timedOut) -> {
                if (timedOut instanceof TimeoutException && !running.isDone()) {
                    cancelOnServer();
                }
            });
            running.whenComplete((done, error) -> timer.complete(null));
        }
        operation.whenComplete((done, error) -> {
            if (operation.isCancelled() && !running.isDone()) {
                cancelOnServer().whenComplete((sent, notSent) -> running.cancel(false));
            }
        });
        return running;
    }

    /**
     * Asks the server to cancel the statement running on this connection (PostgreSQL's cancel request, on a
     * connection of its own). A no-op for a driver other than r2dbc-postgresql.
     */
    private CompletableFuture<?> cancelOnServer() {
        Object unwrapped = connection;
        while (!(unwrapped instanceof PostgresqlConnection) && unwrapped instanceof Wrapped<?> wrapped
                && wrapped.unwrap() != unwrapped) {
            unwrapped = wrapped.unwrap();
        }
        return unwrapped instanceof PostgresqlConnection postgres
                ? Publishers.list(postgres.cancelRequest())
                : CompletableFuture.completedFuture(null);
    }
}
