package io.github.luciajooq.codegen;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies a changelog with Liquibase, finding files in the search path's directories first, then on the class path.
 * The first place that has a file wins, as on a Java class path: a build's own output directory is on the plugin's
 * class path too, and from the second build on holds a copy of every changelog in {@code src/main/resources}, which
 * Liquibase's own composite would refuse as a duplicate.
 */
final class Changelogs {

    /** Kept, so that the level set on it is not lost to garbage collection. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    private Changelogs() {}

    static void apply(Connection connection, String changeLogFile, List<File> searchPath) {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(Map.of(
                    Scope.Attr.resourceAccessor.name(), resources(searchPath),
                    Scope.Attr.ui.name(), new LoggerUIService()),
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changeLogFile)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute());
        } catch (Exception e) {
            throw new IllegalStateException("applying " + changeLogFile + " (search path " + searchPath
                    + ", then the class path) failed: " + e.getMessage(), e);
        }
    }

    private static ResourceAccessor resources(List<File> searchPath) throws FileNotFoundException {
        List<ResourceAccessor> accessors = new ArrayList<>();
        for (File directory : searchPath) {
            if (!directory.isDirectory()) {
                throw new IllegalArgumentException("searchPath names " + directory + ", which is not a directory");
            }
            accessors.add(new DirectoryResourceAccessor(directory));
        }
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        accessors.add(new ClassLoaderResourceAccessor(classLoader != null ? classLoader : Changelogs.class.getClassLoader()));
        return new FirstFound(accessors);
    }

    /** Each path from the first accessor that has it; searches (for {@code includeAll}) still see every accessor. */
    private static final class FirstFound extends CompositeResourceAccessor {

        FirstFound(List<ResourceAccessor> accessors) {
            super(accessors);
        }

        @Override
        public List<Resource> getAll(String path) throws IOException {
            List<Resource> all = super.getAll(path);
            return all == null || all.isEmpty() ? all : List.of(all.get(0));
        }
    }
}
