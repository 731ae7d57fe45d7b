package io.github.luciajooq.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * Attributes as the application's generated record of the table: read into a new record (Lucia's columns and the
 * columns the application chose), written from the record's changed fields, each through its own data type,
 * converter and binding.
 *
 * @param <R> the application's record type
 */
final class RecordColumns<R extends Record> implements Columns<R> {

    private final Table<R> table;
    private final List<TableField<R, ?>> read;
    private final Set<Field<?>> luciasColumns;

    /**
     * @param table the application's table
     * @param read the attribute columns to read
     * @param luciasColumns the columns the adapter reads and writes itself
     */
    RecordColumns(Table<R> table, List<TableField<R, ?>> read, Set<Field<?>> luciasColumns) {
        this.table = table;
        this.read = List.copyOf(read);
        this.luciasColumns = Set.copyOf(luciasColumns);
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
    public R fromRow(Record row, int luciaFrom, List<TableField<?, ?>> luciaColumns) {
        R record = table.newRecord();
        for (int index = 0; index < luciaColumns.size(); index++) {
            set(record, luciaColumns.get(index), row.get(luciaFrom + index));
        }
        int from = luciaFrom + luciaColumns.size();
        for (int index = 0; index < read.size(); index++) {
            set(record, read.get(index), row.get(from + index));
        }
        record.changed(false);
        return record;
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
