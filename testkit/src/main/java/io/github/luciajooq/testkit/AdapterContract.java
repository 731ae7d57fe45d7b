package io.github.luciajooq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.testkit.Fixture;
import io.github.luciajooq.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link Adapter} shares: Lucia's own adapter test cases, attributes, time, bad and hostile
 * input; and the optional capabilities ({@link Adapter#rotateSession}, {@link Adapter#deleteOtherUserSessions},
 * {@link Adapter#setSessionWithinLimit}), whose tests are skipped for an adapter that leaves
 * {@code rotateSession} or {@code setSessionWithinLimit} to the interface's default (which throws
 * {@link UnsupportedOperationException}).
 * <p>
 * A subclass gives the adapter under test and its {@link Fixture}: the session table has a text and a flag attribute
 * the adapter reads, the user table a username it reads.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public abstract class AdapterContract<I, U, S> {

    protected final TestClock clock = TestClock.standard();

    /** The adapter under test. */
    protected abstract Adapter<I, U, S> adapter();

    /** How users are added and attributes written and read. */
    protected abstract Fixture<I, U, S> fixture();

    private Instant now() {
        return clock.instant();
    }

    private void insertUser(String name, String username) {
        fixture().insertUser(name, username);
    }

    private I user(String name) {
        return fixture().userId(name);
    }

    private S attributes(String text, Boolean flag) {
        return fixture().attributes(text, flag);
    }

    private DatabaseSession<I, S> session(String id, String user, Instant expiresAt) {
        return new DatabaseSession<>(id, user(user), expiresAt, attributes(null, null));
    }

    /** A stored session as a tuple of what the contract compares: id, user id, expiry, text, flag. */
    private Tuple stored(DatabaseSession<I, S> session) {
        return tuple(session.id(), session.userId(), session.expiresAt(), fixture().text(session.attributes()),
                fixture().flag(session.attributes()));
    }

    private Tuple expected(String id, String user, Instant expiresAt, String text, Boolean flag) {
        return tuple(id, user(user), expiresAt, text, flag);
    }

    private Optional<Tuple> found(String id) {
        return adapter().getSessionAndUser(id).map(found -> stored(found.session()));
    }

    private List<Tuple> sessionsOf(String user) {
        return adapter().getUserSessions(user(user)).stream().map(this::stored).toList();
    }

    @Test
    void getSessionAndUserWhenNoSessionHasTheIdIsEmpty() {
        assertThat(adapter().getSessionAndUser("no-such-session")).isEmpty();
    }

    @Test
    void getUserSessionsWhenTheUserHasNoneIsEmpty() {
        insertUser("user-1", "ann");
        assertThat(adapter().getUserSessions(user("user-1"))).isEmpty();
        assertThat(adapter().getUserSessions(user("no-such-user"))).isEmpty();
    }

    @Test
    void setSessionThenGetSessionAndUserReadsBothBackWithAttributes() {
        insertUser("user-1", "ann");
        Instant expiresAt = now().plus(Duration.ofDays(30));
        adapter().setSession(new DatabaseSession<>("session-1", user("user-1"), expiresAt, attributes("10.0.0.1", true)));

        DatabaseSessionAndUser<I, U, S> found = adapter().getSessionAndUser("session-1").orElseThrow();

        assertThat(stored(found.session())).isEqualTo(expected("session-1", "user-1", expiresAt, "10.0.0.1", true));
        assertThat(found.user().id()).isEqualTo(user("user-1"));
        assertThat(fixture().username(found.user().attributes())).isEqualTo("ann");
    }

    @Test
    void setSessionWithoutAttributesReadsTheirColumnsBackAsNull() {
        insertUser("user-1", "ann");
        adapter().setSession(session("session-1", "user-1", now().plusSeconds(60)));

        S found = adapter().getSessionAndUser("session-1").orElseThrow().session().attributes();

        assertThat(fixture().text(found)).isNull();
        assertThat(fixture().flag(found)).isNull();
    }

    @Test
    void getUserSessionsReturnsEveryStoredSessionOfTheUserOnly() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        Instant expired = now().minusSeconds(1);
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));
        adapter().setSession(new DatabaseSession<>("b", user("user-1"), expired, attributes("10.0.0.2", false)));
        adapter().setSession(session("c", "user-2", now().plusSeconds(60)));

        assertThat(sessionsOf("user-1")).containsExactlyInAnyOrder(
                expected("a", "user-1", now().plusSeconds(60), null, null),
                expected("b", "user-1", expired, "10.0.0.2", false));
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

        adapter().deleteUserSessions(user("user-1"));

        assertThat(sessionsOf("user-1")).isEmpty();
        assertThat(adapter().getUserSessions(user("user-2"))).extracting(DatabaseSession::id).containsExactly("c");
    }

    @Test
    void deleteExpiredSessionsDeletesExpiredOnesAndThoseExpiringNowAndKeepsLiveOnes() {
        insertUser("user-1", "ann");
        adapter().setSession(session("expired", "user-1", now().minusMillis(1)));
        adapter().setSession(session("expiring-now", "user-1", now()));
        adapter().setSession(session("live", "user-1", now().plusNanos(1000)));

        assertThat(adapter().deleteExpiredSessions(now())).isEqualTo(2);

        assertThat(adapter().getUserSessions(user("user-1"))).extracting(DatabaseSession::id).containsExactly("live");
        assertThat(adapter().deleteExpiredSessions(now())).isZero();
    }

    @Test
    void deleteExpiredSessionsTakesNowFromItsArgument() {
        insertUser("user-1", "ann");
        adapter().setSession(session("a", "user-1", now().plus(Duration.ofDays(1))));

        assertThat(adapter().deleteExpiredSessions(now())).isZero();
        assertThat(adapter().deleteExpiredSessions(now().plus(Duration.ofDays(1)))).isEqualTo(1);
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
        adapter().setSession(new DatabaseSession<>("a", user("user-1"), now().plusSeconds(60), attributes("first", null)));

        assertThatThrownBy(() -> adapter().setSession(
                new DatabaseSession<>("a", user("user-2"), now().plusSeconds(120), attributes("second", true))))
                .isInstanceOfSatisfying(SessionStoreException.class, refused ->
                        assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.DUPLICATE_SESSION_ID))
                .hasMessageNotContaining("\"a\"");

        assertThat(found("a")).contains(expected("a", "user-1", now().plusSeconds(60), "first", null));
        assertThat(adapter().getUserSessions(user("user-2"))).isEmpty();
    }

    @Test
    void setSessionOfAnUnknownUserIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> adapter().setSession(session("a", "ghost", now().plusSeconds(60))))
                .isInstanceOfSatisfying(SessionStoreException.class, refused ->
                        assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.UNKNOWN_USER))
                .hasMessageContaining(String.valueOf(user("ghost")));

        insertUser("ghost", "late");
        assertThat(adapter().getSessionAndUser("a")).isEmpty();
    }

    @Test
    void setSessionWithAnAttributeThatHasNoColumnIsRefusedAndWritesNothing() {
        Optional<S> attributes = fixture().attributesWithUnknownColumn();
        assumeTrue(attributes.isPresent(), "the attributes' type names only columns the table has");
        insertUser("user-1", "ann");

        assertThatThrownBy(() -> adapter().setSession(
                new DatabaseSession<>("a", user("user-1"), now().plusSeconds(60), attributes.get())))
                .isInstanceOfSatisfying(SessionStoreException.class, refused ->
                        assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.UNKNOWN_ATTRIBUTE))
                .hasMessageContaining("favourite_colour");

        assertThat(adapter().getUserSessions(user("user-1"))).isEmpty();
    }

    @Test
    void setSessionWithAttributesSettingTheSessionsIdIsRefusedAndWritesNothing() {
        insertUser("user-1", "ann");

        assertThatThrownBy(() -> adapter().setSession(new DatabaseSession<>("a", user("user-1"), now().plusSeconds(60),
                fixture().attributesSettingTheId())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attributes")
                .hasMessageNotContaining("s3cr3t");

        assertThat(adapter().getUserSessions(user("user-1"))).isEmpty();
    }

    /** Calls with a bad argument: what, the call, the exception expected and the argument it must name. */
    private List<Arguments> badCalls() {
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        List<Arguments> calls = new ArrayList<>(List.of(
                bad("getSessionAndUser(null)", adapter -> adapter.getSessionAndUser(null), NullPointerException.class, "sessionId"),
                bad("getSessionAndUser(\"\")", adapter -> adapter.getSessionAndUser(""), IllegalArgumentException.class, "sessionId"),
                bad("getSessionAndUser(\" \")", adapter -> adapter.getSessionAndUser(" \t"), IllegalArgumentException.class, "sessionId"),
                bad("getUserSessions(null)", adapter -> adapter.getUserSessions(null), NullPointerException.class, "userId"),
                bad("setSession(null)", adapter -> adapter.setSession(null), NullPointerException.class, "session"),
                bad("updateSessionExpiration(null, t)", adapter -> adapter.updateSessionExpiration(null, later), NullPointerException.class, "sessionId"),
                bad("updateSessionExpiration(\" \", t)", adapter -> adapter.updateSessionExpiration(" ", later), IllegalArgumentException.class, "sessionId"),
                bad("updateSessionExpiration(id, null)", adapter -> adapter.updateSessionExpiration("kept", null), NullPointerException.class, "expiresAt"),
                bad("updateSessionExpiration(id, year 10000)", adapter -> adapter.updateSessionExpiration("kept", Instant.parse("+10000-01-01T00:00:00Z")), IllegalArgumentException.class, "expiresAt"),
                bad("updateSessionExpiration(id, Instant.MIN)", adapter -> adapter.updateSessionExpiration("kept", Instant.MIN), IllegalArgumentException.class, "expiresAt"),
                bad("setSession(expiry in year 10000)", adapter -> adapter.setSession(new DatabaseSession<>("new", user("user-1"), Instant.MAX, attributes(null, null))), IllegalArgumentException.class, "expiresAt"),
                bad("deleteSession(null)", adapter -> adapter.deleteSession(null), NullPointerException.class, "sessionId"),
                bad("deleteSession(\"\")", adapter -> adapter.deleteSession(""), IllegalArgumentException.class, "sessionId"),
                bad("deleteUserSessions(null)", adapter -> adapter.deleteUserSessions(null), NullPointerException.class, "userId"),
                bad("deleteExpiredSessions(null)", adapter -> adapter.deleteExpiredSessions(null), NullPointerException.class, "now")));
        if (user("user-1") instanceof String) {
            calls.add(bad("getUserSessions(\"\")", adapter -> adapter.getUserSessions(textUserId("")), IllegalArgumentException.class, "userId"));
            calls.add(bad("deleteUserSessions(\"\")", adapter -> adapter.deleteUserSessions(textUserId(" ")), IllegalArgumentException.class, "userId"));
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private I textUserId(String text) {
        return (I) text;
    }

    private Arguments bad(String call, Consumer<Adapter<I, U, S>> action, Class<? extends Exception> type, String argument) {
        return Arguments.of(call, action, type, argument);
    }

    @Test
    void badArgumentsAreRefusedWithTheArgumentNamedAndChangeNothing() {
        insertUser("user-1", "ann");
        Instant expiresAt = now().plusSeconds(60);
        adapter().setSession(session("kept", "user-1", expiresAt));

        for (Arguments call : badCalls()) {
            Object[] parts = call.get();
            @SuppressWarnings("unchecked")
            Consumer<Adapter<I, U, S>> action = (Consumer<Adapter<I, U, S>>) parts[1];
            assertThatThrownBy(() -> action.accept(adapter())).as((String) parts[0])
                    .isInstanceOf((Class<?>) parts[2]).hasMessageContaining((String) parts[3]);
        }

        assertThat(sessionsOf("user-1")).containsExactly(expected("kept", "user-1", expiresAt, null, null));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261126})
    void randomSessionsAgreeWithASimpleModel(long seed) {
        Random random = new Random(seed);
        List<String> users = List.of("u0", "u1", "u2");
        users.forEach(user -> insertUser(user, "name-" + user));
        Map<String, Tuple> model = new HashMap<>();
        Map<String, Instant> expiries = new HashMap<>();
        for (int index = 0; index < 40; index++) {
            String user = users.get(random.nextInt(users.size()));
            // Expiries within a minute either side of now, at microsecond precision, some exactly now.
            long micros = random.nextInt(5) == 0 ? 0 : random.nextInt(120_000_000) - 60_000_000;
            Instant expiresAt = now().plusNanos(micros * 1000);
            String text = random.nextBoolean() ? "10.0.0." + index : null;
            boolean flag = random.nextBoolean();
            adapter().setSession(new DatabaseSession<>("s" + index, user(user), expiresAt, attributes(text, flag)));
            model.put("s" + index, expected("s" + index, user, expiresAt, text, flag));
            expiries.put("s" + index, expiresAt);
        }
        for (String user : users) {
            assertThat(sessionsOf(user)).containsExactlyInAnyOrderElementsOf(model.entrySet().stream()
                    .filter(entry -> entry.getValue().toList().get(1).equals(user(user)))
                    .map(Map.Entry::getValue).toList());
        }
        long expired = expiries.values().stream().filter(expiresAt -> !expiresAt.isAfter(now())).count();

        assertThat(adapter().deleteExpiredSessions(now())).isEqualTo(expired);

        for (Map.Entry<String, Tuple> session : model.entrySet()) {
            assertThat(found(session.getKey())).isEqualTo(expiries.get(session.getKey()).isAfter(now())
                    ? Optional.of(session.getValue()) : Optional.empty());
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
        adapter().setSession(new DatabaseSession<>("kept", user("user-1"), expiresAt, attributes("10.0.0.1", true)));

        assertThat(adapter().getSessionAndUser(hostile)).isEmpty();
        assertThat(adapter().getUserSessions(user(hostile))).isEmpty();
        assertThat(adapter().updateSessionExpiration(hostile, now().plusSeconds(600))).isFalse();
        adapter().deleteSession(hostile);
        adapter().deleteUserSessions(user(hostile));

        assertThat(sessionsOf("user-1")).containsExactly(expected("kept", "user-1", expiresAt, "10.0.0.1", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; delete from user_session; --", "\\'; drop table auth_user; --",
        "\u00fc\u00df\u4e2d\uD83D\uDE00", "\u0001\u001f\u007f", "a\"b"})
    void idsOfAnyStorableTextAreStoredAndFoundLiterally(String id) {
        insertUser(id, "ann");
        adapter().setSession(new DatabaseSession<>(id, user(id), now().plusSeconds(60), attributes(id, null)));

        assertThat(found(id)).contains(expected(id, id, now().plusSeconds(60), id, null));
        assertThat(sessionsOf(id)).containsExactly(expected(id, id, now().plusSeconds(60), id, null));
        assertThat(adapter().updateSessionExpiration(id, now().plusSeconds(120))).isTrue();
        adapter().deleteSession(id);
        assertThat(sessionsOf(id)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a NUL in the id", "a lone surrogate in the id", "a NUL in a text attribute",
        "a lone surrogate in a text attribute"})
    void sessionsWithTextPostgresqlCannotStoreAreRefusedAndWriteNothing(String what) {
        insertUser("user-1", "ann");
        DatabaseSession<I, S> session = switch (what) {
            case "a NUL in the id" -> session("s3cr3t\u0000", "user-1", now().plusSeconds(60));
            case "a lone surrogate in the id" -> session("s3cr3t\uD800", "user-1", now().plusSeconds(60));
            case "a NUL in a text attribute" -> new DatabaseSession<>("s3cr3t", user("user-1"), now().plusSeconds(60),
                    attributes("10.0.0.1\u0000", null));
            default -> new DatabaseSession<>("s3cr3t", user("user-1"), now().plusSeconds(60), attributes("\uDBFF", null));
        };
        SessionStoreException.Reason reason = what.endsWith("the id")
                ? SessionStoreException.Reason.INVALID_SESSION_ID
                : SessionStoreException.Reason.INVALID_ATTRIBUTE_VALUE;

        assertThatThrownBy(() -> adapter().setSession(session))
                .isInstanceOfSatisfying(SessionStoreException.class, refused -> assertThat(refused.reason()).isEqualTo(reason))
                .hasMessageContaining(what.endsWith("the id") ? "session id" : "attribute")
                .hasMessageNotContaining("s3cr3t");

        assertThat(adapter().getUserSessions(user("user-1"))).isEmpty();
    }

    // The optional capabilities of OWASP ASVS 5.0 V7: rotation, the other sessions of a user, a limit per user.

    private DatabaseSession<I, S> authenticated(String id, String user, Instant expiresAt, Instant authenticatedAt) {
        return new DatabaseSession<>(id, user(user), expiresAt, attributes("10.0.0.1", true), authenticatedAt);
    }

    /** Skips a test of rotation when the adapter does not implement that optional capability. */
    private void assumeRotation() {
        assumeTrue(Capabilities.rotates(adapter(), now()), "the adapter does not implement the optional rotateSession");
    }

    /** Skips a test of the limit per user when the adapter does not implement that optional capability. */
    private void assumeSessionLimit() {
        assumeTrue(Capabilities.limitsSessions(adapter(), user("no-such-user"), attributes(null, null), now()),
                "the adapter does not implement the optional setSessionWithinLimit");
    }

    /** Whether the store keeps the authentication time: Lucia's tables and the in-memory store do. */
    private boolean keepsAuthenticationTime() {
        insertUser("probe", "probe");
        adapter().setSession(authenticated("probe-session", "probe", now().plusSeconds(60), now()));
        boolean kept = adapter().getSessionAndUser("probe-session").orElseThrow().session().authenticatedAt() != null;
        adapter().deleteUserSessions(user("probe"));
        return kept;
    }

    @Test
    void setSessionKeepsTheAuthenticationTimeWhereTheStoreHasIt() {
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        Instant authenticatedAt = now().minus(Duration.ofHours(2));
        adapter().setSession(authenticated("a", "user-1", now().plusSeconds(60), authenticatedAt));

        assertThat(adapter().getSessionAndUser("a").orElseThrow().session().authenticatedAt()).isEqualTo(authenticatedAt);
        assertThat(adapter().getUserSessions(user("user-1"))).extracting(DatabaseSession::authenticatedAt)
                .containsExactly(authenticatedAt);
    }

    @Test
    void rotateSessionMovesTheSessionToTheNewIdKeepingUserAttributesAndAuthenticationTime() {
        assumeRotation();
        insertUser("user-1", "ann");
        Instant authenticatedAt = now().minus(Duration.ofHours(2));
        adapter().setSession(authenticated("old", "user-1", now().plusSeconds(60), authenticatedAt));
        Instant later = now().plus(Duration.ofDays(30));

        assertThat(adapter().rotateSession("old", "new", later, null)).isTrue();

        assertThat(adapter().getSessionAndUser("old")).isEmpty();
        DatabaseSession<I, S> rotated = adapter().getSessionAndUser("new").orElseThrow().session();
        assertThat(stored(rotated)).isEqualTo(expected("new", "user-1", later, "10.0.0.1", true));
        assertThat(rotated.authenticatedAt()).isIn(authenticatedAt, null);
    }

    @Test
    void rotateSessionWithAnAuthenticationTimeSetsIt() {
        assumeRotation();
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        adapter().setSession(authenticated("old", "user-1", now().plusSeconds(60), now().minus(Duration.ofHours(2))));

        assertThat(adapter().rotateSession("old", "new", now().plusSeconds(120), now())).isTrue();

        assertThat(adapter().getSessionAndUser("new").orElseThrow().session().authenticatedAt()).isEqualTo(now());
    }

    @Test
    void rotateSessionOfAnUnknownIdChangesNothing() {
        assumeRotation();
        insertUser("user-1", "ann");
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));

        assertThat(adapter().rotateSession("no-such-session", "new", now().plusSeconds(120), null)).isFalse();

        assertThat(adapter().getSessionAndUser("new")).isEmpty();
        assertThat(sessionsOf("user-1")).containsExactly(expected("a", "user-1", now().plusSeconds(60), null, null));
    }

    @Test
    void rotateSessionToATakenIdIsRefusedWithoutTheIdAndChangesNothing() {
        assumeRotation();
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        adapter().setSession(session("old-s3cr3t", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("taken-s3cr3t", "user-2", now().plusSeconds(120)));

        assertThatThrownBy(() -> adapter().rotateSession("old-s3cr3t", "taken-s3cr3t", now().plusSeconds(180), null))
                .isInstanceOfSatisfying(SessionStoreException.class, refused ->
                        assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.DUPLICATE_SESSION_ID))
                .satisfies(refused -> {
                    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                        assertThat(String.valueOf(cause.getMessage())).doesNotContain("s3cr3t");
                    }
                });

        assertThat(sessionsOf("user-1")).containsExactly(expected("old-s3cr3t", "user-1", now().plusSeconds(60), null,
                null));
        assertThat(sessionsOf("user-2")).containsExactly(expected("taken-s3cr3t", "user-2", now().plusSeconds(120),
                null, null));
    }

    @Test
    void deleteOtherUserSessionsKeepsOnlyTheGivenSessionOfThatUser() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("b", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("c", "user-1", now().minusSeconds(60)));
        adapter().setSession(session("d", "user-2", now().plusSeconds(60)));

        assertThat(adapter().deleteOtherUserSessions(user("user-1"), "a")).isEqualTo(2);

        assertThat(adapter().getUserSessions(user("user-1"))).extracting(DatabaseSession::id).containsExactly("a");
        assertThat(adapter().getUserSessions(user("user-2"))).extracting(DatabaseSession::id).containsExactly("d");
    }

    @Test
    void deleteOtherUserSessionsWithAnotherUsersSessionDeletesEveryOneOfThisUser() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("d", "user-2", now().plusSeconds(60)));

        assertThat(adapter().deleteOtherUserSessions(user("user-1"), "d")).isEqualTo(1);

        assertThat(adapter().getUserSessions(user("user-1"))).isEmpty();
        assertThat(adapter().getSessionAndUser("d")).isPresent();
    }

    @Test
    void setSessionWithinLimitRefusesTheNewSessionAtTheLimitCountingLiveSessionsOnly() {
        assumeSessionLimit();
        insertUser("user-1", "ann");
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("b", "user-1", now().plusSeconds(120)));
        adapter().setSession(session("expired", "user-1", now()));

        assertThat(adapter().setSessionWithinLimit(session("c", "user-1", now().plusSeconds(180)), 2, false, now()))
                .isFalse();

        assertThat(adapter().getUserSessions(user("user-1"))).extracting(DatabaseSession::id)
                .containsExactlyInAnyOrder("a", "b", "expired");
        assertThat(adapter().setSessionWithinLimit(session("c", "user-1", now().plusSeconds(180)), 3, false, now()))
                .isTrue();
        assertThat(adapter().getSessionAndUser("c")).isPresent();
    }

    @Test
    void setSessionWithinLimitEndingTheOldestDeletesTheLiveSessionsThatExpireFirst() {
        assumeSessionLimit();
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        adapter().setSession(session("first", "user-1", now().plusSeconds(60)));
        adapter().setSession(session("second", "user-1", now().plusSeconds(120)));
        adapter().setSession(session("third", "user-1", now().plusSeconds(180)));
        adapter().setSession(session("other-user", "user-2", now().plusSeconds(30)));

        assertThat(adapter().setSessionWithinLimit(session("new", "user-1", now().plusSeconds(240)), 2, true, now()))
                .isTrue();

        assertThat(adapter().getUserSessions(user("user-1"))).extracting(DatabaseSession::id)
                .containsExactlyInAnyOrder("third", "new");
        assertThat(adapter().getSessionAndUser("other-user")).isPresent();
    }

    @Test
    void setSessionWithinLimitOfAnUnknownUserIsRefusedAndDeletesNothing() {
        assumeSessionLimit();
        insertUser("user-1", "ann");
        adapter().setSession(session("a", "user-1", now().plusSeconds(60)));

        assertThatThrownBy(() -> adapter().setSessionWithinLimit(session("b", "no-such-user", now().plusSeconds(60)),
                1, true, now()))
                .isInstanceOf(io.github.luciajooq.SessionStoreException.class)
                .extracting(error -> ((io.github.luciajooq.SessionStoreException) error).reason())
                .isEqualTo(io.github.luciajooq.SessionStoreException.Reason.UNKNOWN_USER);

        assertThat(adapter().getSessionAndUser("a")).isPresent();
        assertThat(adapter().getSessionAndUser("b")).isEmpty();
    }

    @Test
    void setSessionWithinLimitRefusesALimitBelowOne() {
        assumeSessionLimit();
        insertUser("user-1", "ann");

        assertThatThrownBy(() -> adapter().setSessionWithinLimit(session("a", "user-1", now().plusSeconds(60)), 0,
                false, now())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");

        assertThat(adapter().getSessionAndUser("a")).isEmpty();
    }
}
