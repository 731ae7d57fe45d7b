package io.github.luciajooq.testing;

import java.sql.Connection;
import javax.sql.DataSource;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ui.LoggerUIService;

/** Applies lucia-jooq's changelog the way a user's Liquibase does: from the classpath, as the jar ships it. */
public final class Migrations {

    /** Where the changelog is on the classpath (and so inside the jar). */
    public static final String CHANGELOG = "db/lucia-jooq/changelog.xml";
    /** The tests' master changelog: lucia-jooq's, then the tests' application tables. */
    public static final String TEST_CHANGELOG = "db/test-changelog.xml";

    /** Kept, so that the level set on it is not lost to garbage collection. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    private Migrations() {}

    /** Applies {@link #CHANGELOG} to the database behind this data source. */
    public static void apply(DataSource dataSource) {
        apply(dataSource, CHANGELOG);
    }

    /** Applies a changelog from the classpath to the database behind this data source. */
    public static void apply(DataSource dataSource, String changelog) {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            // Liquibase's progress goes to its (quietened) log, not to standard output.
            Scope.child(Scope.Attr.ui.name(), new LoggerUIService(), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
        } catch (Exception e) {
            throw new IllegalStateException("applying " + changelog + " failed", e);
        }
    }
}
