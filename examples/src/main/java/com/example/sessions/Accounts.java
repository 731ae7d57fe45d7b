package com.example.sessions;

import static com.example.sessions.db.Tables.AUTH_USER;

import com.example.sessions.db.tables.records.AuthUserRecord;
import com.example.sessions.db.tables.records.UserSessionRecord;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.Session;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.password.PasswordHashingAlgorithm;
import io.github.luciajooq.token.Ids;
import io.github.luciajooq.token.SessionHandle;
import io.github.luciajooq.token.SessionToken;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Accounts and their sessions: sign up, sign in, recognise a request, sign out, delete an account. Each operation
 * that writes runs in one transaction of the application's, which the application-wide {@link Lucia} joins.
 */
public final class Accounts {

    /** Where a session was opened from, kept with it for a "your devices" page. */
    public record Device(String ip, String userAgent) {}

    private final DSLContext dsl;
    private final Lucia<String, AuthUserRecord, UserSessionRecord> lucia;
    private final PasswordHashingAlgorithm passwords;
    /**
     * A hash no password matches in practice, verified for an unknown username so that signing in costs the same
     * hashing whether or not the username exists: the response time does not tell which usernames do.
     */
    private final String unknownUserHash;

    Accounts(DSLContext dsl, Lucia<String, AuthUserRecord, UserSessionRecord> lucia, PasswordHashingAlgorithm passwords) {
        this.dsl = dsl;
        this.lucia = lucia;
        this.passwords = passwords;
        this.unknownUserHash = passwords.hash(SessionToken.generate().value());
    }

    /**
     * Creates an account and signs it in, in one transaction: a failure after the account's insert takes the
     * session with it, and the reverse.
     *
     * @return the new session, or empty when the username is taken
     */
    public Optional<NewSession<String, UserSessionRecord>> signUp(String username, String password, Device device) {
        return dsl.transactionResult(() -> signUpInCurrentTransaction(username, password, device));
    }

    /** {@link #signUp} inside a transaction the caller runs on this application's {@code dsl}. */
    public Optional<NewSession<String, UserSessionRecord>> signUpInCurrentTransaction(String username, String password,
            Device device) {
        String userId = Ids.generateId(15);
        int inserted = dsl.insertInto(AUTH_USER)
                .set(AUTH_USER.ID, userId)
                .set(AUTH_USER.USERNAME, username)
                .set(AUTH_USER.PASSWORD_HASH, passwords.hash(password))
                .onConflict(AUTH_USER.USERNAME).doNothing()
                .execute();
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(lucia.createSession(userId, attributes(device)));
    }

    /**
     * Signs an account in; empty for an unknown username or a wrong password, alike, and at the same cost: an
     * unknown username has a password hash verified too.
     */
    public Optional<NewSession<String, UserSessionRecord>> signIn(String username, String password, Device device) {
        Objects.requireNonNull(password, "password");
        Optional<AuthUserRecord> account = dsl.selectFrom(AUTH_USER).where(AUTH_USER.USERNAME.eq(username)).fetchOptional();
        boolean matches = passwords.verify(account.map(AuthUserRecord::getPasswordHash).orElse(unknownUserHash), password);
        if (account.isEmpty() || !matches) {
            return Optional.empty();
        }
        return Optional.of(lucia.createSession(account.get().getId(), attributes(device)));
    }

    /** The session and account of a request's {@code Cookie} header, when it carries a valid session. */
    public Optional<SessionAndUser<String, AuthUserRecord, UserSessionRecord>> authenticate(String cookieHeader) {
        return lucia.readSessionCookie(cookieHeader).flatMap(lucia::validateSession);
    }

    /** The cookie that carries a session to the browser. */
    public Cookie sessionCookie(SessionToken token) {
        return lucia.createSessionCookie(token);
    }

    /** The session cookie's name. */
    public String sessionCookieName() {
        return lucia.sessionCookieName();
    }

    public void signOut(SessionToken token) {
        lucia.invalidateSession(token);
    }

    /** The account's live sessions, for a "your devices" page: each with its handle, never its token. */
    public List<Session<String, UserSessionRecord>> sessions(String userId) {
        return lucia.getUserSessions(userId);
    }

    /** Signs out one of the account's sessions; {@code false} when the handle names none of its sessions. */
    public boolean revoke(String userId, SessionHandle handle) {
        return lucia.invalidateSession(userId, handle);
    }

    /** Signs out every session of the account, on every device. */
    public void signOutEverywhere(String userId) {
        lucia.invalidateUserSessions(userId);
    }

    /** Deletes an account; its sessions go with it (the application's changelog cascades the foreign key). */
    public void deleteAccount(String userId) {
        dsl.deleteFrom(AUTH_USER).where(AUTH_USER.ID.eq(userId)).execute();
    }

    private static UserSessionRecord attributes(Device device) {
        return new UserSessionRecord().setIp(device.ip()).setUserAgent(device.userAgent());
    }
}
