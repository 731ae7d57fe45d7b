package io.github.luciajooq.postgresql;

import static io.github.luciajooq.testing.generated.Tables.APP_SESSION;
import static io.github.luciajooq.testing.generated.Tables.COUNTED_SESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.luciajooq.testing.AppFixture;
import io.github.luciajooq.testing.generated.tables.records.AppSessionRecord;
import java.time.OffsetDateTime;
import org.jooq.TableField;
import org.junit.jupiter.api.Test;

/** The optional authentication time column: which columns the tables take for it, and which they refuse. */
class AuthenticationTimeColumnTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TableField<AppSessionRecord, OffsetDateTime> unchecked(TableField<?, ?> column) {
        return (TableField) column;
    }

    @Test
    void generatedTablesRefuseAnAuthenticationTimeThatIsTheExpiryAnotherTablesOrNotATimestampNamingIt() {
        assertThatThrownBy(() -> AppFixture.TABLES.withAuthenticatedAt(APP_SESSION.VALID_UNTIL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authenticatedAt")
                .hasMessageContaining("valid_until");
        assertThatThrownBy(() -> AppFixture.TABLES.withAuthenticatedAt(unchecked(COUNTED_SESSION.EXPIRES_AT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authenticatedAt")
                .hasMessageContaining("counted_session.expires_at");
        assertThatThrownBy(() -> AppFixture.TABLES.withAuthenticatedAt(unchecked(APP_SESSION.LABEL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TIMESTAMP WITH TIME ZONE")
                .hasMessageContaining("label");
    }

    @Test
    void namedTablesNeverTakeTheAuthenticationTimeAsAnAttributeToo() {
        NamedTables tables = NamedTables.of("auth_user", "user_session");

        assertThatThrownBy(() -> tables.withAuthenticatedAt().withSessionColumns("authenticated_at"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authenticated_at");
        assertThatThrownBy(() -> tables.withSessionColumns("authenticated_at").withAuthenticatedAt())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authenticated_at");
        assertThat(tables.withSessionColumns("authenticated_at").toString()).doesNotContain("withAuthenticatedAt");
        assertThat(tables.withAuthenticatedAt().withSessionColumns("ip").toString()).contains("withAuthenticatedAt");
    }
}
