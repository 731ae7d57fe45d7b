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
 * The contract with every operation inside a transaction the application runs on jOOQ's default transaction
 * provider, as the README shows it: one adapter for the application, bound to each transaction,
 * {@code dsl.transactionResult(trx -> adapter.in(trx).operation(...))}.
 */
class CallerTransactionContractTest extends DriverContract {

    @Override
    protected Adapter<Object, Object, Object> adapterUnderTest() {
        return new InCallerTransaction(applicationDsl());
    }

    /** Runs each operation on an adapter made for the caller's transaction, which commits when it returns. */
    private final class InCallerTransaction implements Adapter<Object, Object, Object> {

        private final DSLContext dsl;
        private final PostgresAdapter<Object, Object, Object> adapter;

        InCallerTransaction(DSLContext dsl) {
            this.dsl = dsl;
            this.adapter = PostgresAdapter.create(dsl, tables.tables());
        }

        private <T> T inTransaction(Function<PostgresAdapter<Object, Object, Object>, T> operation) {
            return dsl.transactionResult(transaction -> operation.apply(adapter.in(transaction)));
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

        @Override
        public boolean rotateSession(String sessionId, String newSessionId, Instant expiresAt,
                Instant authenticatedAt) {
            return inTransaction(adapter -> adapter.rotateSession(sessionId, newSessionId, expiresAt, authenticatedAt));
        }

        @Override
        public long deleteOtherUserSessions(Object userId, String keptSessionId) {
            return inTransaction(adapter -> adapter.deleteOtherUserSessions(userId, keptSessionId));
        }

        @Override
        public boolean setSessionWithinLimit(DatabaseSession<Object, Object> session, int limit, boolean endOldest,
                Instant now) {
            return inTransaction(adapter -> adapter.setSessionWithinLimit(session, limit, endOldest, now));
        }
    }
}
