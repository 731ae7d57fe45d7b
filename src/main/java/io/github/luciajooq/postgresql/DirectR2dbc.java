package io.github.luciajooq.postgresql;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 */
final class DirectR2dbc {

    private final ConnectionFactory connections;

    DirectR2dbc(DSLContext dsl) {
        this.connections = dsl.configuration().connectionFactory();
    }

    /** The rows of a query, each column read as its plain type. */
    CompletableFuture<List<Object[]>> fetch(String sql, Object[] values, JdbcType[] bindTypes, JdbcType[] columnTypes) {
        return run(sql, values, bindTypes, result -> result.map(row -> read(row, columnTypes)));
    }

    /** The rows a statement affected. */
    CompletableFuture<Long> execute(String sql, Object[] values, JdbcType[] bindTypes) {
        return run(sql, values, bindTypes, Result::getRowsUpdated)
                .thenApply(counts -> counts.stream().mapToLong(Long::longValue).sum());
    }

    /** Whether values of these types can be bound here: all but {@code null}s of unknown type. */
    static boolean canBind(JdbcType[] bindTypes) {
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
        return Publishers.<Connection>list(connections.create()).thenCompose(created -> {
            Connection connection = created.get(0);
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
            return items.handle((rows, error) -> Publishers.list(connection.close()).handle((closed, closeError) -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    throw new CompletionException(new DataAccessException("SQL [" + sql + "]; " + cause.getMessage(),
                            cause));
                }
                return rows;
            })).thenCompose(closing -> closing);
        });
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
