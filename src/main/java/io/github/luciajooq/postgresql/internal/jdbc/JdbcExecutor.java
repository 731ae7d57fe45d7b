package io.github.luciajooq.postgresql.internal.jdbc;

import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.postgresql.internal.jdbc.JdbcExecuteContext.Event;
import io.github.luciajooq.postgresql.internal.statement.JdbcType;
import io.github.luciajooq.postgresql.internal.statement.MappedDsl;
import io.github.luciajooq.postgresql.internal.statement.Statements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.ExecuteType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConnectionProvider;
import org.jooq.tools.JooqLogger;
import org.jooq.tools.LoggerListener;

/**
 * Runs {@link PostgresAdapter}'s rendered statements on one configuration: the adapter's, or a transaction's
 * ({@link PostgresAdapter#in(Configuration)}). Statements whose values and columns are all plain ({@link JdbcType})
 * run over JDBC itself, on the configuration's connection provider (the application's pool, connection or
 * transaction, as jOOQ would), with its query timeout and fetch size: a statement costs what a hand-written
 * {@code PreparedStatement} costs. The application's {@code ExecuteListener}s see them through a
 * {@link JdbcExecuteContext}, which says which events they get. The others, and every statement while jOOQ's execute
 * logging is at {@code DEBUG}, run through jOOQ.
 * <p>
 * Errors are jOOQ's {@link DataAccessException}, with pgjdbc's error as cause and the SQL, which holds bind markers
 * only, in the message; or whatever an application's listener replaced it with. Immutable and thread-safe when the
 * connection provider is.
 */
public final class JdbcExecutor {

    private static final JooqLogger EXECUTE_LOG = JooqLogger.getLogger(LoggerListener.class);

    private final Configuration configuration;
    private final DSLContext dsl;
    private final ConnectionProvider connections;
    private final ExecuteListenerProvider[] listeners;
    private final boolean executeLogging;
    private final int queryTimeout;
    private final int fetchSize;

    /** @param configuration the adapter's configuration ({@link MappedDsl}), whose connections and listeners run */
    public JdbcExecutor(Configuration configuration) {
        Settings settings = configuration.settings();
        this.configuration = configuration;
        this.dsl = DSL.using(configuration);
        this.connections = configuration.connectionProvider();
        this.listeners = configuration.executeListenerProviders();
        this.executeLogging = !Boolean.FALSE.equals(settings.isExecuteLogging());
        this.queryTimeout = settings.getQueryTimeout() == null ? 0 : settings.getQueryTimeout();
        this.fetchSize = settings.getFetchSize() == null ? 0 : settings.getFetchSize();
    }

    /** The rows of a select, each mapped from its values by index. */
    public <T> List<T> fetch(Statements<?, ?, ?>.Reader reader, Statements.Bound bound, Function<IntFunction<Object>, T> map) {
        JdbcType[] columns = reader.plainTypes();
        if (columns != null && bound.bindTypes() != null && direct()) {
            return run(bound, ExecuteType.READ, (statement, context) -> {
                try (ResultSet result = statement.executeQuery()) {
                    ResultSet read = result;
                    if (context != null) {
                        context.resultSet(result);
                        context.fire(Event.EXECUTE_END);
                        context.fire(Event.FETCH_START);
                        read = context.resultSet();
                    }
                    List<T> rows = new ArrayList<>(1);
                    Object[] row = new Object[columns.length];
                    IntFunction<Object> values = index -> row[index];
                    while (read.next()) {
                        for (int column = 0; column < columns.length; column++) {
                            row[column] = columns[column].get(read, column + 1);
                        }
                        rows.add(map.apply(values));
                    }
                    fire(context, Event.FETCH_END);
                    return rows;
                }
            });
        }
        ResultQuery<Record> query = dsl.resultQuery(bound.sql(), (Object[]) bound.binds());
        Field<?>[] types = reader.types();
        List<T> mapped = new ArrayList<>(1);
        for (Record row : types == null ? query.fetch() : query.coerce(types).fetch()) {
            reader.learn(row);
            mapped.add(map.apply(row::get));
        }
        return mapped;
    }

    /** The rows a statement affected. */
    public int execute(Statements.Bound bound) {
        if (bound.bindTypes() != null && direct()) {
            return run(bound, ExecuteType.WRITE, (statement, context) -> {
                int rows = statement.executeUpdate();
                if (context != null) {
                    context.rows(rows);
                    context.fire(Event.EXECUTE_END);
                }
                return rows;
            });
        }
        return dsl.query(bound.sql(), (Object[]) bound.binds()).execute();
    }

    /**
     * Runs these statements in one transaction on one connection of the provider: the caller's, when the connection
     * is not in auto-commit mode (the caller commits), else one of its own, committed when the work returns and rolled
     * back when it throws. The connection's auto-commit is restored and the connection released either way.
     */
    public <T> T inTransaction(Function<JdbcExecutor, T> work) {
        Connection connection = connections.acquire();
        try {
            boolean own = connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.apply(new JdbcExecutor(configuration.derive(new DefaultConnectionProvider(connection))));
                if (own) {
                    connection.commit();
                }
                return result;
            } catch (RuntimeException | Error e) {
                if (own) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                }
                throw e;
            } finally {
                if (own) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("the transaction of a session limit failed: " + e.getMessage(), e);
        } finally {
            connections.release(connection);
        }
    }

    /** Whether a statement of plain values may run over JDBC now: unless jOOQ's execute logging would print it. */
    private boolean direct() {
        return !(executeLogging && EXECUTE_LOG.isDebugEnabled());
    }

    /** What a statement does once prepared and bound: execute, and read what it returns. */
    private interface Execution<T> {
        T run(PreparedStatement statement, JdbcExecuteContext context) throws SQLException;
    }

    /**
     * Runs a statement on a connection of the provider, firing the listeners' events around each step when there are
     * listeners; without, it is exactly a hand-written {@code PreparedStatement}.
     */
    private <T> T run(Statements.Bound bound, ExecuteType type, Execution<T> execution) {
        JdbcExecuteContext context = listeners.length == 0 ? null : new JdbcExecuteContext(configuration, listeners,
                type, bound.sql(), () -> dsl.query(bound.sql(), (Object[]) bound.binds()));
        try {
            fire(context, Event.START);
            fire(context, Event.RENDER_START);
            fire(context, Event.RENDER_END);
            Connection connection = connections.acquire();
            try {
                if (context != null) {
                    context.connection(connection);
                }
                return prepareAndRun(connection, context == null ? bound.sql() : context.sql(), bound, context,
                        execution);
            } finally {
                connections.release(connection);
            }
        } catch (SQLException e) {
            if (context == null) {
                throw new DataAccessException("SQL [" + bound.sql() + "]; " + e.getMessage(), e);
            }
            throw context.failed(e);
        } catch (RuntimeException e) {
            if (context == null) {
                throw e;
            }
            throw context.failed(e);
        } finally {
            fire(context, Event.END);
        }
    }

    private <T> T prepareAndRun(Connection connection, String sql, Statements.Bound bound, JdbcExecuteContext context,
            Execution<T> execution) throws SQLException {
        fire(context, Event.PREPARE_START);
        PreparedStatement prepared = connection.prepareStatement(sql);
        PreparedStatement statement = prepared;
        try {
            if (context != null) {
                context.statement(prepared);
                context.fire(Event.PREPARE_END);
                statement = context.statement();
            }
            if (queryTimeout > 0) {
                statement.setQueryTimeout(queryTimeout);
            }
            if (fetchSize > 0) {
                statement.setFetchSize(fetchSize);
            }
            fire(context, Event.BIND_START);
            Object[] values = bound.values();
            JdbcType[] bindTypes = bound.bindTypes();
            for (int index = 0; index < values.length; index++) {
                bindTypes[index].set(statement, index + 1, values[index]);
            }
            fire(context, Event.BIND_END);
            if (context != null) {
                context.executed();
                context.fire(Event.EXECUTE_START);
            }
            return execution.run(statement, context);
        } finally {
            statement.close();
            if (statement != prepared) {
                prepared.close();
            }
        }
    }

    private static void fire(JdbcExecuteContext context, Event event) {
        if (context != null) {
            context.fire(event);
        }
    }
}
