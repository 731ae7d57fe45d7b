package com.example.sessions;

import static com.example.sessions.db.Tables.AUTH_USER;
import static com.example.sessions.db.Tables.USER_SESSION;

import com.example.sessions.db.tables.records.AuthUserRecord;
import com.example.sessions.db.tables.records.UserSessionRecord;
import io.github.luciajooq.Lucia;
import io.github.luciajooq.password.Scrypt;
import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.postgresql.PostgresAdapter;
import java.sql.Connection;
import java.time.Clock;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;

/**
 * The application's wiring: its database migrated at start-up, one {@link DSLContext} whose transactions are
 * thread-bound ({@link ThreadLocalTransactionProvider}), and one {@link Lucia} for the whole application, on the
 * application's own generated classes. Every query of the application and of Lucia inside
 * {@code dsl.transaction(() -> ...)} runs in that transaction.
 */
public final class Application {

    /** Lucia's tables, as the application's generated classes name them, and the columns it reads. */
    static final GeneratedTables<String, AuthUserRecord, UserSessionRecord> TABLES = GeneratedTables
            .of(AUTH_USER.ID, USER_SESSION.ID, USER_SESSION.USER_ID, USER_SESSION.EXPIRES_AT)
            .withUserColumns(AUTH_USER.USERNAME)
            .withSessionColumns(USER_SESSION.IP, USER_SESSION.USER_AGENT);

    private final DSLContext dsl;
    private final Lucia<String, AuthUserRecord, UserSessionRecord> lucia;
    private final Accounts accounts;

    private Application(DSLContext dsl, Lucia<String, AuthUserRecord, UserSessionRecord> lucia, Accounts accounts) {
        this.dsl = dsl;
        this.lucia = lucia;
        this.accounts = accounts;
    }

    /** Migrates the database behind this data source and wires the application on it. */
    public static Application start(DataSource dataSource) {
        return start(dataSource, Clock.systemUTC());
    }

    /** {@link #start(DataSource)}, with the clock sessions expire by (the tests move it). */
    public static Application start(DataSource dataSource, Clock clock) {
        migrate(dataSource);
        DSLContext dsl = DSL.using(new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource))));
        Lucia<String, AuthUserRecord, UserSessionRecord> lucia = Lucia.builder(PostgresAdapter.create(dsl, TABLES))
                .clock(clock)
                .secure(false) // the example runs on plain HTTP; keep the default in production
                .build();
        return new Application(dsl, lucia, new Accounts(dsl, lucia, Scrypt.create()));
    }

    /** Applies db/changelog.xml from the class path: the same path the code generator read it under. */
    private static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(),
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "db/changelog.xml")
                            .execute());
        } catch (Exception failed) {
            throw new IllegalStateException("migrating the database failed", failed);
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The application-wide session manager. */
    public Lucia<String, AuthUserRecord, UserSessionRecord> lucia() {
        return lucia;
    }
}
