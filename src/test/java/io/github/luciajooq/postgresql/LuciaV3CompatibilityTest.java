package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.http.Origins;
import io.github.luciajooq.password.LegacyScrypt;
import io.github.luciajooq.password.Scrypt;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.token.Ids;
import io.github.luciajooq.token.SessionToken;
import io.github.luciajooq.token.TokenStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lucia v3 itself ({@code lucia} 3.2.2 with {@code @lucia-auth/adapter-postgresql} 3.1.2 on Node.js) and
 * lucia-jooq, in Lucia v3's plain token storage, share tables: each validates the other's sessions, and both write
 * the same cookies. They also answer alike for {@code verifyRequestOrigin} (Java never more permissive), and each
 * verifies the other's password hashes.
 * <p>
 * Needs Node.js and {@code npm ci} in {@code src/test/node} (which {@code .ci/run} does). Without them the test
 * is skipped, except under CI ({@code CI=true}), where it fails.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class LuciaV3CompatibilityTest {

    private static final Path PEER = Path.of("src/test/node");

    private TestDatabase database;
    private Lucia<String, Map<String, Object>, Map<String, Object>> lucia;

    @BeforeEach
    void setUp(TestDatabase database) {
        boolean installed = Files.isDirectory(PEER.resolve("node_modules/lucia"));
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(installed, "Lucia v3 is not installed: run npm ci in src/test/node");
        }
        assertThat(installed).as("npm ci in src/test/node installs Lucia v3").isTrue();
        this.database = database;
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        lucia = Lucia.builder(PostgresAdapter.create(database.dsl())).tokenStorage(TokenStorage.PLAIN).build();
    }

    @Test
    void aSessionLuciaV3CreatedValidatesHere() throws Exception {
        String created = node("create", "user-1");
        String sessionId = field(created, "id");

        SessionAndUser<String, Map<String, Object>, Map<String, Object>> valid =
                lucia.validateSession(SessionToken.of(sessionId)).orElseThrow();

        assertThat(sessionId).matches("[a-z2-7]{40}");
        assertThat(valid.user().id()).isEqualTo("user-1");
        assertThat(valid.session().fresh()).isFalse();
        assertThat(valid.session().expiresAt()).isEqualTo(Instant.ofEpochMilli(Long.parseLong(field(created, "expiresAt"))));
    }

    @Test
    void aSessionCreatedHereValidatesInLuciaV3() throws Exception {
        var created = lucia.createSession("user-1", Map.of());

        String validated = node("validate", created.token().value());

        assertThat(field(validated, "valid")).isEqualTo("true");
        assertThat(field(validated, "userId")).isEqualTo("user-1");
        assertThat(field(validated, "fresh")).isEqualTo("false");
        assertThat(Long.parseLong(field(validated, "expiresAt"))).isEqualTo(created.session().expiresAt().toEpochMilli());
    }

    @Test
    void aSessionExpiredHereIsExpiredInLuciaV3() throws Exception {
        SessionToken token = lucia.createSession("user-1", Map.of()).token();
        Adapter<String, Map<String, Object>, Map<String, Object>> store = PostgresAdapter.create(database.dsl());
        store.updateSessionExpiration(token.value(), Instant.now().minusSeconds(1));

        assertThat(field(node("validate", token.value()), "valid")).isEqualTo("false");
        assertThat(lucia.validateSession(token)).isEmpty();
    }

    @Test
    void bothWriteTheSameCookies() throws Exception {
        String cookies = node("cookies", "abcdefghijklmnopqrstuvwxyz234567abcdefgh");

        assertThat(lucia.createSessionCookie(SessionToken.of("abcdefghijklmnopqrstuvwxyz234567abcdefgh")).serialize())
                .isEqualTo(field(cookies, "session"));
        assertThat(lucia.createBlankSessionCookie().serialize()).isEqualTo(field(cookies, "blank"));
    }

    /**
     * An origin, the allowed domains, and whether Java is knowingly stricter there: Lucia says {@code true} on an
     * input Java does not parse the WHATWG way (the README lists these).
     */
    private record OriginCase(String origin, List<String> domains, boolean javaStricter) {}

    private static OriginCase same(String origin, String... domains) {
        return new OriginCase(origin, List.of(domains), false);
    }

    private static OriginCase stricter(String origin, String... domains) {
        return new OriginCase(origin, List.of(domains), true);
    }

    static List<OriginCase> originCases() {
        return List.of(
                same("https://example.com", "example.com"),
                same("https://example.com", "https://example.com"),
                same("http://example.com", "example.com"),
                same("https://example.com", "http://example.com"),
                same("https://example.com/", "example.com"),
                same("https://example.com/path?query#fragment", "example.com"),
                same("https://EXAMPLE.com", "example.com"),
                same("HTTPS://example.COM", "Example.com"),
                same("https://example.com", "example.com/"),
                same("https://example.com", "example.com/anything"),
                same("https://example.com", "other.com", "example.com"),
                same("https://sub.example.com", "example.com"),
                same("https://example.com", "sub.example.com"),
                same("https://example.com.evil.com", "example.com"),
                same("https://evil-example.com", "example.com"),
                same("https://example.com:443", "example.com"),
                same("https://example.com:0443", "example.com"),
                same("http://example.com:80", "example.com"),
                same("http://example.com:443", "example.com"),
                same("https://example.com:8443", "example.com"),
                same("https://example.com:8443", "example.com:8443"),
                same("https://example.com:8443", "https://example.com:8443"),
                same("http://localhost:3000", "localhost:3000"),
                same("http://localhost:3000", "localhost"),
                same("http://localhost:3000", "http://localhost:3000"),
                same("https://example.com:", "example.com"),
                same("https://example.com:65536", "example.com"),
                same("https://example.com:99999999999", "example.com"),
                same("https://example.com:abc", "example.com"),
                same("https://example.com.", "example.com"),
                same("https://example.com.", "example.com."),
                same("https://127.0.0.1", "127.0.0.1"),
                same("https://127.0.0.1:8080", "127.0.0.1:8080"),
                same("https://127.0.0.2", "127.0.0.1"),
                same("https://256.0.0.1", "256.0.0.1"),
                same("https://[::1]", "[::1]"),
                same("https://[::1]:8443", "[::1]:8443"),
                same("https://[0:0:0:0:0:0:0:1]", "[::1]"),
                same("https://[2001:DB8::1]", "[2001:db8::1]"),
                same("https://[2001:db8:0:0:1:0:0:1]", "[2001:db8::1:0:0:1]"),
                same("https://[::ffff:1.2.3.4]", "[::ffff:102:304]"),
                same("https://[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7:8:9]"),
                same("https://[::1", "[::1"),
                same("https://[fe80::1%25eth0]", "[fe80::1%25eth0]"),
                same("https://xn--bcher-kva.de", "b\u00fccher.de"),
                same("https://b\u00fccher.de", "xn--bcher-kva.de"),
                same("https://B\u00dcCHER.de", "b\u00fccher.de"),
                same("https://xn--a.com", "xn--a.com"),
                same("https://\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com", "example.com"),
                same("https://example\u3002com", "example.com"),
                same("", "example.com"),
                same("null", "example.com"),
                same("example.com", "example.com"),
                same("//example.com", "example.com"),
                same("https://", "example.com"),
                same("https://example.com", ""),
                same("https://example.com"),
                same("file:///etc/passwd", "example.com"),
                same("javascript:alert(1)", "example.com"),
                same("https://exa mple.com", "example.com"),
                same("https://exa\u0000mple.com", "example.com"),
                same("https://ex%00ample.com", "example.com"),
                same("https://example.com@evil.com", "example.com"),
                same("https://evil.com#@example.com", "example.com"),
                same("https://evil.com\\@example.com", "example.com"),
                same("https://a_b.example.com", "a_b.example.com"),
                same("https://fa\u00df.de", "fass.de"),
                same("https://fass.de", "fa\u00df.de"),
                stricter("https://user:pass@example.com", "example.com"),
                stricter(" https://example.com", "example.com"),
                stricter("https://example.com ", "example.com"),
                stricter("https://exa\tmple.com", "example.com"),
                stricter("https:example.com", "example.com"),
                stricter("https:///example.com", "example.com"),
                stricter("https://a..com", "a..com"),
                stricter("https:\\\\example.com", "example.com"),
                stricter("https://127.1", "127.0.0.1"),
                stricter("https://0x7f.0.0.1", "127.0.0.1"),
                stricter("https://2130706433", "127.0.0.1"),
                same("wss://example.com", "example.com"),
                same("ws://example.com:80", "example.com"),
                same("ftp://example.com", "example.com"),
                stricter("https://example.com\u0000", "example.com"),
                stricter("https://ex%61mple.com", "example.com"),
                stricter("https://fa\u00df.de", "fa\u00df.de"),
                stricter("https://a*b.example.com", "a*b.example.com"),
                stricter("foo://example.com", "example.com"));
    }

    @Test
    void verifyRequestOriginAnswersAsLuciaV3OrMoreStrictlyWhereDocumented() throws Exception {
        List<OriginCase> cases = originCases();
        StringBuilder json = new StringBuilder("[");
        for (OriginCase origin : cases) {
            json.append(json.length() > 1 ? "," : "").append("[").append(quoted(origin.origin())).append(",[");
            for (int index = 0; index < origin.domains().size(); index++) {
                json.append(index > 0 ? "," : "").append(quoted(origin.domains().get(index)));
            }
            json.append("]]");
        }
        String answers = node("origins", json.append("]").toString());
        List<Boolean> lucias = new ArrayList<>();
        for (String answer : answers.replaceAll("[\\[\\]\\s]", "").split(",")) {
            lucias.add(Boolean.parseBoolean(answer));
        }

        assertThat(lucias).hasSameSizeAs(cases);
        SoftAssertions.assertSoftly(softly -> {
            for (int index = 0; index < cases.size(); index++) {
                OriginCase origin = cases.get(index);
                boolean java = Origins.verifyRequestOrigin(origin.origin(), origin.domains());
                if (origin.javaStricter()) {
                    softly.assertThat(lucias.get(index)).as("Lucia on %s", origin).isTrue();
                    softly.assertThat(java).as("Java on %s", origin).isFalse();
                } else {
                    softly.assertThat(java).as("Java on %s, where Lucia says %s", origin, lucias.get(index))
                            .isEqualTo(lucias.get(index));
                }
            }
        });
    }

    @Test
    void passwordHashesLuciaV3MadeVerifyHereAndTheReverse() throws Exception {
        for (String password : List.of("correct horse battery staple", "p\u00e4ssw\u00f6rd", "\ufb01le", "")) {
            String made = node("scrypt-hash", password);

            assertThat(Scrypt.create().verify(field(made, "scrypt"), password)).as("Scrypt, %s", password).isTrue();
            assertThat(LegacyScrypt.create().verify(field(made, "legacy"), password)).as("s2, %s", password).isTrue();
            assertThat(LegacyScrypt.create().verify(field(made, "v2"), password)).as("v2, %s", password).isTrue();
            assertThat(Scrypt.create().verify(field(made, "scrypt"), password + "x")).isFalse();
            assertThat(LegacyScrypt.create().verify(field(made, "v2"), password + "x")).isFalse();

            String javaHash = Scrypt.create().hash(password);
            String javaLegacy = LegacyScrypt.create().hash(password);
            assertThat(field(node("scrypt-verify", javaHash, password), "scrypt")).isEqualTo("true");
            assertThat(field(node("scrypt-verify", javaLegacy, password), "legacy")).isEqualTo("true");
            assertThat(field(node("scrypt-verify", javaHash, password + "x"), "scrypt")).isEqualTo("false");
        }
        // NFKC: the ligature and its letters are one password to both.
        assertThat(Scrypt.create().verify(field(node("scrypt-hash", "\ufb01le"), "scrypt"), "file")).isTrue();
    }

    @Test
    void malformedHashesAreFalseHereWhereLuciaV3IsFalseOrThrows() throws Exception {
        for (String hash : List.of("", ":", "abc", "a:b:c:d", "00:zz", "00:0", "s3:00:00", "s2:00", "00:" + "ab".repeat(64),
                "0011:\u00e9\u00e9")) {
            String lucias = node("scrypt-verify", hash, "password");

            assertThat(field(lucias, "scrypt")).as("Lucia's Scrypt on %s", hash).isIn("false", "error");
            assertThat(field(lucias, "legacy")).as("Lucia's LegacyScrypt on %s", hash).isIn("false", "error");
            assertThat(Scrypt.create().verify(hash, "password")).as("Scrypt on %s", hash).isFalse();
            assertThat(LegacyScrypt.create().verify(hash, "password")).as("LegacyScrypt on %s", hash).isFalse();
        }
    }

    @Test
    void idsHaveLuciaV3sAlphabetsAndLengths() throws Exception {
        String lucias = node("ids", "17");

        assertThat(field(lucias, "id")).matches("[a-z0-9]{17}");
        assertThat(Ids.generateId(17)).matches("[a-z0-9]{17}");
        assertThat(field(lucias, "entropy")).matches("[a-z2-7]{28}");
        assertThat(Ids.generateIdFromEntropySize(17)).matches("[a-z2-7]{28}");
    }

    private String node(String command, String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("node", "lucia-v3.mjs", command));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).directory(PEER.toFile()).redirectErrorStream(true);
        String user = database.server().user();
        String password = database.server().password();
        builder.environment().put("DATABASE_URL", "postgresql://" + user + (password == null ? "" : ":" + password)
                + "@" + database.server().host() + ":" + database.server().port() + "/" + database.name());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(process.exitValue()).as("node %s %s: %s", command, arguments, output).isZero();
        return output;
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** One field of the peer's one-line JSON: a string's contents, or a number or boolean as written. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }
}
