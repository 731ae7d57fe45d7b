package io.github.luciajooq.postgresql;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jooq.Converter;
import org.jooq.ConverterProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.MappedTable;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultConverterProvider;

/**
 * An application's {@link DSLContext} with every setting that could send the adapter's queries elsewhere or
 * break them (the Java counterpart of Lucia's warning about ORMs that change how the driver parses types), and an
 * {@link ExecuteListener} of the application's own that records what it sees.
 */
final class HostileSettings {

    final List<String> statementsSeen = new CopyOnWriteArrayList<>();

    DSLContext dsl(DataSource dataSource, RenderNameCase nameCase) {
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderNameCase(nameCase)
                .withStatementType(StatementType.STATIC_STATEMENT)
                .withRenderSchema(false)
                .withMaxRows(1)
                // The application's own mapping: its "public" tables live elsewhere, under other names.
                .withRenderMapping(new RenderMapping()
                        .withDefaultSchema("public")
                        .withSchemata(new MappedSchema()
                                .withInput("public")
                                .withOutput("application_schema")
                                .withTables(
                                        new MappedTable().withInput("user_session").withOutput("app_sessions"),
                                        new MappedTable().withInput("auth_user").withOutput("app_users"))));
        return DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(SQLDialect.POSTGRES)
                .set(settings)
                .set(new LocalTimeConverters())
                .set(ExecuteListener.onExecuteStart(context -> statementsSeen.add(context.sql()))));
    }

    /** The application reads every TIMESTAMPTZ as a LocalDateTime in its own zone, and would have us do so. */
    private static final class LocalTimeConverters implements ConverterProvider {

        private final ConverterProvider defaults = new DefaultConverterProvider();

        @SuppressWarnings("unchecked")
        @Override
        public <T, U> Converter<T, U> provide(Class<T> databaseType, Class<U> userType) {
            if (databaseType == OffsetDateTime.class && userType == Object.class) {
                return (Converter<T, U>) Converter.ofNullable(OffsetDateTime.class, Object.class,
                        timestamp -> timestamp.atZoneSameInstant(ZoneId.of("Pacific/Kiritimati")).toLocalDateTime(),
                        local -> ((LocalDateTime) local).atZone(ZoneId.of("Pacific/Kiritimati")).toOffsetDateTime());
            }
            return defaults.provide(databaseType, userType);
        }
    }
}
