package io.github.luciajooq.postgresql.internal.schema;

import io.github.luciajooq.SessionStoreException;
import io.github.luciajooq.SessionStoreException.Reason;
import io.github.luciajooq.internal.Names;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * Attributes as maps by column name, for applications without generated classes: the columns read are named by
 * the application, their types learnt from the first row; values are written by column name, each bound as jOOQ
 * binds its Java class.
 */
public final class NamedColumns implements Columns<Map<String, Object>> {

    private static final int MAX_IDENTIFIER_BYTES = 63;

    private final List<String> read;
    private final Set<String> luciasColumns;
    private final String table;

    /**
     * @param read the attribute columns to read
     * @param luciasColumns the columns the adapter reads and writes itself, which are no attributes
     * @param table the table's name, for messages
     */
    public NamedColumns(List<String> read, Set<String> luciasColumns, String table) {
        this.read = List.copyOf(read);
        this.luciasColumns = Set.copyOf(luciasColumns);
        this.table = table;
    }

    List<String> names() {
        return read;
    }

    @Override
    public List<Field<?>> read(Table<?> alias) {
        List<Field<?>> fields = new ArrayList<>(read.size());
        for (String column : read) {
            fields.add(DSL.field(alias.getQualifiedName().append(column)));
        }
        return fields;
    }

    @Override
    public boolean typesKnown() {
        return read.isEmpty();
    }

    @Override
    public Map<String, Object> fromRow(IntFunction<Object> row, int luciaFrom, List<TableField<?, ?>> luciaColumns) {
        if (read.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> attributes = new LinkedHashMap<>(read.size() * 2);
        int from = luciaFrom + luciaColumns.size();
        for (int index = 0; index < read.size(); index++) {
            attributes.put(read.get(index), row.apply(from + index));
        }
        return Collections.unmodifiableMap(attributes);
    }

    @Override
    public List<Written> written(Map<String, Object> attributes) {
        List<Written> written = new ArrayList<>(attributes.size());
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            String column = attribute.getKey();
            if (luciasColumns.contains(column)) {
                throw new IllegalArgumentException("attributes must not contain \"" + column
                        + "\": the adapter writes that column of table \"" + table + "\" itself");
            }
            if (column.isBlank()) {
                throw new IllegalArgumentException("attributes has a blank key");
            }
            if (column.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
                // PostgreSQL would truncate the name, and could find another column by the shorter one.
                throw new SessionStoreException(Reason.UNKNOWN_ATTRIBUTE, "session attribute " + Names.quote(column)
                        + " is longer than PostgreSQL's " + MAX_IDENTIFIER_BYTES + "-byte names, so no column of table \""
                        + table + "\" has it", null);
            }
            Object value = attribute.getValue();
            if (value != null && !canBind(value)) {
                throw new SessionStoreException(Reason.INVALID_ATTRIBUTE_VALUE, "session attribute "
                        + Names.quote(column) + ": a " + value.getClass().getName() + " cannot be written by column"
                        + " name; pass a String, number, boolean, UUID, java.time value, byte[], JSON, JSONB or an array"
                        + " of these, or use the application's generated classes (GeneratedTables)", null);
            }
            written.add(new Written(DSL.field(DSL.name(column)), DSL.val(value)));
        }
        return written;
    }

    /** Whether jOOQ knows a SQL type for this value's class, so that the driver can bind it. */
    private static boolean canBind(Object value) {
        try {
            DataType<?> type = DSL.val(value).getDataType();
            return !type.isOther() && !(type.isArray() && type.getArrayComponentDataType().isOther());
        } catch (RuntimeException unknownType) {
            return false;
        }
    }
}
