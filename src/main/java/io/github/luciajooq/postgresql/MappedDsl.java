package io.github.luciajooq.postgresql;

import static io.github.luciajooq.postgresql.internal.generated.Tables.AUTH_USER;
import static io.github.luciajooq.postgresql.internal.generated.Tables.USER_SESSION;

import io.github.luciajooq.postgresql.internal.generated.Public;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.MappedTable;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Derives, from the user's {@link DSLContext}, the one the adapter runs its queries on: the same connection
 * provider, transaction provider and listeners, with the few settings that decide which table a query reaches
 * forced, so that the user's own settings can neither send a query to another table nor break one.
 */
final class MappedDsl {

    private MappedDsl() {}

    static DSLContext derive(DSLContext dsl, TableNames names) {
        SQLDialect dialect = dsl.dialect();
        if (dialect.family() != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException(
                    "dsl must use SQLDialect.POSTGRES for the PostgreSQL adapter, it uses " + dialect);
        }
        Settings settings = ((Settings) dsl.settings().clone())
                // Every identifier quoted and kept as written: names reach SQL exactly as given, never unquoted.
                .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
                .withRenderNameCase(RenderNameCase.AS_IS)
                // Unqualified names are found through search_path, as in Lucia's adapter.
                .withRenderSchema(names.schema() != null)
                .withRenderCatalog(false)
                .withRenderMapping(mapping(names))
                // A user's row limit must not cut a user's session list short.
                .withMaxRows(0);
        return DSL.using(dsl.configuration().derive(settings));
    }

    private static RenderMapping mapping(TableNames names) {
        MappedSchema schema = new MappedSchema()
                .withInput(Public.PUBLIC.getName())
                .withTables(
                        new MappedTable().withInput(AUTH_USER.getName()).withOutput(names.userTable()),
                        new MappedTable().withInput(USER_SESSION.getName()).withOutput(names.sessionTable()));
        if (names.schema() != null) {
            schema.setOutput(names.schema());
        }
        return new RenderMapping().withSchemata(schema);
    }
}
