package io.github.luciajooq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void advanceAndSetMoveTheClockAndNothingElseDoes() {
        TestClock clock = TestClock.standard();
        Instant start = clock.instant();

        assertThat(clock.instant()).isEqualTo(start);
        clock.advance(Duration.ofMillis(-1));
        assertThat(clock.instant()).isEqualTo(start.minusMillis(1));
        clock.set(Instant.EPOCH);
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aNullArgumentIsRefusedNamingItAndTheClockStaysWhereItWas() {
        TestClock clock = TestClock.standard();
        Instant start = clock.instant();

        assertThatThrownBy(() -> new TestClock(null)).isInstanceOf(NullPointerException.class).hasMessage("now");
        assertThatThrownBy(() -> clock.set(null)).isInstanceOf(NullPointerException.class).hasMessage("instant");
        assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("duration");
        assertThat(clock.instant()).isEqualTo(start);
    }

    @Test
    void aMapFixtureNeedsAWayToAddUsers() {
        assertThatThrownBy(() -> new MapFixture(null)).isInstanceOf(NullPointerException.class).hasMessage("users");
    }
}
