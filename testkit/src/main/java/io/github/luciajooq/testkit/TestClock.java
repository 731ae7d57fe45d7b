package io.github.luciajooq.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. Thread-safe. */
public final class TestClock extends Clock {

    private volatile Instant now;

    /** A clock standing at {@code now}. */
    public TestClock(Instant now) {
        this.now = now;
    }

    /** A clock at a fixed, millisecond-precise instant well away from any boundary. */
    public static TestClock standard() {
        return new TestClock(Instant.parse("2026-03-29T01:30:00.123Z"));
    }

    /** Moves the clock on by {@code duration} (back, when negative). */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Puts the clock at {@code instant}. */
    public void set(Instant instant) {
        now = instant;
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
