package io.github.luciajooq.postgresql.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.ConverterContext;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.ExecuteType;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Routine;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The {@link ExecuteContext} of one statement that {@link JdbcExecutor} runs over JDBC itself, and the calls of the
 * application's {@link ExecuteListener}s on it, in jOOQ's order: {@code start}, {@code renderStart},
 * {@code renderEnd}, {@code prepareStart}, {@code prepareEnd}, {@code bindStart}, {@code bindEnd},
 * {@code executeStart}, {@code executeEnd}, for a query {@code fetchStart} and {@code fetchEnd}, then
 * {@code exception} when the statement failed, and {@code end}. Rows are read as plain values, not as jOOQ records,
 * so the result and record events ({@code resultStart}, {@code recordStart}...) are not fired, and
 * {@link #result()} and {@link #record()} are {@code null}.
 * <p>
 * A listener may change the SQL ({@link #sql(String)}, up to {@code renderEnd}), wrap the statement
 * ({@link #statement(PreparedStatement)}, up to {@code prepareEnd}) and replace the exception
 * ({@link #exception(RuntimeException)}), as on jOOQ's own path; {@link #query()} is made, as a plain SQL query of
 * the statement and its bind values, only when a listener asks for it. One statement, one thread: not thread-safe.
 */
final class JdbcExecuteContext implements ExecuteContext, ConverterContext {

    private final Configuration configuration;
    private final ExecuteListener[] listeners;
    private final ExecuteType type;
    private final Supplier<Query> query;
    private final Instant creationTime = Instant.now();
    private Map<Object, Object> data;
    private String sql;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet resultSet;
    private int rows = -1;
    private int executions;
    private RuntimeException exception;
    private SQLException sqlException;
    private SQLWarning sqlWarning;
    private String[] serverOutput;
    private Query madeQuery;

    /**
     * @param configuration the adapter's configuration, which the listeners see
     * @param providers the application's listener providers; each gives its listener for this statement
     * @param sql the statement, with bind markers
     * @param query makes the statement as a jOOQ query, when a listener asks for it
     */
    JdbcExecuteContext(Configuration configuration, ExecuteListenerProvider[] providers, ExecuteType type, String sql,
            Supplier<Query> query) {
        this.configuration = configuration;
        this.type = type;
        this.sql = sql;
        this.query = query;
        this.listeners = new ExecuteListener[providers.length];
        for (int index = 0; index < providers.length; index++) {
            listeners[index] = providers[index].provide();
        }
    }

    /** Which of the listeners' events: one value per {@link ExecuteListener} method the executor fires. */
    enum Event {
        START, RENDER_START, RENDER_END, PREPARE_START, PREPARE_END, BIND_START, BIND_END, EXECUTE_START, EXECUTE_END,
        FETCH_START, FETCH_END, EXCEPTION, END
    }

    /** Calls every listener's method for this event, in the order the providers are configured. */
    void fire(Event event) {
        for (ExecuteListener listener : listeners) {
            switch (event) {
                case START -> listener.start(this);
                case RENDER_START -> listener.renderStart(this);
                case RENDER_END -> listener.renderEnd(this);
                case PREPARE_START -> listener.prepareStart(this);
                case PREPARE_END -> listener.prepareEnd(this);
                case BIND_START -> listener.bindStart(this);
                case BIND_END -> listener.bindEnd(this);
                case EXECUTE_START -> listener.executeStart(this);
                case EXECUTE_END -> listener.executeEnd(this);
                case FETCH_START -> listener.fetchStart(this);
                case FETCH_END -> listener.fetchEnd(this);
                case EXCEPTION -> listener.exception(this);
                case END -> listener.end(this);
                default -> throw new IllegalStateException("no listener method for " + event);
            }
        }
    }

    /**
     * The error to throw for a failed statement: jOOQ's {@link DataAccessException} with the driver's error as
     * cause, unless a listener replaced it (an application's exception translator).
     */
    RuntimeException failed(SQLException error) {
        sqlException(error);
        return failed();
    }

    /** The error to throw for this one, unless a listener replaced it. */
    RuntimeException failed(RuntimeException error) {
        exception(error);
        return failed();
    }

    private RuntimeException failed() {
        RuntimeException raised = exception;
        fire(Event.EXCEPTION);
        return exception != null ? exception : raised;
    }

    void executed() {
        executions++;
    }

    /** The scope converters run in: this statement's. */
    @Override
    public ConverterContext converterContext() {
        return this;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    void connection(Connection connection) {
        this.connection = connection;
    }

    @Override
    public ExecuteType type() {
        return type;
    }

    @Override
    public Query query() {
        if (madeQuery == null) {
            madeQuery = query.get();
        }
        return madeQuery;
    }

    @Override
    public BatchMode batchMode() {
        return BatchMode.NONE;
    }

    @Override
    public Query[] batchQueries() {
        return new Query[] {query()};
    }

    @Override
    public Routine<?> routine() {
        return null;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public void sql(String sql) {
        this.sql = sql;
    }

    @Override
    public int skipUpdateCounts() {
        return 0;
    }

    @Override
    public void skipUpdateCounts(int skip) {
        // One statement, one update count: nothing to skip.
    }

    @Override
    public String[] batchSQL() {
        return new String[] {sql};
    }

    @Override
    public void connectionProvider(ConnectionProvider provider) {
        throw new UnsupportedOperationException("lucia-jooq's statements run on the connection provider of the"
                + " adapter's context; a listener cannot replace it");
    }

    @Override
    public PreparedStatement statement() {
        return statement;
    }

    @Override
    public void statement(PreparedStatement statement) {
        this.statement = statement;
    }

    @Override
    public int statementExecutionCount() {
        return executions;
    }

    @Override
    public ResultSet resultSet() {
        return resultSet;
    }

    @Override
    public void resultSet(ResultSet resultSet) {
        this.resultSet = resultSet;
    }

    @Override
    public int recordLevel() {
        return -1;
    }

    @Override
    public Record record() {
        return null;
    }

    @Override
    public void record(Record record) {
        // Rows are read as plain values, not records.
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public void rows(int rows) {
        this.rows = rows;
    }

    @Override
    public int[] batchRows() {
        return new int[] {rows};
    }

    @Override
    public int resultLevel() {
        return -1;
    }

    @Override
    public Result<?> result() {
        return null;
    }

    @Override
    public void result(Result<?> result) {
        // Rows are read as plain values, not a result.
    }

    @Override
    public RuntimeException exception() {
        return exception;
    }

    @Override
    public void exception(RuntimeException exception) {
        this.exception = exception;
    }

    @Override
    public SQLException sqlException() {
        return sqlException;
    }

    /** As jOOQ: the driver's error, and jOOQ's {@link DataAccessException} of it as the exception to throw. */
    @Override
    public void sqlException(SQLException sqlException) {
        this.sqlException = sqlException;
        this.exception = new DataAccessException("SQL [" + sql + "]; " + sqlException.getMessage(), sqlException);
    }

    @Override
    public SQLWarning sqlWarning() {
        return sqlWarning;
    }

    @Override
    public void sqlWarning(SQLWarning sqlWarning) {
        this.sqlWarning = sqlWarning;
    }

    @Override
    public String[] serverOutput() {
        return serverOutput == null ? new String[0] : serverOutput;
    }

    @Override
    public void serverOutput(String[] serverOutput) {
        this.serverOutput = serverOutput;
    }

    @Override
    public Instant creationTime() {
        return creationTime;
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public DSLContext dsl() {
        return DSL.using(configuration);
    }

    @Override
    public Settings settings() {
        return configuration.settings();
    }

    @Override
    public SQLDialect dialect() {
        return configuration.dialect();
    }

    @Override
    public SQLDialect family() {
        return configuration.family();
    }

    @Override
    public Map<Object, Object> data() {
        if (data == null) {
            data = new HashMap<>();
        }
        return data;
    }

    @Override
    public Object data(Object key) {
        return data == null ? null : data.get(key);
    }

    @Override
    public Object data(Object key, Object value) {
        return data().put(key, value);
    }
}
