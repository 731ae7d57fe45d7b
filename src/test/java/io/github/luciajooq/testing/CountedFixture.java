package io.github.luciajooq.testing;

import static io.github.luciajooq.testing.generated.Tables.COUNTED_SESSION;
import static io.github.luciajooq.testing.generated.Tables.COUNTED_USER;

import io.github.luciajooq.postgresql.GeneratedTables;
import io.github.luciajooq.testing.generated.tables.records.CountedSessionRecord;
import io.github.luciajooq.testing.generated.tables.records.CountedUserRecord;
import io.github.luciajooq.testkit.Fixture;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * The fixture of the tests' application tables with {@code BIGINT} identity user ids and Lucia's column names:
 * {@code counted_user} and {@code counted_session}, through the classes jOOQ generated from them. The text attribute
 * is {@code label}, the flag {@code remembered}. User names map to ids from 1000 up, in the order first used.
 */
public final class CountedFixture implements Fixture<Long, CountedUserRecord, CountedSessionRecord> {

    /** The tables as an application declares them. */
    public static final GeneratedTables<Long, CountedUserRecord, CountedSessionRecord> TABLES = GeneratedTables
            .of(COUNTED_USER.ID, COUNTED_SESSION.ID, COUNTED_SESSION.USER_ID, COUNTED_SESSION.EXPIRES_AT)
            .withUserColumns(COUNTED_USER.USERNAME)
            .withSessionColumns(COUNTED_SESSION.LABEL, COUNTED_SESSION.REMEMBERED);

    private final DSLContext dsl;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    /** @param dsl where users are added */
    public CountedFixture(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insertUser(String name, String username) {
        dsl.insertInto(COUNTED_USER).set(COUNTED_USER.ID, userId(name)).set(COUNTED_USER.USERNAME, username).execute();
    }

    @Override
    public Long userId(String name) {
        return ids.computeIfAbsent(name, unused -> 1000L + ids.size());
    }

    @Override
    public CountedSessionRecord attributes(String text, Boolean flag) {
        return new CountedSessionRecord().setLabel(text).setRemembered(flag);
    }

    @Override
    public String text(CountedSessionRecord attributes) {
        return attributes.getLabel();
    }

    @Override
    public Boolean flag(CountedSessionRecord attributes) {
        return attributes.getRemembered();
    }

    @Override
    public String username(CountedUserRecord attributes) {
        return attributes.getUsername();
    }

    @Override
    public Optional<CountedSessionRecord> attributesWithUnknownColumn() {
        return Optional.empty();
    }

    @Override
    public CountedSessionRecord attributesSettingTheId() {
        return new CountedSessionRecord().setId("s3cr3t");
    }
}
