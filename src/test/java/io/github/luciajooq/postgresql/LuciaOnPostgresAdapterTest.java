package io.github.luciajooq.postgresql;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.LuciaContract;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testing.TestTables;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class LuciaOnPostgresAdapterTest extends LuciaContract {

    private TestDatabase database;
    private PostgresAdapter adapter;

    @BeforeEach
    void createAdapter(TestDatabase database) {
        this.database = database;
        TestTables.addAttributeColumns(database.dsl(), TableNames.DEFAULT);
        adapter = PostgresAdapter.create(database.dsl(), TableNames.DEFAULT, clock);
    }

    @Override
    protected Adapter adapter() {
        return adapter;
    }

    @Override
    protected void insertUser(String id, String username) {
        TestTables.insertUser(database.dsl(), TableNames.DEFAULT, id, Map.of("username", username));
    }
}
