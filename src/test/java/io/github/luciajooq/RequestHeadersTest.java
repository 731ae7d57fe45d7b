package io.github.luciajooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.token.SessionToken;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the session id out of {@code Cookie} and {@code Authorization} headers as real clients send them. */
class RequestHeadersTest {

    private final Lucia<String, Object, Object> lucia = Lucia.builder(InMemoryAdapter.<String, Object, Object>create()).build();

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "auth_session=abc                                    | abc",
        "theme=dark; auth_session=abc; lang=en               | abc",
        "theme=dark;auth_session=abc;lang=en                 | abc",
        "'   auth_session =  abc  ; x=1'                     | abc",
        "'theme=dark;\tauth_session=abc'                     | abc",
        "auth_session=\"abc\"                                | abc",
        "auth_session=a%2Fb%2Bc%3D                           | a/b+c=",
        "auth_session=a%20b%3Bc                              | NONE",
        "auth_session=%C3%BC                                 | NONE",
        "auth_session=%00                                    | NONE",
        "auth_session=abc%00                                 | NONE",
        "auth_session=%00abc; auth_session=abc               | abc",
        "auth_session=%27%3B%20delete%20from%20user_session  | NONE",
        "auth_session=a%20b; auth_session=second             | second",
        "auth_session=a=b                                    | NONE",
        "auth_session=a+b                                    | a+b",
        "auth_session=abc==                                  | abc==",
        "flag; auth_session=abc                              | abc",
        "auth_session; auth_session=abc                      | abc",
        "auth_session=first; auth_session=second             | first",
        "auth_session=; auth_session=second                  | second",
        "auth_session=%ZZ; auth_session=second               | second",
        "x_auth_session=abc                                  | NONE",
        "auth_sessions=abc                                   | NONE",
        "Auth_Session=abc                                    | NONE",
        "auth_session=                                       | NONE",
        "auth_session=\"\"                                   | NONE",
        "auth_session                                        | NONE",
        "auth_session=%                                      | NONE",
        "auth_session=%4                                     | NONE",
        "auth_session=%C3                                    | NONE",
        "auth_session=%FF%FE                                 | NONE",
        "'  '                                                | NONE",
        ";;;==;=                                             | NONE",
    })
    void readSessionCookieFindsTheFirstUsableValue(String header, String expected) {
        assertThat(lucia.readSessionCookie(header).map(SessionToken::value)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth_session=a\u0000b", "auth_session=\u0000", "auth_session=abc\u0000",
        "auth_session=\uD800abc", "auth_session=ab\u00e7", "auth_session=a\u0001b", "auth_session=a\u007fb"})
    void readSessionCookieFindsNoIdInAValueWithCharactersNoIdHas(String header) {
        assertThat(lucia.readSessionCookie(header)).isEmpty();
        assertThat(lucia.readBearerToken("Bearer " + header.substring("auth_session=".length()))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void idsLongerThanTwoHundredFiftyFiveCharactersAreNoSessionsIds() {
        String longest = "a".repeat(255);
        String tooLong = "a".repeat(256);

        assertThat(lucia.readSessionCookie("auth_session=" + longest).map(SessionToken::value)).contains(longest);
        assertThat(lucia.readSessionCookie("auth_session=" + tooLong)).isEmpty();
        assertThat(lucia.readBearerToken("Bearer " + longest).map(SessionToken::value)).contains(longest);
        assertThat(lucia.readBearerToken("Bearer " + tooLong)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    void readSessionCookieWithoutAHeaderIsEmpty(String header) {
        assertThat(lucia.readSessionCookie(header)).isEmpty();
        assertThat(lucia.readBearerToken(header)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "Bearer abc                      | abc",
        "bearer abc                      | abc",
        "BEARER abc                      | abc",
        "Bearer   abc                    | abc",
        "'Bearer abc '                   | abc",
        "Bearer a-b.c_d~e+f/g==          | a-b.c_d~e+f/g==",
        "Bearer                          | NONE",
        "'Bearer '                       | NONE",
        "Bearerabc                       | NONE",
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l  | NONE",
        "Bearer abc def                  | NONE",
        "Bearer a=b                      | NONE",
        "Bearer =abc                     | NONE",
        "Bearer ab\u00fc                 | NONE",
        "'Bearer\tabc'                   | NONE",
        "abc                             | NONE",
    })
    void readBearerTokenAcceptsOnlyABearerSchemeWithAB64Token(String header, String expected) {
        assertThat(lucia.readBearerToken(header).map(SessionToken::value)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 42, 20261126})
    void readingRandomHeadersNeverThrows(long seed) {
        Random random = new Random(seed);
        String alphabet = "auth_session=;\" %\t,Bearer abc\u00fc\u0000\uD83D\uDE00\uD800xyzAF0123456789";
        for (int header = 0; header < 5_000; header++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int index = 0; index < length; index++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            assertThatCode(() -> {
                lucia.readSessionCookie(value).ifPresent(token -> assertThat(token.value()).matches("[A-Za-z0-9._~+/-]+=*"));
                lucia.readBearerToken(value).ifPresent(token -> assertThat(token.value()).matches("[A-Za-z0-9._~+/-]+=*"));
            }).as("header %s", value).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0} Sec-Fetch-Mode={1} Accept={2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "GET  | navigate | NONE                          | true",
        "GET  | navigate | image/avif                    | true",
        "GET  | no-cors  | text/html                     | false",
        "GET  | cors     | NONE                          | false",
        "GET  | NONE     | text/html,application/xhtml+xml | true",
        "GET  | ''       | text/html                     | true",
        "GET  | NONE     | */*                           | false",
        "GET  | NONE     | NONE                          | false",
        "POST | navigate | text/html                     | false",
        "HEAD | navigate | text/html                     | false",
    })
    void aNavigationIsAGetThatLoadsAPage(String method, String secFetchMode, String accept, boolean navigation) {
        assertThat(io.github.luciajooq.http.RequestHeaders.isNavigation(method, secFetchMode, accept))
                .isEqualTo(navigation);
    }
}
