package io.github.luciajooq.testing;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An R2DBC connection factory that records the SQL text of every statement its connections create: R2DBC has no
 * listener of its own, and jOOQ fires no {@code ExecuteListener} on R2DBC.
 */
public final class RecordingConnectionFactory implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    public RecordingConnectionFactory(ConnectionFactory delegate) {
        this.delegate = delegate;
    }

    /** The SQL text of every statement created so far, in order. */
    public List<String> statements() {
        return statements;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(Recording::new);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    private final class Recording implements Connection {

        private final Connection connection;

        Recording(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Statement createStatement(String sql) {
            statements.add(sql);
            return connection.createStatement(sql);
        }

        @Override
        public Batch createBatch() {
            Batch batch = connection.createBatch();
            return new Batch() {
                @Override
                public Batch add(String sql) {
                    statements.add(sql);
                    batch.add(sql);
                    return this;
                }

                @Override
                public Publisher<? extends io.r2dbc.spi.Result> execute() {
                    return batch.execute();
                }
            };
        }

        @Override
        public Publisher<Void> beginTransaction() {
            return connection.beginTransaction();
        }

        @Override
        public Publisher<Void> beginTransaction(TransactionDefinition definition) {
            return connection.beginTransaction(definition);
        }

        @Override
        public Publisher<Void> close() {
            return connection.close();
        }

        @Override
        public Publisher<Void> commitTransaction() {
            return connection.commitTransaction();
        }

        @Override
        public Publisher<Void> createSavepoint(String name) {
            return connection.createSavepoint(name);
        }

        @Override
        public boolean isAutoCommit() {
            return connection.isAutoCommit();
        }

        @Override
        public ConnectionMetadata getMetadata() {
            return connection.getMetadata();
        }

        @Override
        public IsolationLevel getTransactionIsolationLevel() {
            return connection.getTransactionIsolationLevel();
        }

        @Override
        public Publisher<Void> releaseSavepoint(String name) {
            return connection.releaseSavepoint(name);
        }

        @Override
        public Publisher<Void> rollbackTransaction() {
            return connection.rollbackTransaction();
        }

        @Override
        public Publisher<Void> rollbackTransactionToSavepoint(String name) {
            return connection.rollbackTransactionToSavepoint(name);
        }

        @Override
        public Publisher<Void> setAutoCommit(boolean autoCommit) {
            return connection.setAutoCommit(autoCommit);
        }

        @Override
        public Publisher<Void> setLockWaitTimeout(Duration timeout) {
            return connection.setLockWaitTimeout(timeout);
        }

        @Override
        public Publisher<Void> setStatementTimeout(Duration timeout) {
            return connection.setStatementTimeout(timeout);
        }

        @Override
        public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
            return connection.setTransactionIsolationLevel(level);
        }

        @Override
        public Publisher<Boolean> validate(ValidationDepth depth) {
            return connection.validate(depth);
        }
    }
}
