package io.github.luciajooq.postgresql;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.DatabaseSession;
import io.github.luciajooq.DatabaseSessionAndUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The contract with every operation inside a transaction the application runs, as jOOQ users write it:
 * {@code dsl.transactionResult(cfg -> PostgresAdapter.create(cfg.dsl(), names).operation(...))}.
 */
class CallerTransactionContractTest extends PostgresContract {

    @Override
    protected Adapter adapterUnderTest() {
        return new InCallerTransaction(applicationDsl(), tableNames());
    }

    /** Runs each operation on an adapter made for the caller's transaction, which commits when it returns. */
    private final class InCallerTransaction implements Adapter {

        private final DSLContext dsl;
        private final TableNames names;

        InCallerTransaction(DSLContext dsl, TableNames names) {
            this.dsl = dsl;
            this.names = names;
        }

        private <T> T inTransaction(Function<PostgresAdapter, T> operation) {
            return dsl.transactionResult(transaction ->
                    operation.apply(PostgresAdapter.create(transaction.dsl(), names, clock)));
        }

        @Override
        public Optional<DatabaseSessionAndUser> getSessionAndUser(String sessionId) {
            return inTransaction(adapter -> adapter.getSessionAndUser(sessionId));
        }

        @Override
        public List<DatabaseSession> getUserSessions(String userId) {
            return inTransaction(adapter -> adapter.getUserSessions(userId));
        }

        @Override
        public void setSession(DatabaseSession session) {
            inTransaction(adapter -> {
                adapter.setSession(session);
                return null;
            });
        }

        @Override
        public boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
            return inTransaction(adapter -> adapter.updateSessionExpiration(sessionId, expiresAt));
        }

        @Override
        public void deleteSession(String sessionId) {
            inTransaction(adapter -> {
                adapter.deleteSession(sessionId);
                return null;
            });
        }

        @Override
        public void deleteUserSessions(String userId) {
            inTransaction(adapter -> {
                adapter.deleteUserSessions(userId);
                return null;
            });
        }

        @Override
        public long deleteExpiredSessions() {
            return inTransaction(PostgresAdapter::deleteExpiredSessions);
        }
    }
}
