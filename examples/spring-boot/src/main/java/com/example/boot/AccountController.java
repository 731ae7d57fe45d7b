package com.example.boot;

import static com.example.boot.db.Tables.APP_USER;

import com.example.boot.db.tables.records.AppSessionRecord;
import com.example.boot.db.tables.records.AppUserRecord;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.Session;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.User;
import io.github.luciajooq.servlet.SessionFilter;
import io.github.luciajooq.spring.web.SignedIn;
import io.github.luciajooq.token.SessionHandle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The example's pages: sign up, sign in, the account's page with its sessions, revoking one, signing out everywhere.
 * Signing out here is Spring Security's logout ({@code POST /sign-out}), which the starter makes end the session.
 * The starter's {@code SessionFilter} has validated each request's session (renewing or clearing its cookie) before
 * Spring Security and this controller see it; Spring Security checks the CSRF token of every POST.
 */
@Controller
class AccountController {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_-]{3,31}");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Spring Security's default: bcrypt, with the algorithm's name stored in front of each hash. */
    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /**
     * Verified for an unknown username, so that signing in costs the same hashing whether or not the username
     * exists: the response time does not tell which usernames do.
     */
    private static final String UNKNOWN_USER_HASH = PASSWORDS.encode(UUID.randomUUID().toString());

    /** One row of the devices table. */
    record Device(String name, String ip, String expires, String handle, boolean current) {}

    private final DSLContext dsl;
    private final Lucia<UUID, AppUserRecord, AppSessionRecord> lucia;
    private final SessionFilter<UUID, AppUserRecord, AppSessionRecord> sessions;

    AccountController(DSLContext dsl, Lucia<UUID, AppUserRecord, AppSessionRecord> lucia,
            SessionFilter<UUID, AppUserRecord, AppSessionRecord> sessions) {
        this.dsl = dsl;
        this.lucia = lucia;
        this.sessions = sessions;
    }

    @GetMapping("/")
    ModelAndView home(@SignedIn SessionAndUser<UUID, AppUserRecord, AppSessionRecord> signedIn) {
        List<Device> devices = lucia.getUserSessions(signedIn.user().id()).stream()
                .map(session -> device(session, session.handle().equals(signedIn.session().handle())))
                .toList();
        return new ModelAndView("home",
                Map.of("username", signedIn.user().attributes().getUsername(), "devices", devices));
    }

    @PostMapping("/sign-in")
    ModelAndView signIn(@RequestParam String username, @RequestParam String password,
            @RequestHeader(name = "User-Agent", required = false) String userAgent, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<AppUserRecord> account =
                dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional();
        boolean matches =
                PASSWORDS.matches(password, account.map(AppUserRecord::getPasswordHash).orElse(UNKNOWN_USER_HASH));
        if (account.isEmpty() || !matches) {
            return page("sign-in", HttpStatus.UNAUTHORIZED, "Wrong username or password.", username);
        }
        if (sessions.sessionAndUser(request).isPresent()) {
            sessions.signOut(request, response);    // a sign-in ends the request's previous session, never keeps it
        }
        sessions.signIn(response, lucia.createSession(account.get().getId(), attributes(request, userAgent)));
        return new ModelAndView("redirect:/");
    }

    @GetMapping("/sign-in")
    ModelAndView signInPage(@SignedIn Optional<User<UUID, AppUserRecord>> user) {
        return user.isPresent() ? new ModelAndView("redirect:/") : page("sign-in", HttpStatus.OK, null, "");
    }

    @GetMapping("/sign-up")
    ModelAndView signUpPage() {
        return page("sign-up", HttpStatus.OK, null, "");
    }

    /** The account and its first session in one transaction: a failure after the insert takes both back. */
    @PostMapping("/sign-up")
    @Transactional
    public ModelAndView signUp(@RequestParam String username, @RequestParam String password,
            @RequestHeader(name = "User-Agent", required = false) String userAgent, HttpServletRequest request,
            HttpServletResponse response) {
        if (!USERNAME.matcher(username).matches()) {
            return page("sign-up", HttpStatus.BAD_REQUEST, "A username has 3 to 31 of a-z, 0-9, - and _.", username);
        }
        // bcrypt reads 72 bytes at most, and Spring Security's encoder throws past them (a 500, not a message).
        if (password.length() < 8 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return page("sign-up", HttpStatus.BAD_REQUEST,
                    "A password has 8 to 72 characters (72 bytes: fewer outside ASCII).", username);
        }
        Optional<UUID> userId = dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, PASSWORDS.encode(password))
                .onConflict(APP_USER.USERNAME).doNothing()
                .returning(APP_USER.ID)
                .fetchOptional(APP_USER.ID);
        if (userId.isEmpty()) {
            return page("sign-up", HttpStatus.CONFLICT, "That username is taken.", username);
        }
        if (sessions.sessionAndUser(request).isPresent()) {
            sessions.signOut(request, response);    // another account's session, ended as at sign-in
        }
        sessions.signIn(response, lucia.createSession(userId.get(), attributes(request, userAgent)));
        return new ModelAndView("redirect:/");
    }

    @PostMapping("/sessions/revoke")
    String revoke(@AuthenticationPrincipal User<UUID, AppUserRecord> user, @RequestParam String handle) {
        SessionHandle.parse(handle).ifPresent(session -> lucia.invalidateSession(user.id(), session));
        return "redirect:/";
    }

    /** Every session of the account ends; this browser's cookie is cleared on its next request, by the filter. */
    @PostMapping("/sign-out-everywhere")
    String signOutEverywhere(@AuthenticationPrincipal User<UUID, AppUserRecord> user) {
        lucia.invalidateUserSessions(user.id());
        return "redirect:/sign-in";
    }

    private static AppSessionRecord attributes(HttpServletRequest request, String userAgent) {
        return new AppSessionRecord().setIp(request.getRemoteAddr()).setUserAgent(userAgent);
    }

    private static Device device(Session<UUID, AppSessionRecord> session, boolean current) {
        String userAgent = session.attributes().getUserAgent();
        return new Device(userAgent == null || userAgent.isBlank() ? "Unknown device" : userAgent,
                session.attributes().getIp(), EXPIRY.format(session.expiresAt()), session.handle().value(), current);
    }

    private static ModelAndView page(String view, HttpStatus status, String error, String username) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("username", username);
        if (error != null) {
            page.addObject("error", error);
        }
        return page;
    }
}
