/**
 * The contract suites every lucia-jooq adapter passes, to extend in a JUnit 5 test of an adapter for another store.
 * <ul>
 *   <li>{@link io.github.luciajooq.testkit.AdapterContract}: the seven operations of
 *       {@link io.github.luciajooq.spi.Adapter}, with Lucia's own adapter test cases, attributes, time, and bad and
 *       hostile input.</li>
 *   <li>{@link io.github.luciajooq.testkit.LuciaContract}: the session manager's policy (creation, token storage,
 *       validation with sliding renewal, expiry, invalidation, cookies) run on the adapter, the clock moved by
 *       {@link io.github.luciajooq.testkit.TestClock}.</li>
 * </ul>
 * Both skip their tests of the adapter's optional operations ({@code rotateSession}, {@code setSessionWithinLimit})
 * for an adapter that leaves them to {@link io.github.luciajooq.spi.Adapter}'s defaults.
 * A subclass gives the adapter under test and a {@link io.github.luciajooq.testkit.Fixture}: how users are added,
 * and how a session's text and flag attributes and a user's username are written and read
 * ({@link io.github.luciajooq.testkit.MapFixture} for attributes as maps). Each test method gets a fresh instance of
 * the test class (JUnit's default lifecycle); the store must start empty for each, or hold only what earlier tests of
 * the same instance wrote.
 */
package io.github.luciajooq.testkit;
