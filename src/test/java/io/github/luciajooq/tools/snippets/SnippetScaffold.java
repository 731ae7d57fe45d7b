package io.github.luciajooq.tools.snippets;

import static io.github.luciajooq.testing.generated.Tables.SESSIONS;
import static io.github.luciajooq.testing.generated.Tables.USERS;

import com.zaxxer.hikari.HikariConfig;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.http.Cookie;
import io.github.luciajooq.NewSession;
import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.testing.TestDatabase;
import io.github.luciajooq.testing.generated.tables.records.SessionsRecord;
import io.github.luciajooq.testing.generated.tables.records.UsersRecord;
import io.github.luciajooq.token.SessionToken;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's application, which its Java snippets take as given: each snippet is compiled as the body of a method
 * (or as members) of a subclass, so these names are in scope. Tables {@code USERS} and {@code SESSIONS} and their
 * records are generated from the tests' changelog ({@code test-6-readme-tables}). For a snippet marked
 * {@code run}, {@link #prepare} fills them on a test database: a signed-up user with a session whose cookie the
 * request carries, and the handle of another of that user's sessions as the request's {@code handle} parameter.
 */
public abstract class SnippetScaffold {

    protected DataSource dataSource;
    protected DSLContext dsl;
    protected GeneratedTables<UUID, UsersRecord, SessionsRecord> tables;
    /** The Drivers section's name for {@link #tables}. */
    protected GeneratedTables<UUID, UsersRecord, SessionsRecord> TABLES;
    protected PostgresAdapter<UUID, UsersRecord, SessionsRecord> adapter;
    protected Lucia<UUID, UsersRecord, SessionsRecord> lucia;
    protected UUID userId;
    protected String username;
    protected String ip;
    protected SessionToken token;
    protected HttpServletRequest request;
    protected HttpServletResponse response;
    /** The request's method, for the framework-neutral cycle. */
    protected String method;
    protected Clock clock;
    protected HikariConfig config;
    protected Connection connection;
    protected ConnectionFactory connectionFactory;
    protected Logger log = LoggerFactory.getLogger(SnippetScaffold.class);

    /** What the response was given: "name: value" per header, in order. */
    protected final List<String> responseHeaders = new ArrayList<>();
    private final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, String> requestParameters = new TreeMap<>();

    /** The snippet: a method body, or nothing for snippets of members. */
    public abstract void snippet() throws Exception;

    /** A request header, for the framework-neutral cycle. */
    protected String header(String name) {
        return request.getHeader(name);
    }

    /** The application's page of "your devices". */
    protected void render(String handle, String ip, Instant expiresAt) {
        responseHeaders.add("rendered: " + handle + " " + ip + " " + expiresAt);
    }

    /** The application's sign-up: a user, inserted on the context given. */
    protected UUID signUp(DSLContext dsl) {
        return dsl.insertInto(USERS).set(USERS.USERNAME, "snippet-" + UUID.randomUUID())
                .returning(USERS.ID).fetchOne().getId();
    }

    /** Fills the names on this database, for a snippet that runs. */
    public void prepare(TestDatabase database) throws SQLException {
        dataSource = database.dataSource();
        dsl = database.dsl();
        tables = GeneratedTables.of(USERS.ID, SESSIONS.ID, SESSIONS.USER_ID, SESSIONS.EXPIRES_AT)
                .withUserColumns(USERS.USERNAME)
                .withSessionColumns(SESSIONS.IP, SESSIONS.COUNTRY);
        TABLES = tables;
        adapter = PostgresAdapter.create(dsl, tables);
        clock = Clock.systemUTC();
        lucia = Lucia.builder(adapter).clock(clock).build();
        username = "ann-" + UUID.randomUUID();
        ip = "203.0.113.7";
        userId = signUp(dsl);
        NewSession<UUID, SessionsRecord> signedIn = lucia.createSession(userId, new SessionsRecord().setIp(ip));
        token = signedIn.token();
        NewSession<UUID, SessionsRecord> otherDevice = lucia.createSession(userId, new SessionsRecord());
        method = "GET";
        Cookie cookie = lucia.createSessionCookie(token);
        requestHeaders.put("Cookie", cookie.name() + "=" + cookie.value());
        requestHeaders.put("Sec-Fetch-Mode", "navigate");
        requestHeaders.put("Accept", "text/html");
        requestParameters.put("handle", otherDevice.session().handle().value());
        request = standIn(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getHeader" -> requestHeaders.get((String) args[0]);
            case "getParameter" -> requestParameters.get((String) args[0]);
            case "getRemoteAddr" -> ip;
            case "getMethod" -> method;
            default -> throw new UnsupportedOperationException("the snippets' request has no " + name);
        });
        response = standIn(HttpServletResponse.class, (name, args) -> switch (name) {
            case "addHeader", "setHeader" -> {
                responseHeaders.add(args[0] + ": " + args[1]);
                yield null;
            }
            default -> throw new UnsupportedOperationException("the snippets' response has no " + name);
        });
        config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        connection = database.unpooledDataSource().getConnection();
        connectionFactory = database.connectionFactory();
    }

    /** Closes what {@link #prepare} opened. */
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    /** A plain stand-in for a servlet container's request or response: only the methods the README calls. */
    private static <T> T standIn(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) ->
                switch (called.getName()) {
                    case "toString" -> "the snippets' " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> answer.answer(called.getName(), args == null ? new Object[0] : args);
                }));
    }
}
