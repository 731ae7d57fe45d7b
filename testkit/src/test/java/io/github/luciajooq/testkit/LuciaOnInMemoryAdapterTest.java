package io.github.luciajooq.testkit;

import io.github.luciajooq.testkit.LuciaContract;
import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.testkit.Fixture;
import io.github.luciajooq.testkit.MapFixture;
import java.util.Map;

class LuciaOnInMemoryAdapterTest extends LuciaContract<String, Map<String, Object>, Map<String, Object>> {

    private final InMemoryAdapter<String, Map<String, Object>, Map<String, Object>> adapter =
            InMemoryAdapter.withSessionColumns("ip", "remembered");
    private final MapFixture fixture = new MapFixture(adapter::putUser);

    @Override
    protected Adapter<String, Map<String, Object>, Map<String, Object>> adapter() {
        return adapter;
    }

    @Override
    protected Fixture<String, Map<String, Object>, Map<String, Object>> fixture() {
        return fixture;
    }
}
