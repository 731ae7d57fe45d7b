package io.github.luciajooq.postgresql.internal.statement;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.internal.Arguments;
import io.github.luciajooq.internal.SessionChecks;
import io.github.luciajooq.postgresql.AsyncPostgresAdapter;
import io.github.luciajooq.postgresql.PostgresAdapter;
import io.github.luciajooq.postgresql.internal.schema.Columns;
import io.github.luciajooq.postgresql.internal.schema.JooqVersion;
import io.github.luciajooq.postgresql.internal.schema.TableModel;
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
import java.util.function.IntFunction;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The adapter's statements: built from the tables' jOOQ classes and rendered once, when the adapter is made, on
 * settings of the adapter's own; each call binds its values, typed by the columns they go to, into a {@link Bound}
 * statement, and rows are read by columns known in advance. {@link PostgresAdapter} runs them blocking (over plain
 * JDBC when nothing but pgjdbc would touch the values, else through jOOQ), {@link AsyncPostgresAdapter} over
 * R2DBC, likewise.
 *
 * @param <I> the type of user ids
 * @param <U> the type of user attributes
 * @param <S> the type of session attributes
 */
public final class Statements<I, U, S> {

    /** Distinct attribute column sets whose insert is kept rendered; others are rendered on each call. */
    private static final int MAX_CACHED_INSERTS = 256;
    /** How many expired sessions one statement of a clean-up deletes, so that its locks stay few and short. */
    static final int EXPIRED_BATCH = 1000;
    /** Whether a table, by its rendered name, is a partitioned table. */
    private static final String PARTITIONED = "select c.relkind::text = ? from pg_catalog.pg_class c"
            + " where c.oid = to_regclass(?)";
    /**
     * The names of the single-column foreign keys from a table's column to another table, by the tables' rendered
     * names and the column's name: every value bound, as in the adapter's other statements.
     */
    private static final String USER_FOREIGN_KEYS = "select c.conname::text from pg_catalog.pg_constraint c"
            + " join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
            + " where c.contype::text = ? and cardinality(c.conkey) = 1 and c.conrelid = to_regclass(?)"
            + " and c.confrelid = to_regclass(?) and a.attname::text = ?";

    /**
     * A rendered statement and the values it binds.
     *
     * @param sql the SQL, with bind markers
     * @param binds the values, typed by their columns
     * @param bindTypes their plain types, or {@code null} when one is not plain and jOOQ must bind them
     */
    public record Bound(String sql, Param<?>[] binds, JdbcType[] bindTypes) {

        public Object[] values() {
            Object[] values = new Object[binds.length];
            for (int index = 0; index < binds.length; index++) {
                values[index] = binds[index].getValue();
            }
            return values;
        }
    }

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
    private final Reader deleteExpiredByAddress;
    private final Reader deleteExpiredByKey;
    private final Reader partitioned;
    /** Whether the session table is partitioned, once the catalog said; {@code null} until then. */
    private volatile Boolean sessionTablePartitioned;
    private final Reader userForeignKeys;
    /** The session table and the user table as the statements render them, and the session's user id column. */
    private final String[] tableNames;
    private final JdbcType[] updateExpirationTypes;
    private final JdbcType[] byIdTypes;
    private final JdbcType[] byUserTypes;
    private final JdbcType[] byExpiriesTypes;
    private final Map<List<Object>, String> inserts = new ConcurrentHashMap<>();

    public Statements(DSLContext applicationDsl, TableModel<I, U, S> model) {
        JooqVersion.require();
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
        // Each batch locks only the rows it deletes, and skips rows another clean-up has locked: clean-ups on
        // several application instances never wait for, nor deadlock with, each other. It deletes the earliest
        // expiries from a given one on and returns how many and the latest, so that the next batch starts there
        // and does not scan the index entries of the rows deleted before it, which only vacuum removes. Their lock
        // keeps the rows expired until the statement ends. The rows are found again by their physical address,
        // which costs nothing more (the batch has just read their pages), or, on a partitioned table, where an
        // address is unique only within one partition, by primary key (a random read of its index each, four times
        // the cost at two million rows). In the subquery, the session table's columns name the subquery's own scan
        // of it, the innermost table of that name.
        this.deleteExpiredByAddress = deleteExpired(dsl, DSL.field(DSL.name("ctid")));
        this.deleteExpiredByKey = deleteExpired(dsl, model.sessionId());
        this.userForeignKeys = new Reader(USER_FOREIGN_KEYS, List.of(DSL.field(DSL.name("conname"), String.class)),
                true);
        this.tableNames = new String[] {dsl.render(model.sessions()), dsl.render(model.users()),
            model.sessionUserId().getName()};
        this.partitioned = new Reader(PARTITIONED, List.of(DSL.field(DSL.name("partitioned"), Boolean.class)), true);
        this.updateExpirationTypes = plain(model.expiresAt(), model.sessionId());
        this.byIdTypes = plain(model.sessionId());
        this.byUserTypes = plain(model.sessionUserId());
        this.byExpiriesTypes = plain(model.expiresAt(), model.expiresAt());
    }

    /** A bind marker of the column's type, for rendering. */
    private static <T> Param<T> placeholder(Field<T> column) {
        return DSL.val(null, column);
    }

    /** The plain types of these columns, or {@code null} when one is not plain. */
    private static JdbcType[] plain(Field<?>... columns) {
        JdbcType[] types = new JdbcType[columns.length];
        for (int index = 0; index < columns.length; index++) {
            types[index] = JdbcType.of(columns[index].getDataType());
            if (types[index] == null) {
                return null;
            }
        }
        return types;
    }

    /** The context the statements run on: the adapter's own, derived from the application's. */
    public DSLContext dsl() {
        return dsl;
    }

    public StoreErrors errors() {
        return errors;
    }

    /** The select of the session with this id joined to its user: one statement. */
    public Reader sessionAndUserReader() {
        return sessionAndUser;
    }

    public Bound sessionAndUser(String sessionId) {
        return new Bound(sessionAndUser.sql(), new Param<?>[] {DSL.val(sessionId, model.sessionId())}, byIdTypes);
    }

    public DatabaseSessionAndUser<I, U, S> sessionAndUser(IntFunction<Object> row) {
        return new DatabaseSessionAndUser<>(session(row), user(row, sessionWidth));
    }

    /** The select of every session of a user. */
    public Reader userSessionsReader() {
        return userSessions;
    }

    public Bound userSessions(I userId) {
        return new Bound(userSessions.sql(), new Param<?>[] {DSL.val(userId, model.sessionUserId())}, byUserTypes);
    }

    @SuppressWarnings("unchecked")
    public DatabaseSession<I, S> session(IntFunction<Object> row) {
        return new DatabaseSession<>((String) row.apply(0), (I) row.apply(1),
                ((OffsetDateTime) row.apply(2)).toInstant(), model.sessionColumns().fromRow(row, 0, sessionLucia));
    }

    @SuppressWarnings("unchecked")
    private DatabaseUser<I, U> user(IntFunction<Object> row, int from) {
        return new DatabaseUser<>((I) row.apply(from), model.userColumns().fromRow(row, from, userLucia));
    }

    /**
     * What refuses this session before any SQL runs, or {@code null}: text PostgreSQL cannot store, attributes that
     * cannot be written.
     *
     * @throws IllegalArgumentException when the attributes set one of Lucia's columns
     */
    public SessionStoreException unwritable(DatabaseSession<I, S> session) {
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
    public Bound insert(DatabaseSession<I, S> session) {
        List<Columns.Written> written = model.sessionColumns().written(session.attributes());
        List<Object> key = new ArrayList<>(written.size());
        Param<?>[] binds = new Param<?>[written.size() + 3];
        binds[0] = DSL.val(session.id(), model.sessionId());
        binds[1] = DSL.val(session.userId(), model.sessionUserId());
        binds[2] = DSL.val(timestamp(session.expiresAt(), "session.expiresAt"), model.expiresAt());
        for (int index = 0; index < written.size(); index++) {
            key.add(written.get(index).key());
            binds[index + 3] = written.get(index).value();
        }
        String sql = inserts.get(key);
        if (sql == null) {
            sql = renderInsert(written);
            if (inserts.size() < MAX_CACHED_INSERTS) {
                inserts.putIfAbsent(key, sql);
            }
        }
        return new Bound(sql, binds, plainValues(binds));
    }

    /** The plain types of these values, or {@code null} when one is not plain. */
    private static JdbcType[] plainValues(Param<?>[] binds) {
        JdbcType[] types = new JdbcType[binds.length];
        for (int index = 0; index < binds.length; index++) {
            types[index] = JdbcType.ofValue(binds[index].getDataType(), binds[index].getValue());
            if (types[index] == null) {
                return null;
            }
        }
        return types;
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

    public Bound updateExpiration(String sessionId, Instant expiresAt) {
        return new Bound(updateExpiration, new Param<?>[] {
            DSL.val(timestamp(expiresAt, "expiresAt"), model.expiresAt()), DSL.val(sessionId, model.sessionId())},
                updateExpirationTypes);
    }

    public Bound delete(String sessionId) {
        return new Bound(delete, new Param<?>[] {DSL.val(sessionId, model.sessionId())}, byIdTypes);
    }

    public Bound deleteOfUser(I userId) {
        return new Bound(deleteOfUser, new Param<?>[] {DSL.val(userId, model.sessionUserId())}, byUserTypes);
    }

    /** The catalog's names of the session table's foreign keys from its user id to the user table. */
    public Reader userForeignKeysReader() {
        return userForeignKeys;
    }

    public Bound userForeignKeys() {
        JdbcType text = JdbcType.STRING;
        return new Bound(userForeignKeys.sql(), new Param<?>[] {DSL.val("f"), DSL.val(tableNames[0]),
            DSL.val(tableNames[1]), DSL.val(tableNames[2])}, new JdbcType[] {text, text, text, text});
    }

    /**
     * The clean-up's statement, finding the rows again by this column: it reads how many sessions a batch deleted,
     * and the latest expiry among them.
     */
    private Reader deleteExpired(DSLContext dsl, Field<?> rowKey) {
        CommonTableExpression<?> deleted = DSL.name("deleted").as(dsl.deleteFrom(model.sessions())
                .where(DSL.condition("{0} = any(array({1}))", rowKey, dsl.select(rowKey)
                        .from(model.sessions())
                        .where(model.expiresAt().le(placeholder(model.expiresAt())))
                        .and(model.expiresAt().ge(placeholder(model.expiresAt())))
                        .orderBy(model.expiresAt())
                        .limit(DSL.inline(EXPIRED_BATCH))
                        .forUpdate()
                        .skipLocked()))
                .returningResult(model.expiresAt()));
        List<Field<?>> counted = List.of(DSL.count(),
                DSL.max(deleted.field(model.expiresAt().getName(), OffsetDateTime.class)));
        return new Reader(dsl.render(dsl.with(deleted).select(counted).from(deleted)), counted, true);
    }

    /**
     * The clean-up's statement for this table: by address, or by primary key on a partitioned table; {@code null}
     * until {@link #learnPartitioned(List)}.
     */
    public Reader deleteExpiredReader() {
        Boolean partitionedTable = sessionTablePartitioned;
        return partitionedTable == null ? null : partitionedTable ? deleteExpiredByKey : deleteExpiredByAddress;
    }

    /** Asks the catalog whether the session table is partitioned: one row, or none when it cannot find the table. */
    public Reader partitionedReader() {
        return partitioned;
    }

    public Bound partitioned() {
        return new Bound(partitioned.sql(), new Param<?>[] {DSL.val("p"), DSL.val(tableNames[0])},
                new JdbcType[] {JdbcType.STRING, JdbcType.STRING});
    }

    /** What the catalog said; a table it cannot find is taken as not partitioned (the clean-up then fails there). */
    public void learnPartitioned(List<Boolean> answer) {
        sessionTablePartitioned = !answer.isEmpty() && Boolean.TRUE.equals(answer.get(0));
    }

    /**
     * Deletes up to {@value #EXPIRED_BATCH} of the sessions that expired at or before now, the earliest from
     * {@code from} on; run it until it deletes fewer, each time from the latest expiry the last one deleted.
     */
    public Bound deleteExpiredBatch(Instant now, Instant from) {
        Arguments.requireNonNull(now, "now");
        return new Bound(deleteExpiredReader().sql(), new Param<?>[] {
            DSL.val(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), model.expiresAt()),
            DSL.val(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), model.expiresAt())}, byExpiriesTypes);
    }

    /** The earliest expiry a clean-up starts from: expiries lie in the years 1 to 9999. */
    public static final Instant EARLIEST_EXPIRY = Instant.parse("0001-01-01T00:00:00Z");

    /**
     * What a batch of the clean-up did.
     *
     * @param deleted how many sessions it deleted
     * @param latest the latest expiry among them, where the next batch starts; {@code null} when none
     */
    public record Batch(int deleted, Instant latest) {

        public static Batch of(IntFunction<Object> row) {
            OffsetDateTime latest = (OffsetDateTime) row.apply(1);
            return new Batch(((Number) row.apply(0)).intValue(), latest == null ? null : latest.toInstant());
        }

        /** Whether another batch may find more. */
        public boolean full() {
            return deleted == EXPIRED_BATCH;
        }
    }

    private static OffsetDateTime timestamp(Instant instant, String name) {
        Arguments.requireExpiry(instant, name);
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /**
     * A rendered select and the types of the columns it reads: declared by the generated classes, or, for columns
     * known by name only, learnt from the first row, when Lucia's columns are also checked to be of the types the
     * adapter needs. Until then it runs through jOOQ, which reads the types from the result.
     */
    public final class Reader {

        private final String sql;
        private final List<Field<?>> declared;
        private volatile Field<?>[] types;
        private volatile JdbcType[] plainTypes;

        public Reader(String sql, List<Field<?>> declared, boolean typesKnown) {
            this.sql = sql;
            this.declared = declared;
            if (typesKnown) {
                known(declared.toArray(new Field<?>[0]));
            }
        }

        String sql() {
            return sql;
        }

        /** The column types, for jOOQ to read the row by ({@code coerce}), or {@code null} until learnt. */
        public Field<?>[] types() {
            return types;
        }

        /** The plain types of the columns, for reading them over JDBC, or {@code null} when jOOQ must read them. */
        public JdbcType[] plainTypes() {
            return plainTypes;
        }

        private void known(Field<?>[] fields) {
            plainTypes = plain(fields);
            types = fields;
        }

        /** Learns the column types from a row jOOQ read, checking Lucia's; a no-op once they are known. */
        public void learn(Record row) {
            if (types != null) {
                return;
            }
            requireType(row, 0, String.class, model.sessionName(), "TEXT");
            requireType(row, 1, String.class, model.sessionName(), "TEXT");
            requireType(row, 2, OffsetDateTime.class, model.sessionName(), "TIMESTAMPTZ");
            if (declared.size() > sessionWidth) {
                requireType(row, sessionWidth, String.class, model.userName(), "TEXT");
            }
            known(row.fields());
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
