package io.github.luciajooq.testing;

import static io.github.luciajooq.testing.generated.Tables.APP_SESSION;
import static io.github.luciajooq.testing.generated.Tables.APP_USER;

import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.testing.generated.tables.records.AppSessionRecord;
import io.github.luciajooq.testing.generated.tables.records.AppUserRecord;
import io.github.luciajooq.testkit.Fixture;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The fixture of the tests' application tables with UUID user ids and column names of its own: {@code app_user}
 * ({@code user_id}) and {@code app_session} ({@code token}, {@code owner}, {@code valid_until}), through the classes
 * jOOQ generated from them. The text attribute is {@code label}, the flag {@code remembered}.
 */
public final class AppFixture implements Fixture<UUID, AppUserRecord, AppSessionRecord> {

    /** The tables as an application declares them. */
    public static final GeneratedTables<UUID, AppUserRecord, AppSessionRecord> TABLES = GeneratedTables
            .of(APP_USER.USER_ID, APP_SESSION.TOKEN, APP_SESSION.OWNER, APP_SESSION.VALID_UNTIL)
            .withUserColumns(APP_USER.USERNAME)
            .withSessionColumns(APP_SESSION.LABEL, APP_SESSION.REMEMBERED);

    private final DSLContext dsl;

    /** @param dsl where users are added */
    public AppFixture(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insertUser(String name, String username) {
        dsl.insertInto(APP_USER).set(APP_USER.USER_ID, userId(name)).set(APP_USER.USERNAME, username).execute();
    }

    @Override
    public UUID userId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public AppSessionRecord attributes(String text, Boolean flag) {
        return new AppSessionRecord().setLabel(text).setRemembered(flag);
    }

    @Override
    public String text(AppSessionRecord attributes) {
        return attributes.getLabel();
    }

    @Override
    public Boolean flag(AppSessionRecord attributes) {
        return attributes.getRemembered();
    }

    @Override
    public String username(AppUserRecord attributes) {
        return attributes.getUsername();
    }

    @Override
    public Optional<AppSessionRecord> attributesWithUnknownColumn() {
        return Optional.empty();
    }

    @Override
    public AppSessionRecord attributesSettingTheId() {
        return new AppSessionRecord().setToken("s3cr3t");
    }
}
