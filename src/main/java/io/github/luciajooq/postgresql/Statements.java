package io.github.luciajooq.postgresql;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.SessionChecks;
import io.github.luciajooq.spi.DatabaseSession;
import io.github.luciajooq.spi.DatabaseSessionAndUser;
import io.github.luciajooq.spi.DatabaseUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.RowCountQuery;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The adapter's statements: built from the tables' jOOQ classes and rendered once, when the adapter is made, on
 * settings of the adapter's own; each call binds its values, typed by the columns they go to, and reads rows by
 * columns known in advance. {@link PostgresAdapter} runs them blocking, {@link AsyncPostgresAdapter} non-blocking.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
final class Statements<I, U, S> {

    /** Distinct attribute column sets whose insert is kept rendered; others are rendered on each call. */
    private static final int MAX_CACHED_INSERTS = 256;

    private final DSLContext dsl;
    private final TableModel<I, U, S> model;
    private final StoreErrors errors;
    private final List<TableField<?, ?>> sessionLucia;
    private final List<TableField<?, ?>> userLucia;
    /** How many columns of a joined row are the session's; the user's follow. */
    private final int sessionWidth;

    private final Reader sessionAndUser;
    private final Reader userSessions;
    private final String updateExpiration;
    private final String delete;
    private final String deleteOfUser;
    private final String deleteExpired;
    private final Map<List<Object>, String> inserts = new ConcurrentHashMap<>();

    Statements(DSLContext applicationDsl, TableModel<I, U, S> model) {
        this.dsl = MappedDsl.derive(applicationDsl, model.mapping(), model.renderSchema());
        this.model = model;
        this.errors = new StoreErrors(model);
        this.sessionLucia = List.of((TableField<?, ?>) model.sessionId(), (TableField<?, ?>) model.sessionUserId(),
                (TableField<?, ?>) model.expiresAt());
        this.userLucia = List.of((TableField<?, ?>) model.userId());

        Table<?> s = model.sessions().as(DSL.name("s"));
        Table<?> u = model.users().as(DSL.name("u"));
        List<Field<?>> sessionFields = new ArrayList<>(List.of(
                s.field(model.sessionId()), s.field(model.sessionUserId()), s.field(model.expiresAt())));
        sessionFields.addAll(model.sessionColumns().read(s));
        this.sessionWidth = sessionFields.size();
        List<Field<?>> joined = new ArrayList<>(sessionFields);
        joined.add(u.field(model.userId()));
        joined.addAll(model.userColumns().read(u));
        boolean typesKnown = model.luciasTypesKnown() && model.sessionColumns().typesKnown()
                && model.userColumns().typesKnown();

        this.sessionAndUser = new Reader(dsl.render(dsl.select(joined)
                .from(s)
                .join(u).on(u.field(model.userId()).eq(s.field(model.sessionUserId())))
                .where(s.field(model.sessionId()).eq(placeholder(model.sessionId())))), joined, typesKnown);
        this.userSessions = new Reader(dsl.render(dsl.select(sessionFields)
                .from(s)
                .where(s.field(model.sessionUserId()).eq(placeholder(model.sessionUserId())))),
                sessionFields, typesKnown);
        this.updateExpiration = dsl.render(dsl.update(model.sessions())
                .set(model.expiresAt(), placeholder(model.expiresAt()))
                .where(model.sessionId().eq(placeholder(model.sessionId()))));
        this.delete = dsl.render(dsl.deleteFrom(model.sessions())
                .where(model.sessionId().eq(placeholder(model.sessionId()))));
        this.deleteOfUser = dsl.render(dsl.deleteFrom(model.sessions())
                .where(model.sessionUserId().eq(placeholder(model.sessionUserId()))));
        this.deleteExpired = dsl.render(dsl.deleteFrom(model.sessions())
                .where(model.expiresAt().le(placeholder(model.expiresAt()))));
    }

    /** A bind marker of the column's type, for rendering. */
    private static <T> Param<T> placeholder(Field<T> column) {
        return DSL.val(null, column);
    }

    TableModel<I, U, S> model() {
        return model;
    }

    StoreErrors errors() {
        return errors;
    }

    /** The session with this id joined to its user: one statement. */
    ResultQuery<Record> sessionAndUser(String sessionId) {
        return sessionAndUser.query(DSL.val(sessionId, model.sessionId()));
    }

    DatabaseSessionAndUser<I, U, S> sessionAndUser(Record row) {
        sessionAndUser.learn(row);
        return new DatabaseSessionAndUser<>(session(row), user(row, sessionWidth));
    }

    /** Every session of this user. */
    ResultQuery<Record> userSessions(I userId) {
        return userSessions.query(DSL.val(userId, model.sessionUserId()));
    }

    DatabaseSession<I, S> userSession(Record row) {
        userSessions.learn(row);
        return session(row);
    }

    @SuppressWarnings("unchecked")
    private DatabaseSession<I, S> session(Record row) {
        return new DatabaseSession<>((String) row.get(0), (I) row.get(1), ((OffsetDateTime) row.get(2)).toInstant(),
                model.sessionColumns().fromRow(row, 0, sessionLucia));
    }

    @SuppressWarnings("unchecked")
    private DatabaseUser<I, U> user(Record row, int from) {
        return new DatabaseUser<>((I) row.get(from), model.userColumns().fromRow(row, from, userLucia));
    }

    /**
     * What refuses this session before any SQL runs, or {@code null}: text PostgreSQL cannot store, attributes that
     * cannot be written.
     *
     * @throws IllegalArgumentException when the attributes set one of Lucia's columns
     */
    SessionStoreException unwritable(DatabaseSession<I, S> session) {
        SessionStoreException unstorable = SessionChecks.unstorable(session);
        if (unstorable != null) {
            return unstorable;
        }
        try {
            model.sessionColumns().written(session.attributes());
            return null;
        } catch (SessionStoreException refused) {
            return refused;
        }
    }

    /**
     * Inserts the session, its attributes into their columns; a taken id inserts nothing (one row affected means
     * stored), so that a duplicate does not abort the caller's transaction.
     */
    RowCountQuery insert(DatabaseSession<I, S> session) {
        List<Columns.Written> written = model.sessionColumns().written(session.attributes());
        List<Object> key = new ArrayList<>(written.size());
        List<Object> binds = new ArrayList<>(written.size() + 3);
        binds.add(DSL.val(session.id(), model.sessionId()));
        binds.add(DSL.val(session.userId(), model.sessionUserId()));
        binds.add(DSL.val(timestamp(session.expiresAt(), "session.expiresAt"), model.expiresAt()));
        for (Columns.Written column : written) {
            key.add(column.key());
            binds.add(column.value());
        }
        String sql = inserts.get(key);
        if (sql == null) {
            sql = renderInsert(written);
            if (inserts.size() < MAX_CACHED_INSERTS) {
                inserts.putIfAbsent(key, sql);
            }
        }
        return dsl.query(sql, binds.toArray());
    }

    private String renderInsert(List<Columns.Written> written) {
        List<Field<?>> columns = new ArrayList<>(List.of(model.sessionId(), model.sessionUserId(), model.expiresAt()));
        List<Field<?>> values = new ArrayList<>(List.of(placeholder(model.sessionId()),
                placeholder(model.sessionUserId()), placeholder(model.expiresAt())));
        for (Columns.Written column : written) {
            columns.add(column.column());
            values.add(DSL.val(null, column.value().getDataType()));
        }
        return dsl.render(dsl.insertInto(model.sessions()).columns(columns).values(values)
                .onConflict(model.sessionId()).doNothing());
    }

    RowCountQuery updateExpiration(String sessionId, Instant expiresAt) {
        return dsl.query(updateExpiration, DSL.val(timestamp(expiresAt, "expiresAt"), model.expiresAt()),
                DSL.val(sessionId, model.sessionId()));
    }

    RowCountQuery delete(String sessionId) {
        return dsl.query(delete, DSL.val(sessionId, model.sessionId()));
    }

    RowCountQuery deleteOfUser(I userId) {
        return dsl.query(deleteOfUser, DSL.val(userId, model.sessionUserId()));
    }

    RowCountQuery deleteExpired(Instant now) {
        Arguments.requireNonNull(now, "now");
        return dsl.query(deleteExpired, DSL.val(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), model.expiresAt()));
    }

    private static OffsetDateTime timestamp(Instant instant, String name) {
        Arguments.requireExpiry(instant, name);
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /**
     * A rendered select and the types of the columns it reads: declared by the generated classes, or, for columns
     * known by name only, learnt from the first row, when Lucia's columns are also checked to be of the types the
     * adapter needs.
     */
    private final class Reader {

        private final String sql;
        private final List<Field<?>> declared;
        private volatile Field<?>[] types;

        Reader(String sql, List<Field<?>> declared, boolean typesKnown) {
            this.sql = sql;
            this.declared = declared;
            this.types = typesKnown ? declared.toArray(new Field<?>[0]) : null;
        }

        ResultQuery<Record> query(Param<?> bind) {
            ResultQuery<Record> query = dsl.resultQuery(sql, bind);
            Field<?>[] known = types;
            return known == null ? query : query.coerce(known);
        }

        void learn(Record row) {
            if (types != null) {
                return;
            }
            requireType(row, 0, String.class, model.sessionName(), "TEXT");
            requireType(row, 1, String.class, model.sessionName(), "TEXT");
            requireType(row, 2, OffsetDateTime.class, model.sessionName(), "TIMESTAMPTZ");
            if (declared.size() > sessionWidth) {
                requireType(row, sessionWidth, String.class, model.userName(), "TEXT");
            }
            types = row.fields();
        }

        private void requireType(Record row, int index, Class<?> type, String table, String sqlType) {
            Class<?> read = row.field(index).getType();
            if (read != type) {
                throw new IllegalStateException("column \"" + declared.get(index).getName() + "\" of table \"" + table
                        + "\" must be " + sqlType + ", but jOOQ reads it as a " + read.getName()
                        + (sqlType.equals("TEXT") ? "; for user ids of another type, use GeneratedTables" : ""));
            }
        }
    }
}
