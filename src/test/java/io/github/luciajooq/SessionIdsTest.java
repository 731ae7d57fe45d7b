package io.github.luciajooq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionIdsTest {

    /** RFC 4648's test vectors, in lowercase and without padding, as Lucia's encodeBase32LowerCaseNoPadding. */
    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {"'',''", "f,my", "fo,mzxq", "foo,mzxw6", "foob,mzxw6yq", "fooba,mzxw6ytb",
        "foobar,mzxw6ytboi"})
    void base32MatchesRfc4648LowercaseWithoutPadding(String input, String expected) {
        assertThat(SessionIds.base32LowerCase(input.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @Test
    void generatedIdsHaveLuciasShapeAndUseEveryCharacter() {
        Map<Character, Integer> seen = new HashMap<>();
        for (int index = 0; index < 2_000; index++) {
            String id = SessionIds.generate();
            assertThat(id).hasSize(40).matches("[a-z2-7]+");
            id.chars().forEach(c -> seen.merge((char) c, 1, Integer::sum));
        }
        // 80,000 characters over 32 symbols: 2,500 expected each; a broken encoder skews far beyond this.
        assertThat(seen).hasSize(32);
        assertThat(seen.values()).allSatisfy(count -> assertThat(count).isBetween(2_000, 3_000));
    }
}
