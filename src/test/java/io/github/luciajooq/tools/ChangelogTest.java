package io.github.luciajooq.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.luciajooq.testing.Migrations;
import io.github.luciajooq.testing.PostgresServer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The changelog as users include it: from the classpath, in their own master changelog. */
class ChangelogTest {

    private final PostgresServer server = PostgresServer.shared();
    private String database;
    private DataSource dataSource;
    private DSLContext dsl;

    @BeforeEach
    void createEmptyDatabase() {
        database = server.createDatabase(null);
        dataSource = server.dataSource(database);
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @AfterEach
    void dropDatabase() {
        server.dropDatabase(database);
    }

    private java.util.List<String> texts(String sql) {
        return dsl.fetch(sql).getValues(0, String.class);
    }

    @Test
    void aMasterChangelogIncludesItFromTheClasspathAndAddsItsOwnColumns() {
        Migrations.apply(dataSource, "db/application-changelog.xml");

        assertThat(texts("SELECT column_name || ' ' || data_type || ' ' || is_nullable"
                + " FROM information_schema.columns WHERE table_name = 'user_session' ORDER BY ordinal_position"))
                .containsExactly("id text NO", "expires_at timestamp with time zone NO", "user_id text NO",
                        "authenticated_at timestamp with time zone NO");
        assertThat(texts("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'auth_user' ORDER BY ordinal_position"))
                .containsExactly("id", "username");
        assertThat(texts("SELECT indexdef FROM pg_indexes WHERE tablename = 'user_session' ORDER BY indexname"))
                .containsExactly(
                        "CREATE INDEX user_session_expires_at_idx ON public.user_session USING btree (expires_at)",
                        "CREATE UNIQUE INDEX user_session_pkey ON public.user_session USING btree (id)",
                        "CREATE INDEX user_session_user_id_idx ON public.user_session USING btree (user_id)");
        assertThat(dsl.fetchValue("SELECT confrelid::regclass::text FROM pg_constraint WHERE contype = 'f'"
                + " AND conrelid = 'user_session'::regclass")).isEqualTo("auth_user");
        // README's cascade changeset: deleting a user deletes its sessions.
        assertThat(dsl.fetchValue("SELECT confdeltype::text FROM pg_constraint WHERE contype = 'f'"
                + " AND conrelid = 'user_session'::regclass")).isEqualTo("c");
    }

    @Test
    void changesetsKeepTheirIdentityWhereverTheFileIsReadFrom() {
        Migrations.apply(dataSource, "db/application-changelog.xml");
        Migrations.apply(dataSource, Migrations.CHANGELOG);

        assertThat(texts("SELECT filename || ' ' || id FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly(
                        "lucia-jooq/changelog.xml 1-auth-user",
                        "lucia-jooq/changelog.xml 2-user-session",
                        "lucia-jooq/changelog.xml 3-user-session-user-id-index",
                        "lucia-jooq/changelog.xml 4-user-session-expires-at-index",
                        "lucia-jooq/changelog.xml 5-user-session-authenticated-at",
                        "db/application-changelog.xml app-1-username",
                        "db/application-changelog.xml app-2-cascade");
    }

    @Test
    void theAuthenticationTimeChangesetMigratesATableWithSessionsKeepingThemValid() {
        Migrations.apply(dataSource, "db/changelog-before-authenticated-at.xml");
        dsl.execute("INSERT INTO auth_user (id) VALUES ('user-1')");
        dsl.execute("INSERT INTO user_session (id, user_id, expires_at) VALUES ('old', 'user-1', now() + interval '1 day')");
        java.time.OffsetDateTime before = dsl.fetchSingle("SELECT now()").get(0, java.time.OffsetDateTime.class);

        Migrations.apply(dataSource, Migrations.CHANGELOG);

        assertThat(texts("SELECT id FROM databasechangelog ORDER BY orderexecuted")).containsExactly(
                "1-auth-user", "2-user-session", "3-user-session-user-id-index", "4-user-session-expires-at-index",
                "5-user-session-authenticated-at");
        java.time.OffsetDateTime migrated = dsl.fetchSingle("SELECT authenticated_at FROM user_session WHERE id = 'old'")
                .get(0, java.time.OffsetDateTime.class);
        assertThat(migrated).as("the existing session's authentication time is the migration's").isAfterOrEqualTo(before);
        // A Lucia v3 application inserts Lucia's three columns only, and still can.
        dsl.execute("INSERT INTO user_session (id, user_id, expires_at) VALUES ('node', 'user-1', now() + interval '1 day')");
        assertThat(dsl.fetchSingle("SELECT authenticated_at IS NOT NULL FROM user_session WHERE id = 'node'")
                .get(0, Boolean.class)).isTrue();
    }
}
