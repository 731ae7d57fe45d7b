package io.github.luciajooq.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.tools.JooqLogger;
import org.jooq.tools.LoggerListener;

/**
 * Runs a rendered statement of plain values over JDBC itself, on the connection provider of the adapter's
 * configuration (so through the application's pool, connection or transaction, as jOOQ would), with its query
 * timeout and fetch size: a statement costs what a hand-written {@code PreparedStatement} costs.
 * <p>
 * Only when nobody would see the difference: the configuration has no execute listeners, and jOOQ's execute logging
 * is off or not at {@code DEBUG}. Otherwise, and for any value that is not plain ({@link JdbcType}), the statement
 * runs through jOOQ. Errors are jOOQ's {@link DataAccessException}, with pgjdbc's error as cause and the SQL, which
 * holds bind markers only, in the message.
 */
final class DirectJdbc {

    private static final JooqLogger EXECUTE_LOG = JooqLogger.getLogger(LoggerListener.class);

    private final ConnectionProvider connections;
    private final boolean listened;
    private final boolean executeLogging;
    private final int queryTimeout;
    private final int fetchSize;

    DirectJdbc(DSLContext dsl) {
        Configuration configuration = dsl.configuration();
        Settings settings = configuration.settings();
        this.connections = configuration.connectionProvider();
        this.listened = configuration.executeListenerProviders().length > 0;
        this.executeLogging = !Boolean.FALSE.equals(settings.isExecuteLogging());
        this.queryTimeout = settings.getQueryTimeout() == null ? 0 : settings.getQueryTimeout();
        this.fetchSize = settings.getFetchSize() == null ? 0 : settings.getFetchSize();
    }

    /** Whether a statement may run here now, unseen by listeners and execute logging. */
    boolean usable() {
        return !listened && !(executeLogging && EXECUTE_LOG.isDebugEnabled());
    }

    /** The rows of a query, each column read as its plain type. */
    List<Object[]> fetch(String sql, Object[] values, JdbcType[] bindTypes, JdbcType[] columnTypes) {
        Connection connection = connections.acquire();
        try (PreparedStatement statement = prepare(connection, sql, values, bindTypes);
                ResultSet result = statement.executeQuery()) {
            List<Object[]> rows = new ArrayList<>(1);
            while (result.next()) {
                Object[] row = new Object[columnTypes.length];
                for (int column = 0; column < columnTypes.length; column++) {
                    row[column] = columnTypes[column].get(result, column + 1);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        } finally {
            connections.release(connection);
        }
    }

    /** The rows a statement affected. */
    int execute(String sql, Object[] values, JdbcType[] bindTypes) {
        Connection connection = connections.acquire();
        try (PreparedStatement statement = prepare(connection, sql, values, bindTypes)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        } finally {
            connections.release(connection);
        }
    }

    private PreparedStatement prepare(Connection connection, String sql, Object[] values, JdbcType[] bindTypes)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            if (queryTimeout > 0) {
                statement.setQueryTimeout(queryTimeout);
            }
            if (fetchSize > 0) {
                statement.setFetchSize(fetchSize);
            }
            for (int index = 0; index < values.length; index++) {
                bindTypes[index].set(statement, index + 1, values[index]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
