package io.github.luciajooq.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.internal.Randomness;
import io.github.luciajooq.memory.InMemoryAdapter;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens, handles, how tokens are stored, and Lucia's ids. */
class TokensTest {

    /** RFC 4648's test vectors, in lowercase and without padding, as Lucia's encodeBase32LowerCaseNoPadding. */
    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {"'',''", "f,my", "fo,mzxq", "foo,mzxw6", "foob,mzxw6yq", "fooba,mzxw6ytb",
        "foobar,mzxw6ytboi"})
    void base32MatchesRfc4648LowercaseWithoutPadding(String input, String expected) {
        assertThat(Ids.base32LowerCase(input.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @Test
    void generatedTokensHaveLuciasShapeAndUseEveryCharacter() {
        Map<Character, Integer> seen = new HashMap<>();
        for (int index = 0; index < 2_000; index++) {
            String token = SessionToken.generate().value();
            assertThat(token).hasSize(40).matches("[a-z2-7]+");
            token.chars().forEach(c -> seen.merge((char) c, 1, Integer::sum));
        }
        // 80,000 characters over 32 symbols: 2,500 expected each; a broken encoder skews far beyond this.
        assertThat(seen).hasSize(32);
        assertThat(seen.values()).allSatisfy(count -> assertThat(count).isBetween(2_000, 3_000));
    }

    @Test
    void generateIdUsesLuciasAlphabetEvenly() {
        Map<Character, Integer> seen = new HashMap<>();
        for (int index = 0; index < 2_000; index++) {
            String id = Ids.generateId(36);
            assertThat(id).hasSize(36).matches("[a-z0-9]+");
            id.chars().forEach(c -> seen.merge((char) c, 1, Integer::sum));
        }
        // 72,000 characters over 36 symbols: 2,000 expected each.
        assertThat(seen).hasSize(36);
        assertThat(seen.values()).allSatisfy(count -> assertThat(count).isBetween(1_600, 2_400));
        assertThat(Ids.generateIdFromEntropySize(25)).matches("[a-z2-7]{40}");
        assertThatThrownBy(() -> Ids.generateId(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> Ids.generateIdFromEntropySize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes");
    }

    @Test
    void theSharedGeneratorIsADrbgAt256Bits() {
        assertThat(Randomness.parameters()).isInstanceOfSatisfying(DrbgParameters.Instantiation.class,
                drbg -> assertThat(drbg.getStrength()).isEqualTo(256));
        Ids.reseed();
        assertThat(SessionToken.generate()).isNotEqualTo(SessionToken.generate());
    }

    @Test
    void theSessionManagerDrawsTokensFromTheApplicationsGenerator() {
        SecureRandom zeros = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 0);
            }
        };
        InMemoryAdapter<String, Object, Object> adapter = InMemoryAdapter.create();
        adapter.putUser("user-1", "ann");
        Lucia<String, Object, Object> lucia = Lucia.builder(adapter).secureRandom(zeros).build();

        assertThat(lucia.createSession("user-1", "none").token().value()).isEqualTo("a".repeat(40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "abcdefghijklmnopqrstuvwxyz234567abcdefgh", "A-Z.a_z~0+9/", "abc=", "abc==", "x"})
    void wellFormedTokensParse(String text) {
        assertThat(SessionToken.parse(text)).map(SessionToken::value).contains(text);
        assertThat(SessionToken.of(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "=", "==", "=abc", "a=b", "a b", "a;b", "a\"b", "a'b", "a\\b", "a%b", "\u00fc",
        "a\u0000", "\uD800", "a\tb"})
    void anythingElseIsNoToken(String text) {
        assertThat(SessionToken.parse(text)).isEmpty();
        assertThatThrownBy(() -> SessionToken.of(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("token must be").hasMessageNotContaining("\"" + text + "\"");
    }

    @Test
    void tokensAreAtMostTwoHundredFiftyFiveCharacters() {
        assertThat(SessionToken.parse("a".repeat(255))).isPresent();
        assertThat(SessionToken.parse("a".repeat(256))).isEmpty();
        assertThat(SessionToken.parse(null)).isEmpty();
        assertThatThrownBy(() -> SessionToken.of(null)).isInstanceOf(NullPointerException.class).hasMessage("token");
    }

    @Test
    void aTokenPrintsNoValueAndComparesByValue() {
        SessionToken token = SessionToken.of("s3cr3t-token");

        assertThat(token.toString()).doesNotContain("s3cr3t");
        assertThat(token).isEqualTo(SessionToken.of("s3cr3t-token")).isNotEqualTo(SessionToken.of("s3cr3t-tokeN"))
                .hasSameHashCodeAs(SessionToken.of("s3cr3t-token"));
        assertThat(Optional.of(token)).isNotEqualTo(Optional.of(SessionToken.of("other")));
    }

    @Test
    void hashedStorageKeepsTheLowercaseHexSha256OfTheTokensUtf8Bytes() {
        // FIPS 180-2's test vector for "abc".
        assertThat(TokenStorage.HASHED.storageKey(SessionToken.of("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenStorage.PLAIN.storageKey(SessionToken.of("abc"))).isEqualTo("abc");
    }

    @Test
    void aSessionsHandleIsTheTokensSha256WhicheverTheStorage() {
        SessionToken token = SessionToken.of("abc");
        SessionHandle handle = SessionHandle.of(token);

        assertThat(handle.value()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenStorage.HASHED.handle(TokenStorage.HASHED.storageKey(token))).isEqualTo(handle);
        assertThat(TokenStorage.PLAIN.handle(TokenStorage.PLAIN.storageKey(token))).isEqualTo(handle);
        assertThat(TokenStorage.HASHED.handle("abc")).as("a row not yet hashed").isEqualTo(handle);
    }

    @Test
    void handlesParseFromTextOnlyAsLowercaseHexSha256() {
        String hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

        assertThat(SessionHandle.parse(hex)).contains(SessionHandle.of(hex));
        assertThat(SessionHandle.parse(hex.toUpperCase())).isEmpty();
        assertThat(SessionHandle.parse(hex.substring(1))).isEmpty();
        assertThat(SessionHandle.parse("z" + hex.substring(1))).isEmpty();
        assertThat(SessionHandle.parse(null)).isEmpty();
        assertThatThrownBy(() -> SessionHandle.of("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handle");
        assertThat(SessionHandle.of(hex).toString()).contains(hex);
    }
}
