package io.github.luciajooq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.CookieSession;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.Session;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.SessionManagerBuilder;
import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.spi.Adapter;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.testkit.Fixture;
import io.github.luciajooq.testkit.TestClock;
import io.github.luciajooq.token.SessionHandle;
import io.github.luciajooq.token.SessionToken;
import io.github.luciajooq.token.TokenStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session manager's policy, on a real adapter: creation, token storage, validation with sliding renewal,
 * expiry and invalidation, with the clock moved. A subclass gives the adapter and its {@link Fixture}.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public abstract class LuciaContract<I, U, S> {

    protected final TestClock clock = TestClock.standard();

    /** The store, to check what the session manager wrote. */
    protected abstract Adapter<I, U, S> adapter();

    protected abstract Fixture<I, U, S> fixture();

    /** {@link Lucia}'s operations, whichever session manager runs them. */
    protected interface Manager<I, U, S> {
        NewSession<I, S> createSession(I userId, S attributes);

        NewSession<I, S> createSession(I userId, S attributes, SessionToken token);

        Optional<SessionAndUser<I, U, S>> validateSession(SessionToken token);

        List<Session<I, S>> getUserSessions(I userId);

        void invalidateSession(SessionToken token);

        boolean invalidateSession(I userId, SessionHandle handle);

        void invalidateUserSessions(I userId);

        long deleteExpiredSessions();

        Cookie createSessionCookie(SessionToken token);

        CookieSession<I, U, S> validateSessionCookies(String cookieHeader, boolean navigation);

        Cookie createBlankSessionCookie();
    }

    /**
     * The session manager under test with these settings and {@link #clock}: by default {@link Lucia} on
     * {@link #adapter()}.
     */
    protected Manager<I, U, S> manager(Consumer<SessionManagerBuilder<?>> settings) {
        Lucia.Builder<I, U, S> builder = Lucia.builder(adapter()).clock(clock);
        settings.accept(builder);
        return managing(builder.build());
    }

    /**
     * The session manager under test on {@link #adapter()}, through which another request signs every session out
     * right after validation has read it: by default {@link Lucia} on {@link InvalidatedAfterRead}.
     */
    protected Manager<I, U, S> managerRacingInvalidation() {
        return managing(Lucia.builder(new InvalidatedAfterRead<>(adapter())).clock(clock).build());
    }

    /** {@link Lucia}'s operations as a {@link Manager}. */
    protected static <I, U, S> Manager<I, U, S> managing(Lucia<I, U, S> lucia) {
        return new Manager<>() {
            @Override
            public NewSession<I, S> createSession(I userId, S attributes) {
                return lucia.createSession(userId, attributes);
            }

            @Override
            public NewSession<I, S> createSession(I userId, S attributes, SessionToken token) {
                return lucia.createSession(userId, attributes, token);
            }

            @Override
            public Optional<SessionAndUser<I, U, S>> validateSession(SessionToken token) {
                return lucia.validateSession(token);
            }

            @Override
            public List<Session<I, S>> getUserSessions(I userId) {
                return lucia.getUserSessions(userId);
            }

            @Override
            public void invalidateSession(SessionToken token) {
                lucia.invalidateSession(token);
            }

            @Override
            public boolean invalidateSession(I userId, SessionHandle handle) {
                return lucia.invalidateSession(userId, handle);
            }

            @Override
            public void invalidateUserSessions(I userId) {
                lucia.invalidateUserSessions(userId);
            }

            @Override
            public long deleteExpiredSessions() {
                return lucia.deleteExpiredSessions();
            }

            @Override
            public Cookie createSessionCookie(SessionToken token) {
                return lucia.createSessionCookie(token);
            }

            @Override
            public CookieSession<I, U, S> validateSessionCookies(String cookieHeader, boolean navigation) {
                return lucia.validateSessionCookies(cookieHeader, navigation);
            }

            @Override
            public Cookie createBlankSessionCookie() {
                return lucia.createBlankSessionCookie();
            }
        };
    }

    private Manager<I, U, S> lucia() {
        return manager(settings -> { });
    }

    private I user(String name) {
        return fixture().userId(name);
    }

    private void insertUser(String name, String username) {
        fixture().insertUser(name, username);
    }

    private S none() {
        return fixture().attributes(null, null);
    }

    private Instant stored(String key) {
        return adapter().getSessionAndUser(key).orElseThrow().session().expiresAt();
    }

    private Instant stored(SessionToken token) {
        return stored(TokenStorage.HASHED.storageKey(token));
    }

    @Test
    void createSessionStoresAFreshSessionWithALuciaTokenAndAThirtyDayExpiry() {
        insertUser("user-1", "ann");

        NewSession<I, S> created = lucia().createSession(user("user-1"), fixture().attributes("10.0.0.1", null));

        assertThat(created.token().value()).matches("[a-z2-7]{40}");
        Session<I, S> session = created.session();
        assertThat(session.handle()).isEqualTo(SessionHandle.of(created.token()));
        assertThat(session.userId()).isEqualTo(user("user-1"));
        assertThat(session.fresh()).isTrue();
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-04-28T01:30:00.123Z"));
        assertThat(fixture().text(session.attributes())).isEqualTo("10.0.0.1");
        assertThat(stored(created.token())).isEqualTo(session.expiresAt());
    }

    @Test
    void theStoreHoldsTheTokensSha256AndNeverTheToken() {
        insertUser("user-1", "ann");

        SessionToken token = lucia().createSession(user("user-1"), none()).token();

        String key = TokenStorage.HASHED.storageKey(token);
        assertThat(key).matches("[0-9a-f]{64}").isEqualTo(SessionHandle.of(token).value());
        assertThat(adapter().getSessionAndUser(key)).isPresent();
        assertThat(adapter().getSessionAndUser(token.value())).isEmpty();
        assertThat(adapter().getUserSessions(user("user-1"))).extracting(DatabaseSession::id).containsExactly(key);
    }

    @Test
    void aStoredValueSentBackAsATokenMatchesNothing() {
        insertUser("user-1", "ann");
        SessionToken token = lucia().createSession(user("user-1"), none()).token();

        SessionToken stolenFromTheTable = SessionToken.of(TokenStorage.HASHED.storageKey(token));

        assertThat(lucia().validateSession(stolenFromTheTable)).isEmpty();
        assertThat(lucia().validateSession(token)).isPresent();
    }

    @Test
    void plainStorageKeepsTheTokenAsLuciaV3Does() {
        insertUser("user-1", "ann");
        Manager<I, U, S> plain = manager(settings -> settings.tokenStorage(TokenStorage.PLAIN));

        NewSession<I, S> created = plain.createSession(user("user-1"), none());

        assertThat(adapter().getSessionAndUser(created.token().value())).isPresent();
        assertThat(created.session().handle()).isEqualTo(SessionHandle.of(created.token()));
        assertThat(plain.validateSession(created.token())).hasValueSatisfying(valid ->
                assertThat(valid.session().handle()).isEqualTo(created.session().handle()));
        assertThat(plain.getUserSessions(user("user-1"))).extracting(Session::handle)
                .containsExactly(created.session().handle());
        assertThat(lucia().validateSession(created.token())).as("hashed storage looks for the hash").isEmpty();
    }

    @Test
    void createSessionExpiryIsAtMillisecondPrecisionSoItReadsBackEqual() {
        insertUser("user-1", "ann");
        clock.set(Instant.parse("2026-01-01T00:00:00.123456789Z"));

        NewSession<I, S> created = lucia().createSession(user("user-1"), none());

        assertThat(created.session().expiresAt()).isEqualTo(Instant.parse("2026-01-31T00:00:00.123Z"));
        assertThat(lucia().validateSession(created.token()).orElseThrow().session().expiresAt())
                .isEqualTo(created.session().expiresAt());
    }

    @Test
    void createSessionGivesEverySessionANewTokenAndHandle() {
        insertUser("user-1", "ann");
        Set<SessionToken> tokens = new HashSet<>();
        Set<SessionHandle> handles = new HashSet<>();
        for (int index = 0; index < 200; index++) {
            NewSession<I, S> created = lucia().createSession(user("user-1"), none());
            tokens.add(created.token());
            handles.add(created.session().handle());
        }
        assertThat(tokens).hasSize(200);
        assertThat(handles).hasSize(200);
        assertThat(lucia().getUserSessions(user("user-1"))).hasSize(200);
    }

    @Test
    void createSessionWithAGivenTokenUsesIt() {
        insertUser("user-1", "ann");

        NewSession<I, S> created = lucia().createSession(user("user-1"), none(), SessionToken.of("my-own-token"));

        assertThat(created.token()).isEqualTo(SessionToken.of("my-own-token"));
        assertThat(lucia().validateSession(SessionToken.of("my-own-token"))).isPresent();
    }

    @Test
    void createSessionForAnUnknownUserPassesTheAdaptersRefusalOnAndStoresNothing() {
        SessionToken token = SessionToken.of("s3cr3t-token");
        assertThatThrownBy(() -> lucia().createSession(user("ghost"), none(), token))
                .isInstanceOfSatisfying(SessionStoreException.class, refused ->
                        assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.UNKNOWN_USER))
                .hasMessageNotContaining("s3cr3t");
        assertThat(lucia().validateSession(token)).isEmpty();
    }

    @Test
    void validateSessionCookiesTriesEachCookieBeforeBlankingAndNeverBlanksAnUntriedOne() {
        insertUser("user-1", "ann");
        NewSession<I, S> created = lucia().createSession(user("user-1"), none());
        String planted = "auth_session=" + SessionToken.generate().value();
        String real = "auth_session=" + created.token().value();

        CookieSession<I, U, S> found = lucia().validateSessionCookies(planted + "; x=1; " + planted + "; " + real, true);
        assertThat(found.sessionAndUser().orElseThrow().user().id()).isEqualTo(user("user-1"));
        assertThat(found.token()).hasValue(created.token());
        assertThat(found.setCookie()).as("issued less than the renewal threshold ago: again on a page load")
                .hasValue(lucia().createSessionCookie(created.token()));
        assertThat(lucia().validateSessionCookies(real, false).setCookie()).as("not a page load").isEmpty();

        assertThat(lucia().validateSessionCookies(planted + "; auth_session=%ZZ", false).setCookie())
                .hasValue(lucia().createBlankSessionCookie());
        String threePlanted = "auth_session=" + SessionToken.generate().value() + "; auth_session="
                + SessionToken.generate().value() + "; " + planted;
        CookieSession<I, U, S> untried = lucia().validateSessionCookies(threePlanted + "; " + real, true);
        assertThat(untried.sessionAndUser()).isEmpty();
        assertThat(untried.setCookie()).isEmpty();
        assertThat(lucia().validateSessionCookies(null, true))
                .isEqualTo(new CookieSession<I, U, S>(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void validateSessionCookiesCatchesALaggingCookieUpOnAPageLoadOnlyWhileItMayLag() {
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = manager(settings -> settings.renewalThreshold(Duration.ofDays(10)));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());
        String real = "auth_session=" + created.token().value();
        clock.advance(Duration.ofDays(21));
        assertThat(lucia.validateSessionCookies(real, false).setCookie()).as("renewed, and this cookie lost")
                .hasValue(lucia.createSessionCookie(created.token()));

        clock.advance(Duration.ofDays(1));
        assertThat(lucia.validateSessionCookies(real, true).setCookie().orElseThrow().attributes().maxAge())
                .as("the time the session has left").isEqualTo(Duration.ofDays(29));
        assertThat(lucia.validateSessionCookies(real, false).setCookie()).as("not a page load").isEmpty();
        clock.advance(Duration.ofDays(10));
        // Renewed 11 days ago, more than the threshold: any older cookie has expired since, so none is sent.
        assertThat(lucia.validateSessionCookies(real, true).setCookie()).isEmpty();
        assertThat(lucia.validateSessionCookies(real, true).sessionAndUser()).isPresent();
    }

    @Test
    void validateSessionWhenUnknownIsEmpty() {
        assertThat(lucia().validateSession(SessionToken.of("no-such-session"))).isEmpty();
    }

    @Test
    void validateSessionWithMoreThanHalfTheLifetimeLeftIsNotFreshAndWritesNothing() {
        insertUser("user-1", "ann");
        NewSession<I, S> created = lucia().createSession(user("user-1"), fixture().attributes("10.0.0.1", true));
        clock.advance(Duration.ofDays(15).minusMillis(1));

        SessionAndUser<I, U, S> valid = lucia().validateSession(created.token()).orElseThrow();

        assertThat(valid.session().fresh()).isFalse();
        assertThat(valid.session().expiresAt()).isEqualTo(created.session().expiresAt());
        assertThat(valid.session().handle()).isEqualTo(created.session().handle());
        assertThat(fixture().text(valid.session().attributes())).isEqualTo("10.0.0.1");
        assertThat(fixture().flag(valid.session().attributes())).isTrue();
        assertThat(valid.user().id()).isEqualTo(user("user-1"));
        assertThat(fixture().username(valid.user().attributes())).isEqualTo("ann");
        assertThat(stored(created.token())).isEqualTo(created.session().expiresAt());
    }

    @Test
    void validateSessionWithHalfTheLifetimeLeftRenewsItToAFullLifetime() {
        insertUser("user-1", "ann");
        NewSession<I, S> created = lucia().createSession(user("user-1"), none());
        clock.advance(Duration.ofDays(15));

        Session<I, S> renewed = lucia().validateSession(created.token()).orElseThrow().session();

        assertThat(renewed.fresh()).isTrue();
        assertThat(renewed.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(stored(created.token())).isEqualTo(renewed.expiresAt());
        assertThat(lucia().validateSession(created.token()).orElseThrow().session().fresh()).isFalse();
    }

    @Test
    void validateSessionJustBeforeExpiryRenewsIt() {
        insertUser("user-1", "ann");
        NewSession<I, S> created = lucia().createSession(user("user-1"), none());
        clock.set(created.session().expiresAt().minusMillis(1));

        Session<I, S> renewed = lucia().validateSession(created.token()).orElseThrow().session();

        assertThat(renewed.fresh()).isTrue();
        assertThat(stored(created.token()))
                .isEqualTo(created.session().expiresAt().minusMillis(1).plus(Duration.ofDays(30)));
    }

    @Test
    void validateSessionWhenExpiredDeletesIt() {
        insertUser("user-1", "ann");
        NewSession<I, S> created = lucia().createSession(user("user-1"), none());
        clock.set(created.session().expiresAt());

        assertThat(lucia().validateSession(created.token())).isEmpty();

        assertThat(adapter().getSessionAndUser(TokenStorage.HASHED.storageKey(created.token()))).isEmpty();
    }

    @Test
    void renewalThresholdSetsHowLittleLifetimeLeftTriggersRenewal() {
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = manager(settings -> settings.renewalThreshold(Duration.ofDays(1)));
        SessionToken token = lucia.createSession(user("user-1"), none()).token();

        clock.advance(Duration.ofDays(29).minusMillis(1));
        assertThat(lucia.validateSession(token).orElseThrow().session().fresh()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(lucia.validateSession(token).orElseThrow().session().fresh()).isTrue();
    }

    @Test
    void renewalThresholdZeroNeverRenewsAndTheSessionExpires() {
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = manager(settings -> settings.renewalThreshold(Duration.ZERO));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());

        clock.set(created.session().expiresAt().minusMillis(1));
        assertThat(lucia.validateSession(created.token()).orElseThrow().session().fresh()).isFalse();
        clock.set(created.session().expiresAt());
        assertThat(lucia.validateSession(created.token())).isEmpty();
    }

    @Test
    void sessionLifetimeSetsTheExpiry() {
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = manager(settings -> settings.sessionLifetime(Duration.ofHours(1)));

        NewSession<I, S> created = lucia.createSession(user("user-1"), none());

        assertThat(created.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(30));
        assertThat(lucia.validateSession(created.token()).orElseThrow().session().expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void getUserSessionsLeavesOutExpiredSessionsAndNamesEachByItsHandle() {
        insertUser("user-1", "ann");
        NewSession<I, S> old = lucia().createSession(user("user-1"), none());
        clock.advance(Duration.ofDays(20));
        NewSession<I, S> recent = lucia().createSession(user("user-1"), fixture().attributes("10.0.0.2", null));
        clock.advance(Duration.ofDays(10));

        assertThat(lucia().getUserSessions(user("user-1")))
                .singleElement()
                .satisfies(session -> assertThat(session.handle()).isEqualTo(recent.session().handle()))
                .satisfies(session -> assertThat(session.fresh()).isFalse())
                .satisfies(session -> assertThat(fixture().text(session.attributes())).isEqualTo("10.0.0.2"));
        assertThat(adapter().getSessionAndUser(TokenStorage.HASHED.storageKey(old.token()))).isPresent();
    }

    @Test
    void invalidateSessionDeletesOnlyThatSession() {
        insertUser("user-1", "ann");
        SessionToken first = lucia().createSession(user("user-1"), none()).token();
        SessionToken second = lucia().createSession(user("user-1"), none()).token();

        lucia().invalidateSession(first);

        assertThat(lucia().validateSession(first)).isEmpty();
        assertThat(lucia().validateSession(second)).isPresent();
    }

    @Test
    void invalidateSessionByHandleDeletesAnExpiredSessionOfThatUserToo() {
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = lucia();
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());
        Instant beforeExpiry = created.session().expiresAt().minusSeconds(1);
        clock.set(created.session().expiresAt().plusSeconds(1));

        assertThat(lucia.invalidateSession(user("user-1"), created.session().handle()))
                .as("README: true when the user had a session of that handle, expired or not").isTrue();
        clock.set(beforeExpiry);
        assertThat(lucia.validateSession(created.token())).as("deleted, not merely expired").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TokenStorage.class)
    void invalidateSessionByHandleRevokesThatSessionOfThatUserOnly(TokenStorage storage) {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        Manager<I, U, S> lucia = manager(settings -> settings.tokenStorage(storage));
        NewSession<I, S> phone = lucia.createSession(user("user-1"), none());
        NewSession<I, S> laptop = lucia.createSession(user("user-1"), none());
        NewSession<I, S> other = lucia.createSession(user("user-2"), none());
        SessionHandle phoneHandle = lucia.getUserSessions(user("user-1")).stream()
                .map(Session::handle).filter(phone.session().handle()::equals).findFirst().orElseThrow();

        assertThat(lucia.invalidateSession(user("user-1"), other.session().handle()))
                .as("another user's handle revokes nothing").isFalse();
        assertThat(lucia.invalidateSession(user("user-1"), phoneHandle)).isTrue();
        assertThat(lucia.invalidateSession(user("user-1"), phoneHandle)).isFalse();

        assertThat(lucia.validateSession(phone.token())).isEmpty();
        assertThat(lucia.validateSession(laptop.token())).isPresent();
        assertThat(lucia.validateSession(other.token())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(TokenStorage.class)
    void aHandleIsNoCredential(TokenStorage storage) {
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = manager(settings -> settings.tokenStorage(storage));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());

        SessionToken handleAsToken = SessionToken.of(created.session().handle().value());

        assertThat(lucia.validateSession(handleAsToken)).isEmpty();
        assertThat(lucia.validateSession(created.token())).isPresent();
    }

    @Test
    void invalidateUserSessionsDeletesAllOfTheUsersSessions() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        lucia().createSession(user("user-1"), none());
        lucia().createSession(user("user-1"), none());
        SessionToken other = lucia().createSession(user("user-2"), none()).token();

        lucia().invalidateUserSessions(user("user-1"));

        assertThat(lucia().getUserSessions(user("user-1"))).isEmpty();
        assertThat(lucia().validateSession(other)).isPresent();
    }

    @Test
    void deleteExpiredSessionsDeletesWhatTheSessionManagersClockSaysHasExpired() {
        insertUser("user-1", "ann");
        lucia().createSession(user("user-1"), none());
        clock.advance(Duration.ofDays(20));
        NewSession<I, S> live = lucia().createSession(user("user-1"), none());
        clock.advance(Duration.ofDays(10));

        assertThat(lucia().deleteExpiredSessions()).isEqualTo(1);
        assertThat(adapter().getUserSessions(user("user-1"))).extracting(DatabaseSession::id)
                .containsExactly(TokenStorage.HASHED.storageKey(live.token()));
    }

    @Test
    void badArgumentsAreRefusedWithTheArgumentNamedAndWriteNothing() {
        insertUser("user-1", "ann");
        NewSession<I, S> kept = lucia().createSession(user("user-1"), none());
        I user1 = user("user-1");
        S none = none();
        List<Object[]> calls = new java.util.ArrayList<>(List.of(
                bad("createSession(null, attributes)", lucia -> lucia.createSession(null, none), NullPointerException.class, "userId"),
                bad("createSession(userId, null)", lucia -> lucia.createSession(user1, null), NullPointerException.class, "attributes"),
                bad("createSession(userId, attributes setting the id)", lucia -> lucia.createSession(user1, fixture().attributesSettingTheId()), IllegalArgumentException.class, "attributes"),
                bad("createSession(userId, attributes, null)", lucia -> lucia.createSession(user1, none, null), NullPointerException.class, "token"),
                bad("validateSession(null)", lucia -> lucia.validateSession(null), NullPointerException.class, "token"),
                bad("getUserSessions(null)", lucia -> lucia.getUserSessions(null), NullPointerException.class, "userId"),
                bad("invalidateSession(null)", lucia -> lucia.invalidateSession(null), NullPointerException.class, "token"),
                bad("invalidateSession(userId, null)", lucia -> lucia.invalidateSession(user1, null), NullPointerException.class, "handle"),
                bad("invalidateUserSessions(null)", lucia -> lucia.invalidateUserSessions(null), NullPointerException.class, "userId"),
                bad("createSessionCookie(null)", lucia -> lucia.createSessionCookie(null), NullPointerException.class, "token")));
        if (user1 instanceof String) {
            calls.add(bad("createSession(\" \", attributes)", lucia -> lucia.createSession(textUserId(" "), none), IllegalArgumentException.class, "userId"));
            calls.add(bad("getUserSessions(\"\")", lucia -> lucia.getUserSessions(textUserId("")), IllegalArgumentException.class, "userId"));
        }

        for (Object[] call : calls) {
            @SuppressWarnings("unchecked")
            Consumer<Manager<I, U, S>> action = (Consumer<Manager<I, U, S>>) call[1];
            assertThatThrownBy(() -> action.accept(lucia())).as((String) call[0])
                    .isInstanceOf((Class<?>) call[2]).hasMessageContaining((String) call[3])
                    .hasMessageNotContaining("s3cr3t");
        }

        assertThat(adapter().getUserSessions(user1)).extracting(DatabaseSession::id)
                .containsExactly(TokenStorage.HASHED.storageKey(kept.token()));
        assertThat(stored(kept.token())).isEqualTo(kept.session().expiresAt());
    }

    @SuppressWarnings("unchecked")
    private I textUserId(String text) {
        return (I) text;
    }

    private Object[] bad(String call, Consumer<Manager<I, U, S>> action, Class<? extends Exception> type, String argument) {
        return new Object[] {call, action, type, argument};
    }

    /** An adapter through which each session is deleted (by "another request") right after it is read. */
    protected static final class InvalidatedAfterRead<I, U, S> implements Adapter<I, U, S> {

        private final Adapter<I, U, S> store;

        public InvalidatedAfterRead(Adapter<I, U, S> store) {
            this.store = store;
        }

        @Override
        public Optional<DatabaseSessionAndUser<I, U, S>> getSessionAndUser(String sessionId) {
            Optional<DatabaseSessionAndUser<I, U, S>> found = store.getSessionAndUser(sessionId);
            store.deleteSession(sessionId);
            return found;
        }

        @Override
        public List<DatabaseSession<I, S>> getUserSessions(I userId) {
            return store.getUserSessions(userId);
        }

        @Override
        public void setSession(DatabaseSession<I, S> session) {
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
        public void deleteUserSessions(I userId) {
            store.deleteUserSessions(userId);
        }

        @Override
        public long deleteExpiredSessions(Instant now) {
            return store.deleteExpiredSessions(now);
        }
    }

    @Test
    void validateSessionInvalidatedWhileBeingRenewedIsEmptyAndStaysDeleted() {
        insertUser("user-1", "ann");
        Manager<I, U, S> racing = managerRacingInvalidation();
        SessionToken token = racing.createSession(user("user-1"), none()).token();
        clock.advance(Duration.ofDays(16));

        assertThat(racing.validateSession(token)).isEmpty();

        assertThat(adapter().getSessionAndUser(TokenStorage.HASHED.storageKey(token))).isEmpty();
    }

    @Test
    void validateSessionInvalidatedWhileBeingReadWithoutRenewalIsStillTheReadSession() {
        insertUser("user-1", "ann");
        Manager<I, U, S> racing = managerRacingInvalidation();
        SessionToken token = racing.createSession(user("user-1"), none()).token();

        // Read before the sign-out committed: as valid as if the request had come a moment earlier.
        assertThat(racing.validateSession(token)).isPresent();
        assertThat(lucia().validateSession(token)).isEmpty();
    }
}
