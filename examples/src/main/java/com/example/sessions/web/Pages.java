package com.example.sessions.web;

import static com.example.sessions.web.Html.escape;

import com.example.sessions.db.tables.records.UserSessionRecord;
import io.github.luciajooq.Session;
import io.github.luciajooq.token.SessionHandle;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The demo's pages, as HTML. Every text a user or a browser supplied is escaped. */
final class Pages {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Pages() {}

    static String signIn(String error, String username, boolean ended) {
        String notice = ended
                ? "<p class=\"notice\" id=\"ended\">Your session has ended: it was signed out from another device,"
                        + " or it expired. Sign in again.</p>"
                : "";
        return Html.page("Sign in", """
                <h1>Sign in</h1>
                <p class="muted">lucia-jooq demo: sessions in PostgreSQL, through jOOQ.</p>
                %s%s
                <form method="post" action="/sign-in">
                  <label for="username">Username</label>
                  <input id="username" name="username" type="text" value="%s" autocomplete="username" required>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <div><button id="submit" type="submit">Sign in</button></div>
                </form>
                <p>No account yet? <a id="sign-up-link" href="/sign-up">Sign up</a></p>
                """.formatted(notice, error(error), escape(username)));
    }

    /** The 403 of a form another site sent: what happened, and the way back. */
    static String refused() {
        return Html.page("Request refused", """
                <h1>Request refused</h1>
                <p>This request came from a page of another site, so the demo did not carry it out. Nothing changed.</p>
                <p><a id="back" href="/">Back to the demo</a></p>
                """);
    }

    static String signUp(String error, String username) {
        return Html.page("Sign up", """
                <h1>Sign up</h1>
                %s
                <form method="post" action="/sign-up">
                  <label for="username">Username (3 to 31 of a-z, 0-9, - and _)</label>
                  <input id="username" name="username" type="text" value="%s" autocomplete="username" required>
                  <label for="password">Password (8 to 255 characters)</label>
                  <input id="password" name="password" type="password" autocomplete="new-password" required>
                  <div><button id="submit" type="submit">Sign up</button></div>
                </form>
                <p>Have an account? <a href="/sign-in">Sign in</a></p>
                """.formatted(error(error), escape(username)));
    }

    static String home(String username, List<Session<String, UserSessionRecord>> sessions, SessionHandle current) {
        StringBuilder rows = new StringBuilder();
        for (Session<String, UserSessionRecord> session : sessions) {
            boolean thisDevice = session.handle().equals(current);
            rows.append("""
                    <tr class="session">
                      <td>%s%s</td>
                      <td>%s</td>
                      <td>%s</td>
                      <td>%s</td>
                    </tr>
                    """.formatted(escape(Devices.describe(session.attributes().getUserAgent())),
                    thisDevice ? " <span class=\"this-device\">(this device)</span>" : "",
                    escape(session.attributes().getIp()), EXPIRY.format(session.expiresAt()),
                    thisDevice ? "" : """
                            <form class="inline" method="post" action="/sessions/revoke">\
                            <input type="hidden" name="handle" value="%s">\
                            <button class="revoke" type="submit">Sign out %s</button></form>"""
                            .formatted(escape(session.handle().value()),
                                    escape(Devices.describe(session.attributes().getUserAgent())))));
        }
        return Html.page("Your account", """
                <h1>Signed in as <span id="username">%s</span></h1>
                <p class="muted">Your sessions: each device you signed in on, until it signs out or expires.</p>
                <table>
                  <thead><tr><th>Device</th><th>IP address</th><th>Expires</th><th></th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                <div class="actions">
                  <form class="inline" method="post" action="/sign-out">
                    <button id="sign-out" type="submit">Sign out</button></form>
                  <form class="inline" method="post" action="/sign-out-everywhere">
                    <button id="sign-out-everywhere" type="submit">Sign out everywhere</button></form>
                </div>
                """.formatted(escape(username), rows));
    }

    private static String error(String error) {
        return error == null ? "" : "<p class=\"error\" id=\"error\">" + escape(error) + "</p>";
    }
}
