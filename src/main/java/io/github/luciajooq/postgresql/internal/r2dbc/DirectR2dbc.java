package io.github.luciajooq.postgresql.internal.r2dbc;

import io.github.luciajooq.postgresql.internal.statement.JdbcType;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.reactivestreams.Publisher;

/**
 * Runs a rendered statement of plain values over the R2DBC SPI itself, on the connection factory of the adapter's
 * configuration (the application's pool, or a jOOQ R2DBC transaction's connection, as jOOQ would): create a
 * connection, run the one statement, close the connection, without a reactive library and without blocking. jOOQ
 * fires no execute listeners on R2DBC, so nobody sees the difference; values that are not plain ({@link JdbcType})
 * still go through jOOQ. Errors are jOOQ's {@link DataAccessException}, with the driver's error as cause.
 * <p>
 * The query timeout of the context's settings applies as on JDBC: when a statement runs longer, the server is asked
 * to cancel it, and it fails with SQLSTATE 57014. Cancelling a returned future cancels the statement on the server,
 * then the subscription; the connection goes back to its pool (is closed) either way.
 */
public final class DirectR2dbc {

    private final ConnectionFactory connections;
    private final int queryTimeout;

    public DirectR2dbc(DSLContext dsl) {
        this.connections = dsl.configuration().connectionFactory();
        Integer timeout = dsl.configuration().settings().getQueryTimeout();
        this.queryTimeout = timeout == null ? 0 : timeout;
    }

    /** The rows of a query, each column read as its plain type. */
    public CompletableFuture<List<Object[]>> fetch(String sql, Object[] values, JdbcType[] bindTypes, JdbcType[] columnTypes) {
        return run(sql, values, bindTypes, result -> result.map(row -> read(row, columnTypes)));
    }

    /** The rows a statement affected. */
    public CompletableFuture<Long> execute(String sql, Object[] values, JdbcType[] bindTypes) {
        CompletableFuture<List<Long>> counts = run(sql, values, bindTypes, Result::getRowsUpdated);
        return Publishers.cancelling(counts, counts.thenApply(rows -> rows.stream().mapToLong(Long::longValue).sum()));
    }

    /** Whether values of these types can be bound here: all but {@code null}s of unknown type. */
    public static boolean canBind(JdbcType[] bindTypes) {
        for (JdbcType type : bindTypes) {
            if (type == JdbcType.UNTYPED_NULL) {
                return false;
            }
        }
        return true;
    }

    private <T> CompletableFuture<List<T>> run(String sql, Object[] values, JdbcType[] bindTypes,
            Function<Result, Publisher<T>> read) {
        String numbered = numbered(sql);
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        Publishers.<Connection>list(connections.create()).whenComplete((created, notCreated) -> {
            if (notCreated != null) {
                result.completeExceptionally(failed(sql, notCreated));
                return;
            }
            Connection connection = created.get(0);
            if (result.isDone()) {
                // Cancelled while the connection was being made: give it back unused.
                Publishers.list(connection.close());
                return;
            }
            CompletableFuture<List<T>> items;
            try {
                Statement statement = connection.createStatement(numbered);
                for (int index = 0; index < values.length; index++) {
                    if (values[index] == null) {
                        statement.bindNull(index, bindTypes[index].javaType());
                    } else {
                        statement.bind(index, values[index]);
                    }
                }
                items = Publishers.flatten(statement.execute(), read);
            } catch (RuntimeException e) {
                items = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<List<T>> running = items;
            if (queryTimeout > 0) {
                CompletableFuture.delayedExecutor(queryTimeout, TimeUnit.SECONDS).execute(() -> {
                    if (!running.isDone()) {
                        // PostgreSQL ends the statement with SQLSTATE 57014, as pgjdbc's query timeout does.
                        cancelOnServer(connection);
                    }
                });
            }
            result.whenComplete((done, error) -> {
                if (result.isCancelled() && !running.isDone()) {
                    cancelOnServer(connection).whenComplete((sent, notSent) -> running.cancel(false));
                }
            });
            running.whenComplete((rows, error) -> Publishers.list(connection.close()).whenComplete((closed, closeError) -> {
                if (error != null) {
                    result.completeExceptionally(failed(sql, error));
                } else {
                    result.complete(rows);
                }
            }));
        });
        return result;
    }

    /**
     * Asks the server to cancel the statement running on this connection (PostgreSQL's cancel request, on a
     * connection of its own); the statement then fails with SQLSTATE 57014. A no-op for a driver other than
     * r2dbc-postgresql.
     */
    private static CompletableFuture<?> cancelOnServer(Connection connection) {
        Object unwrapped = connection;
        while (!(unwrapped instanceof PostgresqlConnection) && unwrapped instanceof Wrapped<?> wrapped
                && wrapped.unwrap() != unwrapped) {
            unwrapped = wrapped.unwrap();
        }
        return unwrapped instanceof PostgresqlConnection postgres
                ? Publishers.list(postgres.cancelRequest())
                : CompletableFuture.completedFuture(null);
    }

    private static CompletionException failed(String sql, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return new CompletionException(new DataAccessException("SQL [" + sql + "]; " + cause.getMessage(), cause));
    }

    private static Object[] read(Readable row, JdbcType[] columnTypes) {
        Object[] values = new Object[columnTypes.length];
        for (int column = 0; column < columnTypes.length; column++) {
            values[column] = row.get(column, columnTypes[column].javaType());
        }
        return values;
    }

    /** The SQL with PostgreSQL's numbered bind markers ({@code $1}) for jOOQ's {@code ?}, outside quotes. */
    static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder(sql.length() + 8);
        int parameter = 0;
        char quote = 0;
        for (int index = 0; index < sql.length(); index++) {
            char c = sql.charAt(index);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                numbered.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                numbered.append(c);
            } else if (c == '?') {
                numbered.append('$').append(++parameter);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }
}
