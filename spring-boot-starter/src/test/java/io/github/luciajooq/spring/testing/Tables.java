package io.github.luciajooq.spring.testing;

import java.time.OffsetDateTime;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;
import org.jooq.impl.TableRecordImpl;

/**
 * lucia-jooq's two tables as jOOQ's code generator writes them, reduced to what a {@code GeneratedTables} bean
 * names: an application's generated classes stand in the same place.
 */
public final class Tables {

    public static final AuthUser AUTH_USER = new AuthUser();
    public static final UserSession USER_SESSION = new UserSession();

    private Tables() {}

    public static final class AuthUser extends TableImpl<AuthUserRecord> {
        private static final long serialVersionUID = 1L;

        public final TableField<AuthUserRecord, String> ID =
                createField(DSL.name("id"), SQLDataType.CLOB.nullable(false), this, "");

        private AuthUser() {
            super(DSL.name("auth_user"));
        }

        @Override
        public Class<AuthUserRecord> getRecordType() {
            return AuthUserRecord.class;
        }
    }

    public static final class UserSession extends TableImpl<UserSessionRecord> {
        private static final long serialVersionUID = 1L;

        public final TableField<UserSessionRecord, String> ID =
                createField(DSL.name("id"), SQLDataType.CLOB.nullable(false), this, "");
        public final TableField<UserSessionRecord, OffsetDateTime> EXPIRES_AT =
                createField(DSL.name("expires_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6).nullable(false), this, "");
        public final TableField<UserSessionRecord, String> USER_ID =
                createField(DSL.name("user_id"), SQLDataType.CLOB.nullable(false), this, "");

        private UserSession() {
            super(DSL.name("user_session"));
        }

        @Override
        public Class<UserSessionRecord> getRecordType() {
            return UserSessionRecord.class;
        }
    }

    public static final class AuthUserRecord extends TableRecordImpl<AuthUserRecord> {
        private static final long serialVersionUID = 1L;

        public AuthUserRecord() {
            super(AUTH_USER);
        }
    }

    public static final class UserSessionRecord extends TableRecordImpl<UserSessionRecord> {
        private static final long serialVersionUID = 1L;

        public UserSessionRecord() {
            super(USER_SESSION);
        }
    }
}
