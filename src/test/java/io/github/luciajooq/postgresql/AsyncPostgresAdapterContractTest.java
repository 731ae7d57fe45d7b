package io.github.luciajooq.postgresql;

import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.testing.BlockingAdapter;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The adapter contract on the non-blocking adapter, over R2DBC: the same cases, awaited. */
class AsyncPostgresAdapterContractTest extends DriverContract {

    @Override
    protected Adapter<Object, Object, Object> adapterUnderTest() {
        return new BlockingAdapter<>(AsyncPostgresAdapter.create(
                DSL.using(database.connectionFactory(), SQLDialect.POSTGRES), tables.tables()));
    }
}
