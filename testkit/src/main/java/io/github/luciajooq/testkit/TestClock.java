package io.github.luciajooq.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until a test moves it, always in UTC. Thread-safe: a move is seen at once by every
 * thread. A {@code null} argument throws {@link NullPointerException} naming it, and leaves the clock where it was.
 */
public final class TestClock extends Clock {

    private volatile Instant now;

    /** A clock standing at {@code now}. */
    public TestClock(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    /** A clock at a fixed, millisecond-precise instant well away from any boundary. */
    public static TestClock standard() {
        return new TestClock(Instant.parse("2026-03-29T01:30:00.123Z"));
    }

    /** Moves the clock on by {@code duration} (back, when negative). */
    public void advance(Duration duration) {
        now = now.plus(Objects.requireNonNull(duration, "duration"));
    }

    /** Puts the clock at {@code instant}. */
    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a TestClock is always UTC");
    }
}
