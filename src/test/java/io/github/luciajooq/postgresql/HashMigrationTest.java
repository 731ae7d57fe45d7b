package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.Session;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.testing.AppFixture;
import io.github.luciajooq.testing.Migrations;
import io.github.luciajooq.testing.PostgresDatabaseExtension;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.token.SessionHandle;
import io.github.luciajooq.token.SessionToken;
import io.github.luciajooq.token.TokenStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An application moves from Lucia v3's plain tokens to hashed ones with the changeset lucia-jooq ships
 * ({@code db/lucia-jooq/hash-session-ids.xml}): every session made in plain storage validates after the switch, keeps
 * its handle, and no token is left in the table.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class HashMigrationTest {

    private final TestClock clock = TestClock.standard();

    @Test
    void sessionsMadeInPlainStorageValidateAfterTheChangesetAndNoTokenIsLeft(TestDatabase database) {
        database.execute("INSERT INTO auth_user (id) VALUES ('user-1'), ('user-2')");
        Adapter<String, Map<String, Object>, Map<String, Object>> adapter = PostgresAdapter.create(database.dsl());
        Lucia<String, Map<String, Object>, Map<String, Object>> plain =
                Lucia.builder(adapter).clock(clock).tokenStorage(TokenStorage.PLAIN).build();
        List<SessionToken> tokens = new ArrayList<>();
        for (String user : List.of("user-1", "user-1", "user-2")) {
            tokens.add(plain.createSession(user, Map.of()).token());
        }
        Set<SessionHandle> handlesBefore = handles(plain, "user-1");

        Migrations.apply(database.dataSource(), "db/lucia-jooq/hash-session-ids.xml");

        Lucia<String, Map<String, Object>, Map<String, Object>> hashed = Lucia.builder(adapter).clock(clock).build();
        assertThat(tokens).allSatisfy(token -> assertThat(hashed.validateSession(token)).isPresent());
        assertThat(tokens).allSatisfy(token -> assertThat(plain.validateSession(token)).isEmpty());
        assertThat(handles(hashed, "user-1")).isEqualTo(handlesBefore);
        assertThat(database.dsl().fetchValue("SELECT count(*) FROM user_session WHERE id !~ '^[0-9a-f]{64}$'"))
                .isEqualTo(0L);
        assertThat(database.dsl().fetch("SELECT id FROM user_session").getValues(0, String.class))
                .containsExactlyInAnyOrderElementsOf(tokens.stream().map(TokenStorage.HASHED::storageKey).toList());
    }

    @Test
    void anApplicationsOwnTableAndColumnAreNamedByProperties(TestDatabase database) {
        AppFixture fixture = new AppFixture(database.dsl());
        fixture.insertUser("user-1", "ann");
        UUID user = fixture.userId("user-1");
        var adapter = PostgresAdapter.create(database.dsl(), AppFixture.TABLES);
        var plain = Lucia.builder(adapter).clock(clock).tokenStorage(TokenStorage.PLAIN).build();
        NewSession<UUID, ?> created = plain.createSession(user, fixture.attributes("phone", true));
        clock.advance(Duration.ofDays(1));

        Migrations.apply(database.dataSource(), "db/hash-renamed-session-ids.xml");

        var hashed = Lucia.builder(adapter).clock(clock).build();
        assertThat(hashed.validateSession(created.token())).hasValueSatisfying(valid -> {
            assertThat(valid.user().id()).isEqualTo(user);
            assertThat(valid.session().attributes().getLabel()).isEqualTo("phone");
        });
        assertThat(database.dsl().fetchValue("SELECT token FROM app_session"))
                .isEqualTo(TokenStorage.HASHED.storageKey(created.token()));
    }

    private static Set<SessionHandle> handles(Lucia<String, Map<String, Object>, Map<String, Object>> lucia,
            String user) {
        return lucia.getUserSessions(user).stream().map(Session::handle).collect(Collectors.toSet());
    }
}
