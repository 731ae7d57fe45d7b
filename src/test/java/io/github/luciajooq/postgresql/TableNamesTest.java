package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableNamesTest {

    @Test
    void defaultIsLuciasNames() {
        assertThat(TableNames.DEFAULT).isEqualTo(TableNames.of("auth_user", "user_session"));
        assertThat(TableNames.DEFAULT.schema()).isNull();
    }

    @Test
    void aQualifiedNameSplitsIntoSchemaAndTable() {
        TableNames names = TableNames.of("auth.Users", "auth.user sessions");

        assertThat(names.schema()).isEqualTo("auth");
        assertThat(names.userTable()).isEqualTo("Users");
        assertThat(names.sessionTable()).isEqualTo("user sessions");
    }

    @Test
    void namesNeedingQuotesAreAccepted() {
        TableNames names = TableNames.of("user", "Select Sessions?{0}");

        assertThat(names.userTable()).isEqualTo("user");
        assertThat(names.sessionTable()).isEqualTo("Select Sessions?{0}");
    }

    @Test
    void aNameWithADoubleQuoteIsRefusedSayingWhatToPassInstead() {
        // What jOOQ's AUTH_USER.getQualifiedName().toString() gives.
        assertThatThrownBy(() -> TableNames.of("\"public\".\"auth_user\"", "user_session"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user contains a double quote")
                .hasMessageContaining("without quotes")
                .hasMessageContaining("TableNames.of(USERS, SESSIONS)");
    }

    @Test
    void jooqNamesAndTablesGiveTheirPartsAsWritten() {
        assertThat(TableNames.of(DSL.name("Auth", "Users"), DSL.name("Auth", "user sessions")))
                .isEqualTo(TableNames.of("Auth.Users", "Auth.user sessions"));
        assertThat(TableNames.of(DSL.table(DSL.name("public", "app_user")), DSL.table(DSL.name("public", "app_session"))))
                .isEqualTo(TableNames.of("public.app_user", "public.app_session"));
        assertThat(TableNames.of(io.github.luciajooq.testing.generated.Tables.APP_USER,
                io.github.luciajooq.testing.generated.Tables.APP_SESSION))
                .isEqualTo(TableNames.of("public.app_user", "public.app_session"));
        assertThatThrownBy(() -> TableNames.of(DSL.name("a.b", "users"), DSL.name("sessions")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user has a part with a dot");
    }

    @Test
    void aNameOfSixtyThreeBytesIsAcceptedAndOneMoreIsNot() {
        String longest = "s".repeat(63);
        assertThat(TableNames.of("users", longest).sessionTable()).isEqualTo(longest);
        // 32 two-byte characters: 64 bytes, though only 32 characters.
        assertThatThrownBy(() -> TableNames.of("users", "\u00fc".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session")
                .hasMessageContaining("63 bytes");
    }

    @ParameterizedTest(name = "user [{0}], session [{1}]")
    @CsvSource(delimiter = '|', value = {
        "''              | user_session      | user",
        "auth_user       | ''                | session",
        "auth_user       | .sessions         | session",
        "auth_user.      | auth.sessions     | user",
        "a.b.c           | a.sessions        | user",
        "' auth_user'    | user_session      | user",
        "auth_user       | 'user_session '   | session",
        "auth_user       | 'user\nsession'   | session",
        "users           | users             | both name",
        "auth.users      | auth.users        | both name",
        "auth.users      | sessions          | same schema",
        "users           | auth.sessions     | same schema",
        "auth.users      | other.sessions    | same schema",
    })
    void unsafeNamesAreRefusedNamingTheArgument(String user, String session, String message) {
        assertThatThrownBy(() -> TableNames.of(user, session))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void nullNamesAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> TableNames.of(null, "s")).isInstanceOf(NullPointerException.class).hasMessage("user");
        assertThatThrownBy(() -> TableNames.of("u", null)).isInstanceOf(NullPointerException.class).hasMessage("session");
    }

    @Test
    void aNulCharacterIsRefused() {
        assertThatThrownBy(() -> TableNames.of("users", "user\u0000session"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session contains a control character");
    }

    @Test
    void controlCharactersAreShownEscapedInTheMessage() {
        assertThatThrownBy(() -> TableNames.of("users", "a\u001bb"))
                .hasMessageContaining("a\\u001bb")
                .hasMessageNotContaining("\u001b");
    }
}
