package io.github.luciajooq.postgresql;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The contract on a plain context over a non-pooling data source: every statement on a new connection. */
class PostgresAdapterContractTest extends DriverContract {

    @Override
    protected DSLContext applicationDsl() {
        return DSL.using(database.unpooledDataSource(), SQLDialect.POSTGRES);
    }
}
