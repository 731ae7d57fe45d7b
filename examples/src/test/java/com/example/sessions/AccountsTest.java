package com.example.sessions;

import static com.example.sessions.db.Tables.AUTH_USER;
import static com.example.sessions.db.Tables.USER_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.sessions.db.tables.records.AuthUserRecord;
import com.example.sessions.db.tables.records.UserSessionRecord;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.password.PasswordHashingAlgorithm;
import io.github.luciajooq.password.Scrypt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example application on a real PostgreSQL, migrated by its own changelog at start-up. */
class AccountsTest {

    private static final Accounts.Device PHONE = new Accounts.Device("203.0.113.7", "Firefox on Android");
    private static DemoDatabase database;
    private static Application application;

    @BeforeAll
    static void start() throws IOException {
        database = DemoDatabase.forTests();
        application = Application.start(database.pool());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void noAccounts() {
        application.dsl().deleteFrom(AUTH_USER).execute();
    }

    private static String cookieHeader(NewSession<String, UserSessionRecord> session) {
        String setCookie = application.accounts().sessionCookie(session.token()).serialize();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void aNewAccountIsSignedInAndRecognisedByItsCookieAsTheApplicationsOwnRecords() {
        NewSession<String, UserSessionRecord> session = application.accounts().signUp("ann", "correct horse", PHONE)
                .orElseThrow();

        SessionAndUser<String, AuthUserRecord, UserSessionRecord> valid =
                application.accounts().authenticate(cookieHeader(session)).orElseThrow();

        assertThat(valid.user().attributes().getUsername()).isEqualTo("ann");
        assertThat(valid.user().attributes().getPasswordHash()).as("not read on every request").isNull();
        assertThat(valid.session().attributes().getIp()).isEqualTo("203.0.113.7");
        assertThat(valid.session().attributes().getUserAgent()).isEqualTo("Firefox on Android");
    }

    @Test
    void aSignUpThatFailsAfterSigningInLeavesNeitherAccountNorSession() {
        assertThatThrownBy(() -> application.dsl().transaction(() -> {
            application.accounts().signUpInCurrentTransaction("bob", "secret", PHONE).orElseThrow();
            throw new IllegalStateException("the welcome e-mail could not be queued");
        })).hasMessageContaining("welcome e-mail");

        assertThat(application.dsl().fetchCount(AUTH_USER)).isZero();
        assertThat(application.dsl().fetchCount(USER_SESSION)).as("Lucia joined the transaction").isZero();
    }

    @Test
    void signInTakesTheRightPasswordOnlyAndATakenUsernameIsRefused() {
        application.accounts().signUp("ann", "correct horse", PHONE).orElseThrow();

        assertThat(application.accounts().signUp("ann", "another", PHONE)).isEmpty();
        assertThat(application.accounts().signIn("ann", "wrong horse", PHONE)).isEmpty();
        assertThat(application.accounts().signIn("nobody", "correct horse", PHONE)).isEmpty();
        assertThat(application.accounts().signIn("ann", "correct horse", PHONE)).isPresent();
        assertThat(application.dsl().fetchCount(USER_SESSION)).isEqualTo(2);
    }

    @Test
    void signingOutAndDeletingTheAccountEndTheSessions() {
        NewSession<String, UserSessionRecord> first = application.accounts().signUp("ann", "pw", PHONE).orElseThrow();
        NewSession<String, UserSessionRecord> second = application.accounts().signIn("ann", "pw", PHONE).orElseThrow();

        application.accounts().signOut(first.token());
        assertThat(application.accounts().authenticate(cookieHeader(first))).isEmpty();
        assertThat(application.accounts().authenticate(cookieHeader(second))).isPresent();

        application.accounts().deleteAccount(second.session().userId());
        assertThat(application.accounts().authenticate(cookieHeader(second))).isEmpty();
        assertThat(application.dsl().fetchCount(USER_SESSION)).isZero();
    }

    @Test
    void signingInAsAnUnknownUserVerifiesAPasswordHashAsAKnownUserDoes() {
        List<String> verified = new ArrayList<>();
        PasswordHashingAlgorithm scrypt = Scrypt.create();
        Accounts counted = new Accounts(application.dsl(), application.lucia(), new PasswordHashingAlgorithm() {
            @Override
            public String hash(String password) {
                return scrypt.hash(password);
            }

            @Override
            public boolean verify(String hash, String password) {
                verified.add(hash);
                return scrypt.verify(hash, password);
            }
        });
        counted.signUp("ann", "correct horse", PHONE).orElseThrow();

        assertThat(counted.signIn("ann", "wrong horse", PHONE)).isEmpty();
        assertThat(counted.signIn("nobody", "wrong horse", PHONE)).isEmpty();

        assertThat(verified).hasSize(2);
        assertThat(verified.get(1)).as("a real scrypt hash, of the same form, not the account's")
                .hasSameSizeAs(verified.get(0)).contains(":").isNotEqualTo(verified.get(0));
    }
}
