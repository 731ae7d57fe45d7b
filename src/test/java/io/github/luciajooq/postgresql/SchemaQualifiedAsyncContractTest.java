package io.github.luciajooq.postgresql;

import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.testing.BlockingAdapter;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The non-blocking adapter's contract on schema-qualified tables whose names need quotes. */
class SchemaQualifiedAsyncContractTest extends NamedContract {

    @Override
    protected TableNames tableNames() {
        return TableNames.of("Auth.users", "Auth.user");
    }

    @Override
    protected Adapter<String, Map<String, Object>, Map<String, Object>> adapterUnderTest() {
        return new BlockingAdapter<>(AsyncPostgresAdapter.create(
                DSL.using(database.connectionFactory(), SQLDialect.POSTGRES), tablesUnderTest().tables()));
    }
}
