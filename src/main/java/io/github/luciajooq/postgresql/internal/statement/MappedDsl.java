package io.github.luciajooq.postgresql.internal.statement;

import static io.github.luciajooq.postgresql.internal.generated.tables.LuciaAuthUser.AUTH_USER;
import static io.github.luciajooq.postgresql.internal.generated.tables.LuciaUserSession.USER_SESSION;

import io.github.luciajooq.postgresql.internal.generated.LuciaPublic;
import io.r2dbc.spi.ConnectionFactory;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
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
 * Derives, from the application's {@link DSLContext}, the one the adapter runs its statements on. It starts from
 * settings the adapter chooses and keeps only an allow-list of the application's: its connection provider, R2DBC
 * connection factory, transaction provider and transaction and execute listeners (so the adapter joins the
 * application's transactions, and its logging and metrics see the adapter's statements), and the settings query
 * timeout, fetch size and execute logging. Nothing else of the application's configuration can change the
 * adapter's SQL, now or in a later jOOQ release: not its name rendering, render mapping, statement type or
 * parameter inlining, converter or record mapper providers, nor visit listeners that rewrite queries.
 * <p>
 * Every statement is a prepared statement with indexed bind values: a session id, which may come from a client
 * and is a credential, never becomes part of SQL text (logs, {@code pg_stat_activity}, error messages), and SQL
 * text never depends on {@code standard_conforming_strings}.
 */
public final class MappedDsl {

    private MappedDsl() {}

    /**
     * @param mapping the adapter's own render mapping of the tables, or {@code null} for none
     * @param renderSchema whether tables render with their schema
     */
    static DSLContext derive(DSLContext dsl, RenderMapping mapping, boolean renderSchema) {
        Configuration application = dsl.configuration();
        return DSL.using(configuration(application, settings(application.settings(), mapping, renderSchema)));
    }

    /**
     * The adapter's configuration on the application's (or a transaction's) connections, listeners and providers,
     * with the adapter's settings: cheap enough to make for each transaction.
     *
     * @throws IllegalArgumentException when the dialect is not PostgreSQL's
     */
    public static Configuration configuration(Configuration application, Settings settings) {
        SQLDialect dialect = application.dialect();
        if (dialect.family() != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException(
                    "dsl must use SQLDialect.POSTGRES for the PostgreSQL adapter, it uses " + dialect);
        }
        Configuration derived = new DefaultConfiguration()
                .set(dialect)
                .set(settings)
                .set(application.connectionProvider())
                .set(application.transactionProvider())
                .set(application.executeListenerProviders())
                .set(application.transactionListenerProviders());
        ConnectionFactory connectionFactory = application.connectionFactory();
        if (connectionFactory != null) {
            derived = derived.set(connectionFactory);
        }
        return derived;
    }

    /** The adapter's settings, keeping the application's query timeout, fetch size and execute logging. */
    static Settings settings(Settings kept, RenderMapping mapping, boolean renderSchema) {
        return new Settings()
                .withStatementType(StatementType.PREPARED_STATEMENT)
                .withParamType(ParamType.INDEXED)
                // Every identifier quoted and kept as written: names reach SQL exactly as given, never unquoted.
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withRenderTable(RenderTable.ALWAYS)
                // Unqualified names are found through search_path, as in Lucia's adapter.
                .withRenderSchema(renderSchema)
                .withRenderCatalog(false)
                .withRenderMapping(mapping)
                .withQueryTimeout(kept.getQueryTimeout())
                .withFetchSize(kept.getFetchSize())
                .withExecuteLogging(kept.isExecuteLogging())
                .withExecuteLoggingSQLExceptions(kept.isExecuteLoggingSQLExceptions());
    }

    /**
     * The render mapping that sends lucia-jooq's generated tables to these names.
     *
     * @param schema the tables' schema, or {@code null} for the search path
     * @param userTable the user table's own name
     * @param sessionTable the session table's own name
     */
    public static RenderMapping mapping(String schema, String userTable, String sessionTable) {
        MappedSchema mapped = new MappedSchema()
                .withInput(LuciaPublic.PUBLIC.getName())
                .withTables(
                        new MappedTable().withInput(AUTH_USER.getName()).withOutput(userTable),
                        new MappedTable().withInput(USER_SESSION.getName()).withOutput(sessionTable));
        if (schema != null) {
            mapped.setOutput(schema);
        }
        return new RenderMapping().withSchemata(mapped);
    }
}
