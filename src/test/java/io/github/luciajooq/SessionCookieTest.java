package io.github.luciajooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.http.SameSite;
import io.github.luciajooq.memory.InMemoryAdapter;
import io.github.luciajooq.token.SessionToken;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The session cookie Lucia writes, and the settings it refuses. */
class SessionCookieTest {

    private final InMemoryAdapter<String, Object, Object> adapter = InMemoryAdapter.create();

    @Test
    void createSessionCookieHasLuciasDefaults() {
        Lucia<String, Object, Object> lucia = Lucia.builder(adapter).build();

        Cookie cookie = lucia.createSessionCookie(SessionToken.of("abcdefghijklmnopqrstuvwxyz234567abcdefgh"));

        assertThat(cookie.serialize()).isEqualTo("auth_session=abcdefghijklmnopqrstuvwxyz234567abcdefgh;"
                + " HttpOnly; Max-Age=2592000; Path=/; SameSite=Lax; Secure");
        assertThat(cookie.name()).isEqualTo("auth_session").isEqualTo(lucia.sessionCookieName());
        assertThat(cookie.attributes().maxAge()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void createSessionCookieFollowsTheConfiguredAttributes() {
        Lucia<String, Object, Object> lucia = Lucia.builder(adapter)
                .sessionCookieName("sid")
                .sessionLifetime(Duration.ofHours(2))
                .secure(false)
                .sameSite(SameSite.STRICT)
                .path("/app")
                .domain("example.com")
                .build();

        assertThat(lucia.createSessionCookie(SessionToken.of("abc")).serialize())
                .isEqualTo("sid=abc; Domain=example.com; HttpOnly; Max-Age=7200; Path=/app; SameSite=Strict");
    }

    @Test
    void aSessionCookieThatDoesNotExpireLastsFourHundredDays() {
        Lucia<String, Object, Object> lucia = Lucia.builder(adapter).sessionCookieExpires(false).build();

        assertThat(lucia.createSessionCookie(SessionToken.of("abc")).serialize()).contains("; Max-Age=34560000;");
    }

    @Test
    void createBlankSessionCookieClearsTheCookie() {
        Lucia<String, Object, Object> lucia = Lucia.builder(adapter).build();

        assertThat(lucia.createBlankSessionCookie().serialize())
                .isEqualTo("auth_session=; HttpOnly; Max-Age=0; Path=/; SameSite=Lax; Secure");
    }

    @Test
    void aCookieValueIsPercentEncodedAndReadsBackAsItWas() {
        Lucia<String, Object, Object> lucia = Lucia.builder(adapter).build();
        String sessionId = "Id-with.every_~+/char==";

        String header = lucia.createSessionCookie(SessionToken.of(sessionId)).serialize();

        assertThat(header).startsWith("auth_session=Id-with.every_~%2B%2Fchar%3D%3D;");
        String cookiePair = header.substring(0, header.indexOf(';'));
        assertThat(lucia.readSessionCookie(cookiePair)).contains(SessionToken.of(sessionId));
    }

    @Test
    void aCookiesToStringLeavesOutTheSessionId() {
        Cookie cookie = Lucia.builder(adapter).build().createSessionCookie(SessionToken.of("secret-session-id"));

        assertThat(cookie.toString()).doesNotContain("secret-session-id").contains("auth_session");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("an empty cookie name", builder -> builder.sessionCookieName(""), "sessionCookieName"),
                invalid("a cookie name with ;", builder -> builder.sessionCookieName("a;b"), "sessionCookieName"),
                invalid("a cookie name with a space", builder -> builder.sessionCookieName("a b"), "sessionCookieName"),
                invalid("a cookie name with =", builder -> builder.sessionCookieName("a=b"), "sessionCookieName"),
                invalid("a non-ASCII cookie name", builder -> builder.sessionCookieName("sitzung\u00fc"), "sessionCookieName"),
                invalid("a path without a leading /", builder -> builder.path("app"), "path"),
                invalid("a path with ;", builder -> builder.path("/a;Domain=evil.example"), "path"),
                invalid("a domain with ;", builder -> builder.domain("example.com; Secure"), "domain"),
                invalid("a blank domain", builder -> builder.domain(" "), "domain"),
                invalid("SameSite=None without Secure", builder -> builder.sameSite(SameSite.NONE).secure(false), "sameSite"),
                invalid("__Secure- without Secure", builder -> builder.sessionCookieName("__Secure-sid").secure(false), "__Secure-"),
                invalid("__Host- with a domain", builder -> builder.sessionCookieName("__Host-sid").domain("example.com"), "__Host-"),
                invalid("__Host- with a path", builder -> builder.sessionCookieName("__Host-sid").path("/app"), "__Host-"),
                invalid("a lifetime under a second", builder -> builder.sessionLifetime(Duration.ofMillis(999)), "sessionLifetime"),
                invalid("a negative lifetime", builder -> builder.sessionLifetime(Duration.ofDays(-1)), "sessionLifetime"),
                invalid("a negative renewal threshold", builder -> builder.renewalThreshold(Duration.ofSeconds(-1)), "renewalThreshold"),
                invalid("a renewal threshold over the lifetime", builder -> builder.renewalThreshold(Duration.ofDays(31)), "renewalThreshold"));
    }

    private static Arguments invalid(String what, UnaryOperator<Lucia.Builder<String, Object, Object>> setting, String named) {
        return Arguments.of(what, setting, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void buildRefusesInvalidSettingsNamingThem(String what, UnaryOperator<Lucia.Builder<String, Object, Object>> setting, String named) {
        Lucia.Builder<String, Object, Object> builder = setting.apply(Lucia.builder(adapter));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }

    @Test
    void buildAcceptsSecurePrefixedCookiesThatFollowTheirRules() {
        assertThat(Lucia.builder(adapter).sessionCookieName("__Host-sid").build().createSessionCookie(SessionToken.of("a")).serialize())
                .startsWith("__Host-sid=a;").contains("; Path=/;").endsWith("; Secure").doesNotContain("Domain");
        assertThat(Lucia.builder(adapter).sameSite(SameSite.NONE).build().createSessionCookie(SessionToken.of("a")).serialize())
                .endsWith("; SameSite=None; Secure");
    }

    @Test
    void builderRefusesNullSettingsNamingThem() {
        assertThatThrownBy(() -> Lucia.builder(adapter).tokenStorage(null)).isInstanceOf(NullPointerException.class).hasMessage("tokenStorage");
        assertThatThrownBy(() -> Lucia.builder(adapter).secureRandom(null)).isInstanceOf(NullPointerException.class).hasMessage("secureRandom");
        Lucia.Builder<String, Object, Object> builder = Lucia.builder(adapter);
        assertThatThrownBy(() -> Lucia.builder(null)).isInstanceOf(NullPointerException.class).hasMessage("adapter");
        assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> builder.sessionLifetime(null)).isInstanceOf(NullPointerException.class).hasMessage("sessionLifetime");
        assertThatThrownBy(() -> builder.sameSite(null)).isInstanceOf(NullPointerException.class).hasMessage("sameSite");
    }
}
