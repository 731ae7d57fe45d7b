package com.example.sessions.web;

import com.example.sessions.Accounts;
import com.example.sessions.db.tables.records.AuthUserRecord;
import com.example.sessions.db.tables.records.UserSessionRecord;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.SessionAndUser;
import io.github.luciajooq.http.RequestHeaders;
import io.github.luciajooq.servlet.SessionFilter;
import io.github.luciajooq.token.SessionHandle;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The demo's routes: sign up, sign in, the account's page with its sessions, revoking one, signing out here or
 * everywhere. The {@link SessionFilter} in front of it has already validated the session, renewed or cleared the
 * cookie, and refused state-changing requests from other origins.
 */
final class AccountServlet extends HttpServlet {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_-]{3,31}");

    private final Accounts accounts;
    private final SessionFilter<String, AuthUserRecord, UserSessionRecord> sessions;

    AccountServlet(Accounts accounts, SessionFilter<String, AuthUserRecord, UserSessionRecord> sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if ("OPTIONS".equals(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
            return;
        }
        Optional<SessionAndUser<String, AuthUserRecord, UserSessionRecord>> signedIn = sessions.sessionAndUser(request);
        // HEAD is GET without the body, which the container leaves out.
        String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        switch (method + " " + request.getRequestURI()) {
            case "GET /" -> {
                if (signedIn.isEmpty()) {
                    // A session cookie that is no session: signed out on another device, or expired. Say so.
                    boolean ended = RequestHeaders.hasCookie(request.getHeader("Cookie"), accounts.sessionCookieName());
                    redirect(response, ended ? "/sign-in?ended" : "/sign-in");
                } else {
                    SessionAndUser<String, AuthUserRecord, UserSessionRecord> current = signedIn.get();
                    html(response, 200, Pages.home(current.user().attributes().getUsername(),
                            accounts.sessions(current.user().id()), current.session().handle()));
                }
            }
            case "GET /sign-in" -> {
                if (signedIn.isPresent()) {
                    redirect(response, "/");
                } else {
                    html(response, 200, Pages.signIn(null, "", request.getParameter("ended") != null));
                }
            }
            case "GET /sign-up" -> html(response, 200, Pages.signUp(null, ""));
            case "POST /sign-in" -> signIn(request, response);
            case "POST /sign-up" -> signUp(request, response);
            case "POST /sign-out" -> {
                sessions.signOut(request, response);
                redirect(response, "/sign-in");
            }
            case "POST /sign-out-everywhere" -> {
                signedIn.ifPresent(current -> accounts.signOutEverywhere(current.user().id()));
                sessions.signOut(request, response);
                redirect(response, "/sign-in");
            }
            case "POST /sessions/revoke" -> {
                signedIn.ifPresent(current -> SessionHandle.parse(request.getParameter("handle"))
                        .ifPresent(handle -> accounts.revoke(current.user().id(), handle)));
                redirect(response, signedIn.isPresent() ? "/" : "/sign-in");
            }
            default -> html(response, 404, Html.page("Not found", "<h1>Not found</h1><p><a href=\"/\">Home</a></p>"));
        }
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = orEmpty(request.getParameter("username"));
        Optional<NewSession<String, UserSessionRecord>> created =
                accounts.signIn(username, orEmpty(request.getParameter("password")), device(request));
        if (created.isEmpty()) {
            html(response, 401, Pages.signIn("Wrong username or password.", username, false));
            return;
        }
        sessions.signIn(response, created.get());
        redirect(response, "/");
    }

    private void signUp(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = orEmpty(request.getParameter("username"));
        String password = orEmpty(request.getParameter("password"));
        if (!USERNAME.matcher(username).matches()) {
            html(response, 400, Pages.signUp("A username has 3 to 31 of a-z, 0-9, - and _.", username));
            return;
        }
        if (password.length() < 8 || password.length() > 255) {
            html(response, 400, Pages.signUp("A password has 8 to 255 characters.", username));
            return;
        }
        Optional<NewSession<String, UserSessionRecord>> created = accounts.signUp(username, password, device(request));
        if (created.isEmpty()) {
            html(response, 409, Pages.signUp("That username is taken.", username));
            return;
        }
        sessions.signIn(response, created.get());
        redirect(response, "/");
    }

    private static Accounts.Device device(HttpServletRequest request) {
        return new Accounts.Device(Addresses.display(request.getRemoteAddr()), request.getHeader("User-Agent"));
    }

    private static String orEmpty(String parameter) {
        return parameter == null ? "" : parameter;
    }

    private static void redirect(HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path);
    }

    private static void html(HttpServletResponse response, int status, String page) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page);
    }
}
