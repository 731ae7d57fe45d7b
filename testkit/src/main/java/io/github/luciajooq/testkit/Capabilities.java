package io.github.luciajooq.testkit;

import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import java.time.Instant;

/**
 * Which of the {@link Adapter}'s optional capabilities an adapter implements, found by calls that write nothing: the
 * contracts' tests of a capability are skipped, not failed, for an adapter of the seven operations alone.
 */
final class Capabilities {

    private static final String PROBE = "lucia-jooq-testkit-capability-probe";

    private Capabilities() {}

    /**
     * Whether the adapter implements {@link Adapter#rotateSession}: asked to rotate a session that does not exist, it
     * answers {@code false} and writes nothing; the default throws {@link UnsupportedOperationException}.
     */
    static boolean rotates(Adapter<?, ?, ?> adapter, Instant now) {
        try {
            adapter.rotateSession(PROBE, PROBE + "-rotated", now.plusSeconds(60), null);
            return true;
        } catch (UnsupportedOperationException unsupported) {
            return false;
        }
    }

    /**
     * Whether the adapter implements {@link Adapter#setSessionWithinLimit}: given a limit of 0, it refuses the
     * argument and stores nothing; the default throws {@link UnsupportedOperationException}.
     */
    static <I, S> boolean limitsSessions(Adapter<I, ?, S> adapter, I userId, S attributes, Instant now) {
        try {
            adapter.setSessionWithinLimit(new DatabaseSession<>(PROBE, userId, now.plusSeconds(60), attributes), 0,
                    false, now);
            return true;
        } catch (UnsupportedOperationException unsupported) {
            return false;
        } catch (RuntimeException refused) {
            return true;
        }
    }
}
