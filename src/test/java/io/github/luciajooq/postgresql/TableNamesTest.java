package io.github.luciajooq.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        TableNames names = TableNames.of("user", "Select \"quoted\" Sessions");

        assertThat(names.userTable()).isEqualTo("user");
        assertThat(names.sessionTable()).isEqualTo("Select \"quoted\" Sessions");
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
