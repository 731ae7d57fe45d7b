package io.github.luciajooq.memory;

import io.github.luciajooq.Adapter;
import io.github.luciajooq.DatabaseUser;
import io.github.luciajooq.LuciaContract;
import java.util.Map;

class LuciaOnInMemoryAdapterTest extends LuciaContract {

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
