package io.github.luciajooq.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.luciajooq.AtSessionLimit;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The session manager's policy, on a real adapter: creation, token storage, validation with sliding renewal,
 * expiry and invalidation, with the clock moved; and OWASP ASVS 5.0 V7's settings (absolute lifetime, renewal
 * interval, rotation, re-authentication, the limit per user). The tests of rotation and of the limit are skipped
 * for an adapter without those optional capabilities ({@link Adapter#rotateSession},
 * {@link Adapter#setSessionWithinLimit}). A subclass gives the adapter and its {@link Fixture}.
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

        Optional<NewSession<I, S>> rotateSession(SessionToken token);

        Optional<NewSession<I, S>> reauthenticated(SessionToken token);

        long invalidateOtherUserSessions(I userId, SessionToken current);

        boolean authenticatedWithin(Session<?, ?> session, Duration duration);
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

            @Override
            public Optional<NewSession<I, S>> rotateSession(SessionToken token) {
                return lucia.rotateSession(token);
            }

            @Override
            public Optional<NewSession<I, S>> reauthenticated(SessionToken token) {
                return lucia.reauthenticated(token);
            }

            @Override
            public long invalidateOtherUserSessions(I userId, SessionToken current) {
                return lucia.invalidateOtherUserSessions(userId, current);
            }

            @Override
            public boolean authenticatedWithin(Session<?, ?> session, Duration duration) {
                return lucia.authenticatedWithin(session, duration);
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

        @Override
        public boolean rotateSession(String sessionId, String newSessionId, Instant expiresAt,
                Instant authenticatedAt) {
            return store.rotateSession(sessionId, newSessionId, expiresAt, authenticatedAt);
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

    // OWASP ASVS 5.0 V7: two timeouts, bounded writes, rotation, re-authentication, other sessions, a limit.

    /** Whether the adapter keeps the authentication time: Lucia's tables and the in-memory store do. */
    /** Skips a test of rotation when the adapter does not implement that optional capability. */
    private void assumeRotation() {
        assumeTrue(Capabilities.rotates(adapter(), clock.instant()),
                "the adapter does not implement the optional rotateSession");
    }

    /** Skips a test of the limit per user when the adapter does not implement that optional capability. */
    private void assumeSessionLimit() {
        assumeTrue(Capabilities.limitsSessions(adapter(), user("no-such-user"), none(), clock.instant()),
                "the adapter does not implement the optional setSessionWithinLimit");
    }

    private boolean keepsAuthenticationTime() {
        insertUser("probe", "probe");
        SessionToken token = lucia().createSession(user("probe"), none()).token();
        boolean kept = lucia().validateSession(token).orElseThrow().session().authenticatedAt() != null;
        lucia().invalidateUserSessions(user("probe"));
        return kept;
    }

    private Manager<I, U, S> absolute(Duration absoluteLifetime, Duration inactivity) {
        return manager(settings -> settings.absoluteLifetime(absoluteLifetime).sessionLifetime(inactivity)
                .renewalInterval(Duration.ofMinutes(10)));
    }

    @Test
    void aRenewalCappedByTheAbsoluteLifetimeSetsACookieThatEndsWithTheSession() {
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = absolute(Duration.ofHours(8), Duration.ofHours(1));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());
        String cookie = "auth_session=" + created.token().value();
        Instant end = created.session().authenticatedAt().plus(Duration.ofHours(8));

        // Every 25 minutes a renewal: by the whole hour, until the absolute lifetime's end is nearer than that.
        Duration left;
        do {
            clock.advance(Duration.ofMinutes(25));
            left = Duration.between(clock.instant(), end);
            Duration maxAge = lucia.validateSessionCookies(cookie, false).setCookie().orElseThrow().attributes()
                    .maxAge();
            assertThat(maxAge).as("at %s", clock.instant())
                    .isEqualTo(left.compareTo(Duration.ofHours(1)) < 0 ? left : Duration.ofHours(1));
        } while (left.compareTo(Duration.ofHours(1)) >= 0);
    }

    @Test
    void createSessionRecordsTheAuthenticationTimeAsNow() {
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");

        NewSession<I, S> created = lucia().createSession(user("user-1"), none());

        assertThat(created.session().authenticatedAt()).isEqualTo(clock.instant());
        assertThat(lucia().validateSession(created.token()).orElseThrow().session().authenticatedAt())
                .isEqualTo(clock.instant());
    }

    @Test
    void validateSessionOneMillisecondBeforeTheAbsoluteLifetimeIsValidAndExactlyAtItIsEmptyAndDeleted() {
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = absolute(Duration.ofHours(8), Duration.ofHours(1));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());
        Instant end = created.session().authenticatedAt().plus(Duration.ofHours(8));

        // Active every 30 minutes: the inactivity timeout never ends it, the absolute lifetime does.
        while (clock.instant().plus(Duration.ofMinutes(30)).isBefore(end)) {
            clock.advance(Duration.ofMinutes(30));
            assertThat(lucia.validateSession(created.token())).as("at %s", clock.instant()).isPresent();
        }
        clock.set(end.minusMillis(1));
        assertThat(lucia.validateSession(created.token())).isPresent();
        clock.set(end);
        assertThat(lucia.validateSession(created.token())).isEmpty();
        assertThat(adapter().getSessionAndUser(TokenStorage.HASHED.storageKey(created.token()))).isEmpty();
    }

    @Test
    void renewalNeverExtendsTheExpiryPastTheAbsoluteLifetime() {
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = absolute(Duration.ofHours(8), Duration.ofHours(1));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());
        Instant end = created.session().authenticatedAt().plus(Duration.ofHours(8));

        for (int step = 1; step <= 14; step++) {
            clock.advance(Duration.ofMinutes(30));
            assertThat(lucia.validateSession(created.token())).isPresent();
        }
        assertThat(stored(created.token())).as("renewed up to the absolute lifetime, not past it").isEqualTo(end);

        // Capped: nothing left to extend, so validation writes nothing however often it runs.
        clock.advance(Duration.ofMinutes(20));
        Session<I, S> capped = lucia.validateSession(created.token()).orElseThrow().session();
        assertThat(capped.fresh()).isFalse();
        assertThat(capped.expiresAt()).isEqualTo(end);
        assertThat(lucia.getUserSessions(user("user-1"))).hasSize(1);
        clock.set(end);
        assertThat(lucia.getUserSessions(user("user-1"))).isEmpty();
    }

    @Test
    void theInactivityTimeoutEndsAnIdleSessionLongBeforeTheAbsoluteLifetime() {
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = absolute(Duration.ofHours(8), Duration.ofHours(1));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(lucia.validateSession(created.token())).isPresent();
        clock.set(stored(created.token()));
        assertThat(lucia.validateSession(created.token())).isEmpty();
    }

    @Test
    void whenBothTimeoutsFallOnTheSameInstantTheSessionEndsExactlyThen() {
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = absolute(Duration.ofHours(1), Duration.ofHours(1));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());
        assertThat(created.session().expiresAt()).isEqualTo(created.session().authenticatedAt().plus(Duration.ofHours(1)));

        clock.set(created.session().expiresAt().minusMillis(1));
        assertThat(lucia.validateSession(created.token())).isPresent();
        clock.set(created.session().expiresAt());
        assertThat(lucia.validateSession(created.token())).isEmpty();
    }

    @Test
    void anAbsoluteLifetimeRefusesSessionsWhoseAuthenticationTimeIsNotKept() {
        assumeTrue(!keepsAuthenticationTime(), "the session table keeps the authentication time");
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = absolute(Duration.ofHours(8), Duration.ofHours(1));
        SessionToken token = lucia.createSession(user("user-1"), none()).token();

        assertThat(lucia.validateSession(token)).as("cannot be shown to be within the limit").isEmpty();
        assertThat(lucia().validateSession(token)).as("deleted").isEmpty();
    }

    @Test
    void aRenewalIntervalWritesAtMostOncePerInterval() {
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = manager(settings -> settings.renewalInterval(Duration.ofHours(1)));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(lucia.validateSession(created.token()).orElseThrow().session().fresh()).isFalse();
        assertThat(stored(created.token())).isEqualTo(created.session().expiresAt());
        clock.advance(Duration.ofMillis(1));
        assertThat(lucia.validateSession(created.token()).orElseThrow().session().fresh()).isTrue();
        assertThat(stored(created.token())).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        clock.advance(Duration.ofMinutes(59));
        assertThat(lucia.validateSession(created.token()).orElseThrow().session().fresh()).isFalse();
    }

    @Test
    void rotateSessionGivesANewTokenAndEndsTheOldOneKeepingUserAttributesAndAuthenticationTime() {
        assumeRotation();
        boolean kept = keepsAuthenticationTime();
        insertUser("user-1", "ann");
        NewSession<I, S> created = lucia().createSession(user("user-1"), fixture().attributes("10.0.0.1", true));
        clock.advance(Duration.ofHours(3));

        NewSession<I, S> rotated = lucia().rotateSession(created.token()).orElseThrow();

        assertThat(rotated.token()).isNotEqualTo(created.token());
        assertThat(rotated.session().handle()).isEqualTo(SessionHandle.of(rotated.token()));
        assertThat(rotated.session().fresh()).isTrue();
        assertThat(rotated.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(lucia().validateSession(created.token())).isEmpty();
        Session<I, S> valid = lucia().validateSession(rotated.token()).orElseThrow().session();
        assertThat(valid.userId()).isEqualTo(user("user-1"));
        assertThat(fixture().text(valid.attributes())).isEqualTo("10.0.0.1");
        assertThat(fixture().flag(valid.attributes())).isTrue();
        Instant authenticatedAt = kept ? created.session().authenticatedAt() : null;
        assertThat(valid.authenticatedAt()).isEqualTo(authenticatedAt);
        assertThat(rotated.session().authenticatedAt()).isEqualTo(authenticatedAt);
        assertThat(lucia().getUserSessions(user("user-1"))).hasSize(1);
    }

    @Test
    void rotateSessionOfAnUnknownOrExpiredTokenIsEmpty() {
        assumeRotation();
        insertUser("user-1", "ann");
        SessionToken token = lucia().createSession(user("user-1"), none()).token();

        assertThat(lucia().rotateSession(SessionToken.of("no-such-token"))).isEmpty();
        clock.advance(Duration.ofDays(30));
        assertThat(lucia().rotateSession(token)).isEmpty();
        assertThat(adapter().getUserSessions(user("user-1"))).as("the expired session is deleted").isEmpty();
    }

    @Test
    void concurrentRotationsOfOneSessionLeaveExactlyOneValidToken() throws Exception {
        assumeRotation();
        insertUser("user-1", "ann");
        SessionToken token = lucia().createSession(user("user-1"), none()).token();
        Manager<I, U, S> lucia = lucia();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<NewSession<I, S>>>> results = new ArrayList<>();
            for (int index = 0; index < threads; index++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return lucia.rotateSession(token);
                }));
            }
            start.countDown();
            List<SessionToken> winners = new ArrayList<>();
            for (Future<Optional<NewSession<I, S>>> result : results) {
                result.get(60, TimeUnit.SECONDS).ifPresent(rotated -> winners.add(rotated.token()));
            }
            assertThat(winners).hasSize(1);
            assertThat(lucia.validateSession(winners.get(0))).isPresent();
            assertThat(lucia.validateSession(token)).isEmpty();
            assertThat(adapter().getUserSessions(user("user-1"))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRotationChainNeverLeavesTwoValidTokensNorNone() {
        assumeRotation();
        insertUser("user-1", "ann");
        SessionToken token = lucia().createSession(user("user-1"), none()).token();
        for (int index = 0; index < 20; index++) {
            SessionToken next = lucia().rotateSession(token).orElseThrow().token();
            assertThat(lucia().validateSession(token)).isEmpty();
            assertThat(lucia().validateSession(next)).isPresent();
            assertThat(adapter().getUserSessions(user("user-1"))).hasSize(1);
            token = next;
        }
    }

    @Test
    void reauthenticatedRecordsTheTimeRotatesAndAnswersAuthenticatedWithin() {
        assumeRotation();
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = lucia();
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());
        clock.advance(Duration.ofHours(2));
        Session<I, S> before = lucia.validateSession(created.token()).orElseThrow().session();
        assertThat(lucia.authenticatedWithin(before, Duration.ofMinutes(5))).isFalse();

        NewSession<I, S> again = lucia.reauthenticated(created.token()).orElseThrow();

        assertThat(again.session().authenticatedAt()).isEqualTo(clock.instant());
        assertThat(lucia.validateSession(created.token())).isEmpty();
        Session<I, S> after = lucia.validateSession(again.token()).orElseThrow().session();
        assertThat(after.authenticatedAt()).isEqualTo(clock.instant());
        assertThat(lucia.authenticatedWithin(after, Duration.ofMinutes(5))).isTrue();
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(lucia.authenticatedWithin(after, Duration.ofMinutes(5))).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(lucia.authenticatedWithin(after, Duration.ofMinutes(5))).as("exactly at the limit").isFalse();
    }

    @Test
    void reauthenticatedRestartsTheAbsoluteLifetime() {
        assumeRotation();
        assumeTrue(keepsAuthenticationTime(), "the session table has no authentication time");
        insertUser("user-1", "ann");
        Manager<I, U, S> lucia = absolute(Duration.ofHours(8), Duration.ofHours(8));
        NewSession<I, S> created = lucia.createSession(user("user-1"), none());
        clock.advance(Duration.ofHours(7));

        NewSession<I, S> again = lucia.reauthenticated(created.token()).orElseThrow();
        assertThat(again.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
        clock.advance(Duration.ofHours(7));

        assertThat(lucia.validateSession(again.token())).isPresent();
    }

    @Test
    void authenticatedWithinIsFalseWithoutAnAuthenticationTimeAndRefusesANegativeDuration() {
        insertUser("user-1", "ann");
        Session<I, S> listed = lucia().createSession(user("user-1"), none()).session();
        Session<I, S> unknown = new Session<>(listed.handle(), listed.userId(), listed.expiresAt(), false,
                listed.attributes());

        assertThat(lucia().authenticatedWithin(unknown, Duration.ofDays(365))).isFalse();
        assertThatThrownBy(() -> lucia().authenticatedWithin(listed, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
    }

    @Test
    void invalidateOtherUserSessionsKeepsOnlyTheCurrentSession() {
        insertUser("user-1", "ann");
        insertUser("user-2", "bob");
        SessionToken current = lucia().createSession(user("user-1"), none()).token();
        SessionToken laptop = lucia().createSession(user("user-1"), none()).token();
        SessionToken phone = lucia().createSession(user("user-1"), none()).token();
        SessionToken bobs = lucia().createSession(user("user-2"), none()).token();

        assertThat(lucia().invalidateOtherUserSessions(user("user-1"), current)).isEqualTo(2);

        assertThat(lucia().validateSession(current)).isPresent();
        assertThat(lucia().validateSession(laptop)).isEmpty();
        assertThat(lucia().validateSession(phone)).isEmpty();
        assertThat(lucia().validateSession(bobs)).isPresent();
    }

    @Test
    void aLimitThatRefusesNewSessionsThrowsAtTheLimitAndStoresNothing() {
        assumeSessionLimit();
        insertUser("user-1", "ann");
        Manager<I, U, S> limited = manager(settings -> settings.maxSessionsPerUser(2, AtSessionLimit.REFUSE_NEW));
        limited.createSession(user("user-1"), none());
        limited.createSession(user("user-1"), none());
        SessionToken third = SessionToken.of("third-s3cr3t-token");

        assertThatThrownBy(() -> limited.createSession(user("user-1"), none(), third))
                .isInstanceOfSatisfying(SessionStoreException.class, refused ->
                        assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.SESSION_LIMIT_REACHED))
                .hasMessageNotContaining("s3cr3t");
        assertThat(limited.validateSession(third)).isEmpty();
        assertThat(limited.getUserSessions(user("user-1"))).hasSize(2);

        clock.advance(Duration.ofDays(30));
        assertThat(limited.createSession(user("user-1"), none()).session().fresh())
                .as("expired sessions do not count").isTrue();
    }

    @Test
    void aLimitThatEndsTheOldestKeepsTheNewestSessions() {
        assumeSessionLimit();
        insertUser("user-1", "ann");
        Manager<I, U, S> limited = manager(settings -> settings.maxSessionsPerUser(2, AtSessionLimit.END_OLDEST));
        SessionToken first = limited.createSession(user("user-1"), none()).token();
        clock.advance(Duration.ofMinutes(1));
        SessionToken second = limited.createSession(user("user-1"), none()).token();
        clock.advance(Duration.ofMinutes(1));
        SessionToken third = limited.createSession(user("user-1"), none()).token();

        assertThat(limited.validateSession(first)).isEmpty();
        assertThat(limited.validateSession(second)).isPresent();
        assertThat(limited.validateSession(third)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(AtSessionLimit.class)
    void sixteenThreadsSigningInOneUserNeverPassTheLimit(AtSessionLimit atLimit) throws Exception {
        assumeSessionLimit();
        insertUser("user-1", "ann");
        int limit = 3;
        int threads = 16;
        Manager<I, U, S> limited = manager(settings -> settings.maxSessionsPerUser(limit, atLimit));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int index = 0; index < threads; index++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        limited.createSession(user("user-1"), none());
                        return true;
                    } catch (SessionStoreException refused) {
                        assertThat(refused.reason()).isEqualTo(SessionStoreException.Reason.SESSION_LIMIT_REACHED);
                        return false;
                    }
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Boolean> result : results) {
                created += result.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(created).isEqualTo(atLimit == AtSessionLimit.REFUSE_NEW ? limit : threads);
            assertThat(adapter().getUserSessions(user("user-1"))).hasSize(limit);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badPolicySettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> manager(settings -> settings.maxSessionsPerUser(0, AtSessionLimit.REFUSE_NEW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> manager(settings -> settings.absoluteLifetime(Duration.ofMillis(999))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absoluteLifetime");
        assertThatThrownBy(() -> manager(settings -> settings.renewalInterval(Duration.ofDays(31))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renewalInterval");
        assertThatThrownBy(() -> manager(settings -> settings.renewalInterval(Duration.ofHours(1))
                .renewalThreshold(Duration.ofDays(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renewalInterval");
        assertThatThrownBy(() -> lucia().rotateSession(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("token");
        assertThatThrownBy(() -> lucia().reauthenticated(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("token");
        assertThatThrownBy(() -> lucia().invalidateOtherUserSessions(user("user-1"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("current");
    }
}
