package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.Session;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lucia v3 itself ({@code lucia} 3.2.2 with {@code @lucia-auth/adapter-postgresql} 3.1.2 on Node.js) and
 * lucia-jooq share tables: each validates the other's sessions, and both write the same cookies.
 * <p>
 * Needs Node.js and {@code npm ci} in {@code src/test/node} (which {@code .ci/run} does). Without them the test
 * is skipped, except under CI ({@code CI=true}), where it fails.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class LuciaV3CompatibilityTest {

    private static final Path PEER = Path.of("src/test/node");

    private TestDatabase database;
    private Lucia lucia;

    @BeforeEach
    void setUp(TestDatabase database) {
        boolean installed = Files.isDirectory(PEER.resolve("node_modules/lucia"));
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(installed, "Lucia v3 is not installed: run npm ci in src/test/node");
        }
        assertThat(installed).as("npm ci in src/test/node installs Lucia v3").isTrue();
        this.database = database;
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        lucia = Lucia.builder(PostgresAdapter.create(database.dsl())).build();
    }

    @Test
    void aSessionLuciaV3CreatedValidatesHere() throws Exception {
        String created = node("create", "user-1");
        String sessionId = field(created, "id");

        SessionAndUser valid = lucia.validateSession(sessionId).orElseThrow();

        assertThat(sessionId).matches("[a-z2-7]{40}");
        assertThat(valid.user().id()).isEqualTo("user-1");
        assertThat(valid.session().fresh()).isFalse();
        assertThat(valid.session().expiresAt()).isEqualTo(Instant.ofEpochMilli(Long.parseLong(field(created, "expiresAt"))));
    }

    @Test
    void aSessionCreatedHereValidatesInLuciaV3() throws Exception {
        Session session = lucia.createSession("user-1", Map.of());

        String validated = node("validate", session.id());

        assertThat(field(validated, "valid")).isEqualTo("true");
        assertThat(field(validated, "userId")).isEqualTo("user-1");
        assertThat(field(validated, "fresh")).isEqualTo("false");
        assertThat(Long.parseLong(field(validated, "expiresAt"))).isEqualTo(session.expiresAt().toEpochMilli());
    }

    @Test
    void aSessionExpiredHereIsExpiredInLuciaV3() throws Exception {
        Session session = lucia.createSession("user-1", Map.of());
        PostgresAdapter.create(database.dsl()).updateSessionExpiration(session.id(), Instant.now().minusSeconds(1));

        assertThat(field(node("validate", session.id()), "valid")).isEqualTo("false");
        assertThat(lucia.validateSession(session.id())).isEmpty();
    }

    @Test
    void bothWriteTheSameCookies() throws Exception {
        String cookies = node("cookies", "abcdefghijklmnopqrstuvwxyz234567abcdefgh");

        assertThat(lucia.createSessionCookie("abcdefghijklmnopqrstuvwxyz234567abcdefgh").serialize())
                .isEqualTo(field(cookies, "session"));
        assertThat(lucia.createBlankSessionCookie().serialize()).isEqualTo(field(cookies, "blank"));
    }

    private String node(String command, String argument) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "lucia-v3.mjs", command, argument)
                .directory(PEER.toFile())
                .redirectErrorStream(true);
        String user = database.server().user();
        String password = database.server().password();
        builder.environment().put("DATABASE_URL", "postgresql://" + user + (password == null ? "" : ":" + password)
                + "@" + database.server().host() + ":" + database.server().port() + "/" + database.name());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(process.exitValue()).as("node %s %s: %s", command, argument, output).isZero();
        return output;
    }

    /** One field of the peer's one-line JSON: a string's contents, or a number or boolean as written. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }
}
