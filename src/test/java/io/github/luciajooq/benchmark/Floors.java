package io.github.luciajooq.benchmark;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Statement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hand-written floor each operation is measured against: the same SQL the adapter sends, through a plain pgjdbc
 * {@link PreparedStatement} on the same pool, or a plain r2dbc-postgresql statement on the same R2DBC pool. No
 * mapping beyond reading the columns, no policy, no hashing.
 */
final class Floors {

    static final String SELECT_SESSION_AND_USER = "select s.token, s.owner, s.valid_until, u.user_id"
            + " from app_session s join app_user u on u.user_id = s.owner where s.token = ?";
    static final String SELECT_NAMED_SESSION_AND_USER = "select s.id, s.user_id, s.expires_at, u.id"
            + " from user_session s join auth_user u on u.id = s.user_id where s.id = ?";
    static final String UPDATE_EXPIRY = "update app_session set valid_until = ? where token = ?";
    static final String INSERT = "insert into app_session (token, owner, valid_until) values (?, ?, ?)"
            + " on conflict (token) do nothing";
    static final String DELETE = "delete from app_session where token = ?";
    static final String SELECT_USER_SESSIONS = "select token, owner, valid_until from app_session where owner = ?";

    private Floors() {}

    /** The hand-written JDBC floor, on a pool. */
    static final class Jdbc {

        private final DataSource pool;

        Jdbc(DataSource pool) {
            this.pool = pool;
        }

        /** Reads a session and its user by key; true when found. */
        boolean validate(String sql, String key) throws SQLException {
            try (java.sql.Connection connection = pool.getConnection()) {
                return validate(connection, sql, key);
            }
        }

        /** Reads a session and its user by key on this connection (a transaction's); true when found. */
        static boolean validate(java.sql.Connection connection, String sql, String key) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                    row.getString(1);
                    row.getObject(2);
                    row.getObject(3, OffsetDateTime.class);
                    row.getObject(4);
                    return true;
                }
            }
        }

        void validateAndRenew(String key, OffsetDateTime expiresAt) throws SQLException {
            if (validate(SELECT_SESSION_AND_USER, key)) {
                update(UPDATE_EXPIRY, expiresAt, key);
            }
        }

        void create(String key, UUID owner, OffsetDateTime expiresAt) throws SQLException {
            try (java.sql.Connection connection = pool.getConnection();
                    PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setString(1, key);
                statement.setObject(2, owner);
                statement.setObject(3, expiresAt);
                statement.executeUpdate();
            }
        }

        void invalidate(String key) throws SQLException {
            try (java.sql.Connection connection = pool.getConnection();
                    PreparedStatement statement = connection.prepareStatement(DELETE)) {
                statement.setString(1, key);
                statement.executeUpdate();
            }
        }

        int userSessions(UUID owner) throws SQLException {
            try (java.sql.Connection connection = pool.getConnection();
                    PreparedStatement statement = connection.prepareStatement(SELECT_USER_SESSIONS)) {
                statement.setObject(1, owner);
                int count = 0;
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        row.getString(1);
                        row.getObject(2);
                        row.getObject(3, OffsetDateTime.class);
                        count++;
                    }
                }
                return count;
            }
        }

        private void update(String sql, OffsetDateTime expiresAt, String key) throws SQLException {
            try (java.sql.Connection connection = pool.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, expiresAt);
                statement.setString(2, key);
                statement.executeUpdate();
            }
        }
    }

    /** The hand-written R2DBC floor, on a pool. */
    static final class R2dbc {

        private final ConnectionFactory pool;

        R2dbc(ConnectionFactory pool) {
            this.pool = pool;
        }

        private static String dollars(String sql) {
            StringBuilder numbered = new StringBuilder();
            int parameter = 0;
            for (char c : sql.toCharArray()) {
                if (c == '?') {
                    numbered.append('$').append(++parameter);
                } else {
                    numbered.append(c);
                }
            }
            return numbered.toString();
        }

        private <T> T run(String sql, java.util.function.Function<Statement, Statement> bind,
                java.util.function.Function<io.r2dbc.spi.Result, org.reactivestreams.Publisher<T>> read, T none) {
            List<T> results = Mono.usingWhen(Mono.from(pool.create()),
                    (Connection connection) -> Flux.from(bind.apply(connection.createStatement(dollars(sql))).execute())
                            .flatMap(read).collectList(),
                    Connection::close).block();
            return results == null || results.isEmpty() ? none : results.get(0);
        }

        boolean validate(String sql, String key) {
            return run(sql, statement -> statement.bind(0, key), result -> result.map((row, meta) -> {
                row.get(0, String.class);
                row.get(1);
                row.get(2, OffsetDateTime.class);
                row.get(3);
                return Boolean.TRUE;
            }), Boolean.FALSE);
        }

        void validateAndRenew(String key, OffsetDateTime expiresAt) {
            if (validate(SELECT_SESSION_AND_USER, key)) {
                run(UPDATE_EXPIRY, statement -> statement.bind(0, expiresAt).bind(1, key), io.r2dbc.spi.Result::getRowsUpdated,
                        0L);
            }
        }

        void create(String key, UUID owner, OffsetDateTime expiresAt) {
            run(INSERT, statement -> statement.bind(0, key).bind(1, owner).bind(2, expiresAt),
                    io.r2dbc.spi.Result::getRowsUpdated, 0L);
        }

        void invalidate(String key) {
            run(DELETE, statement -> statement.bind(0, key), io.r2dbc.spi.Result::getRowsUpdated, 0L);
        }

        int userSessions(UUID owner) {
            List<Boolean> rows = new ArrayList<>();
            run(SELECT_USER_SESSIONS, statement -> statement.bind(0, owner), result -> result.map((row, meta) -> {
                row.get(0, String.class);
                row.get(1);
                row.get(2, OffsetDateTime.class);
                rows.add(Boolean.TRUE);
                return Boolean.TRUE;
            }), Boolean.FALSE);
            return rows.size();
        }
    }
}
