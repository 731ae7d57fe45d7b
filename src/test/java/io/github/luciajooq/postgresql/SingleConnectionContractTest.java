package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;

/** The contract on one JDBC connection in auto-commit mode (node-postgres' single {@code Client}). */
class SingleConnectionContractTest extends DriverContract {

    private Connection connection;

    @Override
    protected DSLContext applicationDsl() {
        try {
            connection = database.unpooledDataSource().getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return DSL.using(connection, SQLDialect.POSTGRES);
    }

    @AfterEach
    void theConnectionIsStillOpenAndUnchanged() throws SQLException {
        assertThat(connection.isClosed()).isFalse();
        assertThat(connection.getAutoCommit()).isTrue();
        connection.close();
    }
}
