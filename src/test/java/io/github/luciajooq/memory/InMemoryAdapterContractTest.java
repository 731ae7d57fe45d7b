package io.github.luciajooq.memory;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.AdapterContract;
import io.github.luciajooq.DatabaseUser;
import java.util.Map;

/** The in-memory adapter passes the same contract as the PostgreSQL one. */
class InMemoryAdapterContractTest extends AdapterContract {

    private final InMemoryAdapter adapter = InMemoryAdapter.create(clock, "ip", "remembered");

    @Override
    protected Adapter adapter() {
        return adapter;
    }

    @Override
    protected void insertUser(String id, String username) {
        adapter.putUser(new DatabaseUser(id, Map.of("username", username)));
    }
}
