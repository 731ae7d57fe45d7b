package io.github.luciajooq.postgresql;

import io.github.luciajooq.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.Converter;
import org.jooq.ConverterProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.VisitListener;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.MappedTable;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.RenderTable;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * An application's {@link DSLContext} with every setting that could send the adapter's queries elsewhere, break
 * them or put values into SQL text (the Java counterpart of Lucia's warning about ORMs that change how the driver
 * parses types), on connections with {@code standard_conforming_strings=off}, where an inlined {@code \'} ends a
 * string literal; and an {@link ExecuteListener} of the application's own that records what it sees.
 * <p>
 * Its converter provider and visit listener count the times jOOQ consults them, so that a test can show that
 * they are live for the application's own queries (and would corrupt the adapter's, were they kept).
 */
final class HostileSettings {

    final List<String> statementsSeen = new CopyOnWriteArrayList<>();
    final AtomicInteger converterLookups = new AtomicInteger();
    final AtomicInteger tablesRewritten = new AtomicInteger();

    DSLContext dsl(TestDatabase database, RenderNameCase nameCase) {
        DataSource dataSource = database.dataSource("-c standard_conforming_strings=off");
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderNameCase(nameCase)
                .withRenderTable(RenderTable.NEVER)
                .withStatementType(StatementType.STATIC_STATEMENT)
                .withParamType(ParamType.INLINED)
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
                .set(new ShiftingConverters())
                .set(VisitListener.onVisitStart(context -> {
                    // The application sends every query about "decoy" to its own table of that name.
                    if (context.queryPart() instanceof Table<?> table && table.getName().equals("decoy")) {
                        tablesRewritten.incrementAndGet();
                        context.queryPart(DSL.table(DSL.name("app_decoy")));
                    }
                }))
                .set(ExecuteListener.onExecuteStart(context -> statementsSeen.add(context.sql()))));
    }

    /**
     * The application reads every TIMESTAMPTZ it converts as an hour later, and every text reversed: jOOQ consults
     * it whenever a value is read or converted into another Java type ({@code get(field, type)}, {@code into}).
     */
    private final class ShiftingConverters implements ConverterProvider {

        @SuppressWarnings("unchecked")
        @Override
        public <T, U> Converter<T, U> provide(Class<T> databaseType, Class<U> userType) {
            converterLookups.incrementAndGet();
            if (databaseType == OffsetDateTime.class) {
                return (Converter<T, U>) Converter.ofNullable(OffsetDateTime.class, OffsetDateTime.class,
                        timestamp -> timestamp.plusHours(1), timestamp -> timestamp.minusHours(1));
            }
            if (databaseType == String.class && userType == String.class) {
                return (Converter<T, U>) Converter.ofNullable(String.class, String.class,
                        text -> new StringBuilder(text).reverse().toString(),
                        text -> new StringBuilder(text).reverse().toString());
            }
            return null;
        }
    }
}
