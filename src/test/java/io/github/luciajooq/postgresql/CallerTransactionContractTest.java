package io.github.luciajooq.postgresql;

import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The contract with every operation inside a transaction the application runs, as jOOQ users write it:
 * {@code dsl.transactionResult(cfg -> PostgresAdapter.create(cfg.dsl(), tables).operation(...))}.
 */
class CallerTransactionContractTest extends DriverContract {

    @Override
    protected Adapter<Object, Object, Object> adapterUnderTest() {
        return new InCallerTransaction(applicationDsl());
    }

    /** Runs each operation on an adapter made for the caller's transaction, which commits when it returns. */
    private final class InCallerTransaction implements Adapter<Object, Object, Object> {

        private final DSLContext dsl;

        InCallerTransaction(DSLContext dsl) {
            this.dsl = dsl;
        }

        private <T> T inTransaction(Function<PostgresAdapter<Object, Object, Object>, T> operation) {
            return dsl.transactionResult(transaction ->
                    operation.apply(PostgresAdapter.create(transaction.dsl(), tables.tables())));
        }

        @Override
        public Optional<DatabaseSessionAndUser<Object, Object, Object>> getSessionAndUser(String sessionId) {
            return inTransaction(adapter -> adapter.getSessionAndUser(sessionId));
        }

        @Override
        public List<DatabaseSession<Object, Object>> getUserSessions(Object userId) {
            return inTransaction(adapter -> adapter.getUserSessions(userId));
        }

        @Override
        public void setSession(DatabaseSession<Object, Object> session) {
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
        public void deleteUserSessions(Object userId) {
            inTransaction(adapter -> {
                adapter.deleteUserSessions(userId);
                return null;
            });
        }

        @Override
        public long deleteExpiredSessions(Instant now) {
            return inTransaction(adapter -> adapter.deleteExpiredSessions(now));
        }
    }
}
