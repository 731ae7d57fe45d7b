package io.github.luciajooq.postgresql.internal.r2dbc;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.postgresql.internal.statement.JdbcType;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.jooq.Configuration;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;

/**
 * Runs the adapter's statements on R2DBC, each on a connection the configuration's factory lends for it (the
 * application's pool, or a jOOQ R2DBC transaction's connection, as jOOQ would), given back (closed) when the
 * statement has ended, without a reactive library and without blocking. A statement of plain values
 * ({@link JdbcType}) runs over the R2DBC SPI itself; any other (a converter, a binding, {@code JSONB}) through jOOQ,
 * on a context of the lent connection. jOOQ fires no execute listeners on R2DBC, so nobody sees the difference.
 * Errors are jOOQ's {@link DataAccessException}, with the driver's error as cause.
 * <p>
 * Either way the query timeout of the context's settings applies as on JDBC: when a statement runs longer, the server
 * is asked to cancel it, and it fails with SQLSTATE 57014. Cancelling a returned future cancels the statement on the
 * server, then the subscription; the connection goes back to its pool either way. Not API.
 */
public final class R2dbcExecutor {

    private final Configuration configuration;
    private final ConnectionFactory connections;
    private final int queryTimeout;

    /** @param configuration the adapter's configuration ({@code MappedDsl}), whose connection factory lends */
    public R2dbcExecutor(Configuration configuration) {
        this.configuration = configuration;
        this.connections = configuration.connectionFactory();
        Integer timeout = configuration.settings().getQueryTimeout();
        this.queryTimeout = timeout == null ? 0 : Math.max(timeout, 0);
    }

    /** The rows of a query of plain values, each column read as its plain type. */
    public CompletableFuture<List<Object[]>> fetch(String sql, Object[] values, JdbcType[] bindTypes,
            JdbcType[] columnTypes) {
        return onConnection(sql, connection -> connection.watch(
                Publishers.flatten(statement(connection, sql, values, bindTypes).execute(),
                        result -> result.map(row -> read(row, columnTypes)))));
    }

    /** The rows a statement of plain values affected. */
    public CompletableFuture<Long> execute(String sql, Object[] values, JdbcType[] bindTypes) {
        CompletableFuture<List<Long>> counts = onConnection(sql, connection -> connection.watch(
                Publishers.flatten(statement(connection, sql, values, bindTypes).execute(), Result::getRowsUpdated)));
        return Publishers.cancelling(counts, counts.thenApply(rows -> rows.stream().mapToLong(Long::longValue).sum()));
    }

    /** The records of a query through jOOQ, of these types ({@code null}: as the driver reads them). */
    public CompletableFuture<List<Record>> fetch(String sql, Object[] binds, Field<?>[] types) {
        return onConnection(sql, connection -> {
            ResultQuery<Record> query = connection.dsl().resultQuery(sql, binds);
            return connection.list(types == null ? query : query.coerce(types));
        });
    }

    /** The rows a statement through jOOQ affected. */
    public CompletableFuture<Long> execute(String sql, Object[] binds) {
        CompletableFuture<Integer> count = onConnection(sql, connection -> connection.rowCount(
                connection.dsl().query(sql, binds)));
        return Publishers.cancelling(count, count.thenApply(Integer::longValue));
    }

    /**
     * Several statements in one transaction on one connection: the caller's, when the connection is in one (not in
     * auto-commit mode, as a jOOQ R2DBC transaction's is), else one of its own, committed when the work completes
     * and rolled back when it fails or is cancelled.
     */
    public <T> CompletableFuture<T> inTransaction(Function<OneConnection, CompletableFuture<T>> work) {
        return onConnection("a transaction", connection -> R2dbcTransaction.run(connection, work));
    }

    /** Whether values of these types can be bound on the SPI: all but {@code null}s of unknown type. */
    public static boolean canBind(JdbcType[] bindTypes) {
        for (JdbcType type : bindTypes) {
            if (type == JdbcType.UNTYPED_NULL) {
                return false;
            }
        }
        return true;
    }

    /** Lends a connection for the work, and takes it back (closes it) when the work has ended. */
    private <T> CompletableFuture<T> onConnection(String sql, Function<OneConnection, CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
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
            CompletableFuture<T> running;
            try {
                running = work.apply(new OneConnection(connection, configuration, queryTimeout, result));
            } catch (RuntimeException e) {
                running = CompletableFuture.failedFuture(e);
            }
            running.whenComplete((value, error) -> Publishers.list(connection.close())
                    .whenComplete((closed, notClosed) -> {
                        if (error != null) {
                            result.completeExceptionally(failed(sql, error));
                        } else {
                            result.complete(value);
                        }
                    }));
        });
        return result;
    }

    private static Statement statement(OneConnection connection, String sql, Object[] values, JdbcType[] bindTypes) {
        Statement statement = connection.connection().createStatement(numbered(sql));
        for (int index = 0; index < values.length; index++) {
            if (values[index] == null) {
                statement.bindNull(index, bindTypes[index].javaType());
            } else {
                statement.bind(index, values[index]);
            }
        }
        return statement;
    }

    private static CompletionException failed(String sql, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return new CompletionException(cause instanceof DataAccessException || cause instanceof SessionStoreException
                || cause instanceof CancellationException
                ? cause : new DataAccessException("SQL [" + sql + "]; " + cause.getMessage(), cause));
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
