package io.github.luciajooq.postgresql.internal.schema;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.jooq.Configuration;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * Attributes as the application's generated record of the table: read into a new record (Lucia's columns and the
 * columns the application chose), written from the record's changed fields, each through its own data type,
 * converter and binding.
 *
 * @param <R> the application's record type
 */
public final class RecordColumns<R extends Record> implements Columns<R> {

    /** The configuration records are attached to while their values are set, then detached from. */
    private static final Configuration FILLING = new DefaultConfiguration().set(SQLDialect.POSTGRES);

    private final Table<R> table;
    private final List<TableField<R, ?>> read;
    private final Set<Field<?>> luciasColumns;
    private final Constructor<? extends R> constructor;

    /**
     * @param table the application's table
     * @param read the attribute columns to read
     * @param luciasColumns the columns the adapter reads and writes itself
     */
    public RecordColumns(Table<R> table, List<TableField<R, ?>> read, Set<Field<?>> luciasColumns) {
        this.table = table;
        this.read = List.copyOf(read);
        this.luciasColumns = Set.copyOf(luciasColumns);
        this.constructor = constructor(table);
    }

    @Override
    public List<Field<?>> read(Table<?> alias) {
        List<Field<?>> fields = new ArrayList<>(read.size());
        for (TableField<R, ?> column : read) {
            fields.add(alias.field(column));
        }
        return fields;
    }

    @Override
    public boolean typesKnown() {
        return true;
    }

    @Override
    public R fromRow(IntFunction<Object> row, int luciaFrom, List<TableField<?, ?>> luciaColumns) {
        R record = newRecord();
        // A detached record makes a configuration for every value set into it: attach it while filling it.
        record.attach(FILLING);
        for (int index = 0; index < luciaColumns.size(); index++) {
            set(record, luciaColumns.get(index), row.apply(luciaFrom + index));
        }
        int from = luciaFrom + luciaColumns.size();
        for (int index = 0; index < read.size(); index++) {
            set(record, read.get(index), row.apply(from + index));
        }
        record.changed(false);
        record.detach();
        return record;
    }

    /**
     * A new, detached record: through the generated record class's own constructor when it has one, which costs
     * a few fields; {@code Table.newRecord()} makes a default configuration for each record.
     */
    private R newRecord() {
        if (constructor != null) {
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the record class " + table.getRecordType().getName()
                        + " could not be made", e);
            }
        }
        return table.newRecord();
    }

    private static <R extends Record> Constructor<? extends R> constructor(Table<R> table) {
        try {
            Constructor<? extends R> constructor = table.getRecordType().getConstructor();
            constructor.newInstance();
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException noneOrUnusable) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Record record, Field<T> field, Object value) {
        record.set(field, (T) value);
    }

    @Override
    public List<Written> written(R attributes) {
        List<Written> written = new ArrayList<>();
        for (Field<?> field : attributes.fields()) {
            if (!attributes.changed(field)) {
                continue;
            }
            if (luciasColumns.contains(field)) {
                throw new IllegalArgumentException("attributes must not set " + field.getName() + " of table \""
                        + table.getName() + "\": the adapter writes that column itself");
            }
            written.add(new Written(field, bound(field, attributes)));
        }
        return written;
    }

    private static <T> Param<T> bound(Field<T> field, Record attributes) {
        return DSL.val(attributes.get(field), field);
    }
}
