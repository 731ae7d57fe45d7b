package io.github.luciajooq.postgresql.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.postgresql.internal.schema.JooqVersion.Verdict;
import io.github.luciajooq.tools.GeneratedClassesAreCurrentTest;
import org.jooq.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The start-up check of the jOOQ on the class path, which the application, not the library, chooses. */
class JooqVersionTest {

    @ParameterizedTest
    @CsvSource({
        "3.19.0, SUPPORTED", "3.19.39, SUPPORTED", "3.20.11, SUPPORTED", "3.21.9, SUPPORTED",
        "3.21.10-SNAPSHOT, SUPPORTED",
        "3.18.30, TOO_OLD", "3.14.16, TOO_OLD", "2.6.4, TOO_OLD", "3.9.0, TOO_OLD",
        "3.22.0, UNTESTED", "3.22.0-SNAPSHOT, UNTESTED", "4.0.0, UNTESTED", "3.100.1, UNTESTED",
        "unknown, UNTESTED", "3, UNTESTED", "'', UNTESTED"
    })
    void eachVersionGetsItsVerdict(String version, Verdict expected) {
        assertThat(JooqVersion.judge(version)).isEqualTo(expected);
    }

    @Test
    void theOldestLineAcceptedIsTheOneThatGeneratedTheJarsClasses() {
        assertThat(JooqVersion.OLDEST).isEqualTo(GeneratedClassesAreCurrentTest.GENERATOR_LINE);
    }

    @Test
    void aMissingVersionIsUntestedNotRefused() {
        assertThat(JooqVersion.judge(null)).isEqualTo(Verdict.UNTESTED);
    }

    @Test
    void theRefusalNamesTheReleaseFoundAndTheOneNeeded() {
        assertThat(JooqVersion.tooOld("3.18.30"))
                .contains("jOOQ 3.18.30").contains("3.19 or newer").contains("org.jooq:jooq");
    }

    @Test
    void theRunningVersionIsReadFromTheClassPathNotFromWhatTheLibraryWasCompiledWith() {
        // This test is compiled with the jOOQ it runs on, so the inlined constant is the class path's.
        assertThat(JooqVersion.running()).isEqualTo(Constants.VERSION);
        assertThat(JooqVersion.judge(JooqVersion.running())).isEqualTo(Verdict.SUPPORTED);
    }
}
