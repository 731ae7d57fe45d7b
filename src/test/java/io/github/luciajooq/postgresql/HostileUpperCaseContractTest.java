package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.conf.RenderNameCase;
import org.junit.jupiter.api.Test;

/**
 * The contract on the application's hostile context ({@link HostileSettings}) with upper-cased, unquoted names,
 * on schema-qualified tables whose names need quotes.
 */
class HostileUpperCaseContractTest extends PostgresContract {

    private final HostileSettings hostile = new HostileSettings();

    @Override
    protected TableNames tableNames() {
        return TableNames.of("Auth.Users", "Auth.user");
    }

    @Override
    protected DSLContext applicationDsl() {
        return hostile.dsl(database.dataSource(), RenderNameCase.UPPER);
    }

    @Test
    void theApplicationsExecuteListenersSeeTheAdaptersStatements() {
        insertUser("user-1", "ann");
        hostile.statementsSeen.clear();

        adapter().setSession(new io.github.luciajooq.DatabaseSession("s", "user-1", clock.instant().plusSeconds(60), Map.of()));
        adapter().getSessionAndUser("s");
        adapter().deleteExpiredSessions();

        assertThat(hostile.statementsSeen).hasSize(3);
        assertThat(hostile.statementsSeen).allSatisfy(sql -> assertThat(sql).contains("\"Auth\"."));
    }
}
