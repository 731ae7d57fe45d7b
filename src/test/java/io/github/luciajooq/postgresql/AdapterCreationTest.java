package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Adapters made on a context they cannot run on are refused when made, not at their first statement. */
@ExtendWith(PostgresDatabaseExtension.class)
class AdapterCreationTest {

    @Test
    void anAsyncAdapterOnAJdbcContextIsRefusedWhenMade(TestDatabase database) {
        assertThatThrownBy(() -> AsyncPostgresAdapter.create(DSL.using(database.dataSource(), SQLDialect.POSTGRES)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no R2DBC ConnectionFactory")
                .hasMessageContaining("PostgresAdapter");
    }

    @Test
    void anAsyncAdapterOnAContextWithoutConnectionsIsRefusedWhenMade() {
        assertThatThrownBy(() -> AsyncPostgresAdapter.create(DSL.using(SQLDialect.POSTGRES), SessionTables.lucia()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no R2DBC ConnectionFactory");
    }

    @Test
    void anAdapterOnAnotherDialectIsRefusedWhenMade(TestDatabase database) {
        assertThatThrownBy(() -> PostgresAdapter.create(DSL.using(database.dataSource(), SQLDialect.MYSQL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SQLDialect.POSTGRES");
    }
}
