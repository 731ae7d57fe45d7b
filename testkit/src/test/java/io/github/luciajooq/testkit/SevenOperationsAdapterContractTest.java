package io.github.luciajooq.testkit;

import java.util.Map;

/**
 * The adapter contract on an adapter without the optional capabilities: it passes, the capabilities' tests skipped
 * (an adapter of the seven operations is a valid adapter).
 */
class SevenOperationsAdapterContractTest extends AdapterContract<String, Map<String, Object>, Map<String, Object>> {

    private final SevenOperationsAdapter adapter = new SevenOperationsAdapter();
    private final MapFixture fixture = new MapFixture(adapter.store::putUser);

    @Override
    protected SevenOperationsAdapter adapter() {
        return adapter;
    }

    @Override
    protected Fixture<String, Map<String, Object>, Map<String, Object>> fixture() {
        return fixture;
    }
}
