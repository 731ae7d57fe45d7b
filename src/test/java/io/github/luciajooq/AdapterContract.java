package io.github.luciajooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link Adapter} shares: Lucia's own adapter test cases, attributes, time, and bad input.
 * <p>
 * A subclass gives the adapter under test on tables where the user table has the attribute column
 * {@code username TEXT} and the session table {@code ip TEXT} and {@code remembered BOOLEAN}, with its clock at
 * {@link #clock}, and a way to add users.
 */
public abstract class AdapterContract {

    protected final TestClock clock = TestClock.standard();

    /** The adapter under test, on the tables described above, taking "now" from {@link #clock}. */
    protected abstract Adapter adapter();

    /** Adds a user with this id and {@code username}. */
    protected abstract void insertUser(String id, String username);

    private Instant now() {
        return clock.instant();
    }

    private DatabaseSession session(String id, String userId, Instant expiresAt) {
        return new DatabaseSession(id, userId, expiresAt, Map.of());
    }

    private static Map<String, Object> sessionColumns(String ip, Boolean remembered) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("ip", ip);
        columns.put("remembered", remembered);
        return columns;
    }

    @Test
    void getSessionAndUserWhenNoSessionHasTheIdIsEmpty() {
        assertThat(adapter().getSessionAndUser("no-such-session")).isEmpty();
    }

    @Test
    void getUserSessionsWhenTheUserHasNoneIsEmpty() {
        insertUser("user-1", "ann");
        assertThat(adapter().getUserSessions("user-1")).isEmpty();
        assertThat(adapter().getUserSessions("no-such-user")).isEmpty();
    }

    @Test
    void setSessionThenGetSessionAndUserReadsBothBackWithAttributes() {
        insertUser("user-1", "ann");
        Instant expiresAt = now().plus(Duration.ofDays(30));
        adapter().setSession(new DatabaseSession("session-1", "user-1", expiresAt, sessionColumns("10.0.0.1", true)));

        DatabaseSessionAndUser found = adapter().getSessionAndUser("session-1").orElseThrow();

        assertThat(found.session()).isEqualTo(
                new DatabaseSession("session-1", "user-1", expiresAt, sessionColumns("10.0.0.1", true)));
        assertThat(found.user()).isEqualTo(new DatabaseUser("user-1", Map.of("username", "ann")));
    }

    @Test
    void setSessionWithoutAttributesReadsTheirColumnsBackAsNull() {
        insertUser("user-1", "ann");
        adapter().setSession(session("session-1", "user-1", now().plusSeconds(60)));

        DatabaseSession found = adapter().getSessionAndUser("session-1").orElseThrow().session();

        assertThat(found.attributes()).isEqualTo(sessionColumns(null, null));
    }

    @Test
    void getUserSessionsReturnsEveryStoredSessionOfTheUserOnly() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        Instant expired = now().minusSeconds(1);
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("b", "user-1", expired));
        adapter().setSession(session("c", "user-2", now().plusSeconds(60)));

        assertThat(adapter().getUserSessions("user-1"))
                .extracting(DatabaseSession::id)
                .containsExactlyInAnyOrder("a", "b");
        assertThat(adapter().getUserSessions("user-1"))
                .filteredOn(found -> found.id().equals("b"))
                .singleElement()
                .satisfies(found -> assertThat(found.expiresAt()).isEqualTo(expired))
                .satisfies(found -> assertThat(found.attributes()).isEqualTo(sessionColumns(null, null)));
    }

    @Test
    void updateSessionExpirationChangesOnlyThatSession() {
        insertUser("user-1", "ann");
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("b", "user-1", now().plusSeconds(60)));
        Instant later = now().plus(Duration.ofDays(400));

        assertThat(adapter().updateSessionExpiration("a", later)).isTrue();
        assertThat(adapter().updateSessionExpiration("no-such-session", later)).isFalse();

        assertThat(adapter().getSessionAndUser("a").orElseThrow().session().expiresAt()).isEqualTo(later);
        assertThat(adapter().getSessionAndUser("b").orElseThrow().session().expiresAt())
                .isEqualTo(now().plusSeconds(60));
    }

    @Test
    void deleteSessionDeletesOnlyThatSession() {
        insertUser("user-1", "ann");
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("b", "user-1", now().plusSeconds(60)));

        adapter().deleteSession("a");
        adapter().deleteSession("no-such-session");

        assertThat(adapter().getSessionAndUser("a")).isEmpty();
        assertThat(adapter().getSessionAndUser("b")).isPresent();
    }

    @Test
    void deleteUserSessionsDeletesAllOfThatUserAndNoOtherUsers() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("b", "user-1", now().minusSeconds(60)));
        adapter().setSession(session("c", "user-2", now().plusSeconds(60)));

        adapter().deleteUserSessions("user-1");

        assertThat(adapter().getUserSessions("user-1")).isEmpty();
        assertThat(adapter().getUserSessions("user-2")).extracting(DatabaseSession::id).containsExactly("c");
    }

    @Test
    void deleteExpiredSessionsDeletesExpiredOnesAndThoseExpiringNowAndKeepsLiveOnes() {
        insertUser("user-1", "ann");
        adapter().setSession(session("expired", "user-1", now().minusMillis(1)));
        adapter().setSession(session("expiring-now", "user-1", now()));
        adapter().setSession(session("live", "user-1", now().plusNanos(1000)));

        assertThat(adapter().deleteExpiredSessions()).isEqualTo(2);

        assertThat(adapter().getUserSessions("user-1")).extracting(DatabaseSession::id).containsExactly("live");
        assertThat(adapter().deleteExpiredSessions()).isZero();
    }

    @Test
    void deleteExpiredSessionsTakesNowFromTheClock() {
        insertUser("user-1", "ann");
        adapter().setSession(session("a", "user-1", now().plus(Duration.ofDays(1))));

        assertThat(adapter().deleteExpiredSessions()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(adapter().deleteExpiredSessions()).isEqualTo(1);
        assertThat(adapter().getSessionAndUser("a")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-29T01:30:00Z", "2026-03-29T01:30:00.123Z", "2026-10-25T00:59:59.999999Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"})
    void expiriesAtMicrosecondPrecisionReadBackExactly(String instant) {
        insertUser("user-1", "ann");
        Instant expiresAt = Instant.parse(instant);
        adapter().setSession(session("a", "user-1", expiresAt));
        adapter().setSession(session("b", "user-1", now()));
        adapter().updateSessionExpiration("b", expiresAt);

        assertThat(adapter().getSessionAndUser("a").orElseThrow().session().expiresAt()).isEqualTo(expiresAt);
        assertThat(adapter().getSessionAndUser("b").orElseThrow().session().expiresAt()).isEqualTo(expiresAt);
    }

    @Test
    void expiriesFinerThanAMicrosecondAreTruncated() {
        insertUser("user-1", "ann");
        adapter().setSession(session("a", "user-1", Instant.parse("2026-01-01T00:00:00.000001999Z")));

        assertThat(adapter().getSessionAndUser("a").orElseThrow().session().expiresAt())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.000001Z"));
    }

    @Test
    void setSessionWithATakenIdIsRefusedAndKeepsTheFirst() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        adapter().setSession(new DatabaseSession("a", "user-1", now().plusSeconds(60), sessionColumns("first", null)));

        assertThatThrownBy(() -> adapter().setSession(
                new DatabaseSession("a", "user-2", now().plusSeconds(120), sessionColumns("second", true))))
                .isInstanceOfSatisfying(SessionStoreException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.DUPLICATE_SESSION_ID))
                .hasMessageNotContaining("\"a\"");

        assertThat(adapter().getSessionAndUser("a").orElseThrow().session())
                .isEqualTo(new DatabaseSession("a", "user-1", now().plusSeconds(60), sessionColumns("first", null)));
        assertThat(adapter().getUserSessions("user-2")).isEmpty();
    }

    @Test
    void setSessionOfAnUnknownUserIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> adapter().setSession(session("a", "ghost", now().plusSeconds(60))))
                .isInstanceOfSatisfying(SessionStoreException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.UNKNOWN_USER))
                .hasMessageContaining("ghost");

        insertUser("ghost", "late");
        assertThat(adapter().getSessionAndUser("a")).isEmpty();
    }

    @Test
    void setSessionWithAnAttributeThatHasNoColumnIsRefusedAndWritesNothing() {
        insertUser("user-1", "ann");
        Map<String, Object> attributes = Map.of("ip", "10.0.0.1", "favourite_colour", "green");

        assertThatThrownBy(() -> adapter().setSession(
                new DatabaseSession("a", "user-1", now().plusSeconds(60), attributes)))
                .isInstanceOfSatisfying(SessionStoreException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.UNKNOWN_ATTRIBUTE))
                .hasMessageContaining("favourite_colour");

        assertThat(adapter().getUserSessions("user-1")).isEmpty();
    }

    static Stream<Arguments> badCalls() {
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        return Stream.of(
                bad("getSessionAndUser(null)", adapter -> adapter.getSessionAndUser(null), NullPointerException.class, "sessionId"),
                bad("getSessionAndUser(\"\")", adapter -> adapter.getSessionAndUser(""), IllegalArgumentException.class, "sessionId"),
                bad("getSessionAndUser(\" \")", adapter -> adapter.getSessionAndUser(" \t"), IllegalArgumentException.class, "sessionId"),
                bad("getUserSessions(null)", adapter -> adapter.getUserSessions(null), NullPointerException.class, "userId"),
                bad("getUserSessions(\"\")", adapter -> adapter.getUserSessions(""), IllegalArgumentException.class, "userId"),
                bad("setSession(null)", adapter -> adapter.setSession(null), NullPointerException.class, "session"),
                bad("updateSessionExpiration(null, t)", adapter -> adapter.updateSessionExpiration(null, later), NullPointerException.class, "sessionId"),
                bad("updateSessionExpiration(\" \", t)", adapter -> adapter.updateSessionExpiration(" ", later), IllegalArgumentException.class, "sessionId"),
                bad("updateSessionExpiration(id, null)", adapter -> adapter.updateSessionExpiration("kept", null), NullPointerException.class, "expiresAt"),
                bad("updateSessionExpiration(id, year 10000)", adapter -> adapter.updateSessionExpiration("kept", Instant.parse("+10000-01-01T00:00:00Z")), IllegalArgumentException.class, "expiresAt"),
                bad("updateSessionExpiration(id, Instant.MIN)", adapter -> adapter.updateSessionExpiration("kept", Instant.MIN), IllegalArgumentException.class, "expiresAt"),
                bad("setSession(expiry in year 10000)", adapter -> adapter.setSession(new DatabaseSession("new", "user-1", Instant.MAX, Map.of())), IllegalArgumentException.class, "expiresAt"),
                bad("deleteSession(null)", adapter -> adapter.deleteSession(null), NullPointerException.class, "sessionId"),
                bad("deleteSession(\"\")", adapter -> adapter.deleteSession(""), IllegalArgumentException.class, "sessionId"),
                bad("deleteUserSessions(null)", adapter -> adapter.deleteUserSessions(null), NullPointerException.class, "userId"),
                bad("deleteUserSessions(\"\")", adapter -> adapter.deleteUserSessions(""), IllegalArgumentException.class, "userId"));
    }

    private static Arguments bad(String call, Consumer<Adapter> action, Class<? extends Exception> type, String argument) {
        return Arguments.of(call, action, type, argument);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badArgumentsAreRefusedWithTheArgumentNamedAndChangeNothing(
            String call, Consumer<Adapter> action, Class<? extends Exception> type, String argument) {
        insertUser("user-1", "ann");
        Instant expiresAt = now().plusSeconds(60);
        adapter().setSession(session("kept", "user-1", expiresAt));

        assertThatThrownBy(() -> action.accept(adapter())).isInstanceOf(type).hasMessageContaining(argument);

        assertThat(adapter().getUserSessions("user-1")).containsExactly(
                new DatabaseSession("kept", "user-1", expiresAt, sessionColumns(null, null)));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261126})
    void randomSessionsAgreeWithASimpleModel(long seed) {
        Random random = new Random(seed);
        List<String> users = List.of("u0", "u1", "u2");
        users.forEach(user -> insertUser(user, "name-" + user));
        Map<String, DatabaseSession> model = new HashMap<>();
        for (int index = 0; index < 40; index++) {
            String user = users.get(random.nextInt(users.size()));
            // Expiries within a minute either side of now, at microsecond precision, some exactly now.
            long micros = random.nextInt(5) == 0 ? 0 : random.nextInt(120_000_000) - 60_000_000;
            DatabaseSession session = new DatabaseSession("s" + index, user, now().plusNanos(micros * 1000),
                    sessionColumns(random.nextBoolean() ? "10.0.0." + index : null, random.nextBoolean()));
            adapter().setSession(session);
            model.put(session.id(), session);
        }
        for (String user : users) {
            assertThat(adapter().getUserSessions(user)).containsExactlyInAnyOrderElementsOf(
                    model.values().stream().filter(session -> session.userId().equals(user)).toList());
        }
        List<DatabaseSession> live = new ArrayList<>();
        model.values().forEach(session -> {
            if (session.expiresAt().isAfter(now())) {
                live.add(session);
            }
        });

        assertThat(adapter().deleteExpiredSessions()).isEqualTo(model.size() - live.size());

        for (DatabaseSession session : model.values()) {
            assertThat(adapter().getSessionAndUser(session.id()).map(DatabaseSessionAndUser::session))
                    .isEqualTo(live.contains(session) ? java.util.Optional.of(session) : java.util.Optional.empty());
        }
    }

    /**
     * Ids a client could send, or an application pass on from one: text PostgreSQL cannot store, SQL, escapes,
     * other scripts, control characters and a huge value.
     */
    static Stream<String> hostileIds() {
        return Stream.of("\u0000", "kept\u0000", "\u0000kept", "\uD800", "kept\uDC00", "\uDE00\uD83D",
                "'; delete from user_session; --", "\\'; delete from user_session; --", "kept' or '1'='1",
                "%00", "%", "\u0001\u001f\u007f", "\u00fc\u00df\u4e2d\uD83D\uDE00", "${jndi:ldap://x}",
                "K".repeat(1_000) + "\u00fc".repeat(10_000));
    }

    @ParameterizedTest
    @MethodSource("hostileIds")
    void hostileIdsMatchNothingAndChangeNothing(String hostile) {
        insertUser("user-1", "ann");
        Instant expiresAt = now().plusSeconds(60);
        adapter().setSession(new DatabaseSession("kept", "user-1", expiresAt, sessionColumns("10.0.0.1", true)));

        assertThat(adapter().getSessionAndUser(hostile)).isEmpty();
        assertThat(adapter().getUserSessions(hostile)).isEmpty();
        assertThat(adapter().updateSessionExpiration(hostile, now().plusSeconds(600))).isFalse();
        adapter().deleteSession(hostile);
        adapter().deleteUserSessions(hostile);

        assertThat(adapter().getUserSessions("user-1")).containsExactly(
                new DatabaseSession("kept", "user-1", expiresAt, sessionColumns("10.0.0.1", true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; delete from user_session; --", "\\'; drop table auth_user; --", "\u00fc\u00df\u4e2d\uD83D\uDE00",
        "\u0001\u001f\u007f", "a\"b"})
    void idsOfAnyStorableTextAreStoredAndFoundLiterally(String id) {
        insertUser(id, "ann");
        DatabaseSession session = new DatabaseSession(id, id, now().plusSeconds(60), sessionColumns(id, null));

        adapter().setSession(session);

        assertThat(adapter().getSessionAndUser(id).orElseThrow().session()).isEqualTo(session);
        assertThat(adapter().getUserSessions(id)).containsExactly(session);
        assertThat(adapter().updateSessionExpiration(id, now().plusSeconds(120))).isTrue();
        adapter().deleteSession(id);
        assertThat(adapter().getUserSessions(id)).isEmpty();
    }

    static Stream<Arguments> unstorableSessions() {
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        return Stream.of(
                unstorable("a NUL in the id", new DatabaseSession("s3cr3t\u0000", "user-1", later, Map.of()),
                        SessionStoreException.Reason.INVALID_SESSION_ID, "session id"),
                unstorable("a lone surrogate in the id", new DatabaseSession("s3cr3t\uD800", "user-1", later, Map.of()),
                        SessionStoreException.Reason.INVALID_SESSION_ID, "session id"),
                unstorable("a NUL in the user id", new DatabaseSession("s3cr3t", "user-1\u0000", later, Map.of()),
                        SessionStoreException.Reason.UNKNOWN_USER, "userId"),
                unstorable("a NUL in an attribute name", new DatabaseSession("s3cr3t", "user-1", later, Map.of("ip\u0000", "x")),
                        SessionStoreException.Reason.UNKNOWN_ATTRIBUTE, "\"ip\\u0000\""),
                unstorable("a NUL in an attribute value", new DatabaseSession("s3cr3t", "user-1", later, Map.of("ip", "10.0.0.1\u0000")),
                        SessionStoreException.Reason.INVALID_ATTRIBUTE_VALUE, "\"ip\""),
                unstorable("a lone surrogate in an attribute value", new DatabaseSession("s3cr3t", "user-1", later, Map.of("ip", "\uDBFF")),
                        SessionStoreException.Reason.INVALID_ATTRIBUTE_VALUE, "\"ip\""));
    }

    private static Arguments unstorable(String what, DatabaseSession session, SessionStoreException.Reason reason,
            String named) {
        return Arguments.of(what, session, reason, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unstorableSessions")
    void sessionsWithTextPostgresqlCannotStoreAreRefusedAndWriteNothing(
            String what, DatabaseSession session, SessionStoreException.Reason reason, String named) {
        insertUser("user-1", "ann");

        assertThatThrownBy(() -> adapter().setSession(session))
                .isInstanceOfSatisfying(SessionStoreException.class, refused -> assertThat(refused.reason()).isEqualTo(reason))
                .hasMessageContaining(named)
                .hasMessageNotContaining("s3cr3t");

        assertThat(adapter().getUserSessions("user-1")).isEmpty();
        assertThat(adapter().getUserSessions(session.userId())).isEmpty();
    }
}
