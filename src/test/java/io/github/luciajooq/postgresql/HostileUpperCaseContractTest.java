package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.spi.DatabaseSession;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.conf.RenderNameCase;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The contract on the application's hostile context ({@link HostileSettings}) with upper-cased, unquoted names,
 * on schema-qualified tables whose names need quotes.
 */
class HostileUpperCaseContractTest extends NamedContract {

    private final HostileSettings hostile = new HostileSettings();

    @Override
    protected TableNames tableNames() {
        return TableNames.of("Auth.Users", "Auth.user");
    }

    @Override
    protected DSLContext applicationDsl() {
        return hostile.dsl(database, RenderNameCase.UPPER);
    }

    @Test
    void theApplicationsExecuteListenersSeeTheAdaptersStatementsWithBindMarkersOnly() {
        fixture().insertUser("user-1", "ann");
        // The first insert also reads the foreign key's name from the catalog, once, and the first clean-up whether
        // the session table is partitioned.
        adapter().setSession(new DatabaseSession<>("earlier", "user-1", clock.instant().plusSeconds(60), Map.of()));
        adapter().deleteExpiredSessions(clock.instant());
        hostile.statementsSeen.clear();

        adapter().setSession(new DatabaseSession<>("s3cr3t-id", "user-1", clock.instant().plusSeconds(60),
                Map.of("ip", "10.0.0.1")));
        adapter().getSessionAndUser("s3cr3t-id");
        adapter().updateSessionExpiration("s3cr3t-id", clock.instant().plusSeconds(120));
        adapter().deleteExpiredSessions(clock.instant());

        assertThat(hostile.statementsSeen).hasSize(4).allSatisfy(sql -> assertThat(sql)
                .contains("\"Auth\".")
                .contains("?")
                .doesNotContain("s3cr3t-id")
                .doesNotContain("10.0.0.1"));
    }

    @Test
    void theApplicationsConverterProviderAndVisitListenerAreLiveButNeverTouchTheAdaptersQueries() {
        fixture().insertUser("user-1", "ann");
        database.execute("CREATE TABLE app_decoy (id INTEGER)");
        DSLContext application = applicationDsl();
        OffsetDateTime noon = OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

        // The application's own queries go through both.
        assertThat(application.select(DSL.inline(noon)).fetchOne().get(0, OffsetDateTime.class))
                .isEqualTo(noon.plusHours(1));
        assertThat(application.fetchCount(DSL.table(DSL.name("decoy")))).isZero();
        assertThat(hostile.converterLookups).hasPositiveValue();
        assertThat(hostile.tablesRewritten).hasPositiveValue();

        int lookups = hostile.converterLookups.get();
        int rewritten = hostile.tablesRewritten.get();
        Instant expiresAt = clock.instant().plusSeconds(60);
        adapter().setSession(new DatabaseSession<>("s", "user-1", expiresAt, Map.of("ip", "10.0.0.1")));

        DatabaseSession<String, Map<String, Object>> read = adapter().getSessionAndUser("s").orElseThrow().session();
        assertThat(read).isEqualTo(new DatabaseSession<>("s", "user-1", expiresAt, read.attributes()));
        assertThat(read.attributes()).containsEntry("ip", "10.0.0.1");
        assertThat(adapter().getUserSessions("user-1")).extracting(DatabaseSession::expiresAt).containsExactly(expiresAt);
        assertThat(hostile.converterLookups).hasValue(lookups);
        assertThat(hostile.tablesRewritten).hasValue(rewritten);
    }
}
