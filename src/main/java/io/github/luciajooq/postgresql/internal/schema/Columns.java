package io.github.luciajooq.postgresql.internal.schema;

import java.util.List;
import java.util.function.IntFunction;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * How one table's attributes of type {@code A} are read from, and written to, its columns: by column name into
 * maps ({@link NamedColumns}), or as the application's generated record ({@link RecordColumns}). Immutable.
 *
 * @param <A> the attributes' type
 */
public interface Columns<A> {

    /**
     * A column an attribute writes, and its value bound as that column takes it.
     *
     * @param column the column
     * @param value the value, typed for the column (its converter and binding)
     */
    record Written(Field<?> column, Param<?> value) {

        /** What identifies the statement that writes this column with a value of this type. */
        public Object key() {
            return List.of(column.getName(), value.getDataType().getType(), value.getDataType().getTypeName());
        }
    }

    /** The attribute columns to read, qualified by this alias of the table; empty when none are read. */
    List<Field<?>> read(Table<?> alias);

    /** Whether the types of the columns read are known before a row is read (else learnt from the first row). */
    boolean typesKnown();

    /**
     * The attributes of a row (its values by index) that holds this table's Lucia columns from {@code luciaFrom} on
     * (in the order of {@code luciaColumns}), and the attribute columns right after them.
     */
    A fromRow(IntFunction<Object> row, int luciaFrom, List<TableField<?, ?>> luciaColumns);

    /**
     * The columns these attributes write, with their values, in a stable order.
     *
     * @throws IllegalArgumentException when the attributes set a column the adapter writes itself
     * @throws io.github.luciajooq.SessionStoreException when an attribute cannot be written by its name
     */
    List<Written> written(A attributes);
}
