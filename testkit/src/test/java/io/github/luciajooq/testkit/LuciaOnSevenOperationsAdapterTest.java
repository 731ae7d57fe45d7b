package io.github.luciajooq.testkit;

import java.util.Map;

/**
 * The session manager's contract on an adapter without the optional capabilities: it passes, the tests of rotation
 * and of the limit per user skipped.
 */
class LuciaOnSevenOperationsAdapterTest extends LuciaContract<String, Map<String, Object>, Map<String, Object>> {

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
