package io.github.luciajooq.postgresql.internal.statement;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.impl.IdentityConverter;

/**
 * The column types the adapter binds and reads itself, over plain JDBC, when jOOQ would do nothing more than pgjdbc's
 * own {@code setObject} and {@code getObject}: jOOQ's default binding, no converter, a type pgjdbc maps exactly. Any
 * other column (a converter, a binding of the application's, {@code JSONB}, an enum) goes through jOOQ.
 */
public enum JdbcType {
    STRING(String.class),
    UUID(java.util.UUID.class),
    LONG(Long.class),
    INTEGER(Integer.class),
    SHORT(Short.class),
    BOOLEAN(Boolean.class),
    DOUBLE(Double.class),
    FLOAT(Float.class),
    BIG_DECIMAL(BigDecimal.class),
    OFFSET_DATE_TIME(OffsetDateTime.class),
    LOCAL_DATE(LocalDate.class),
    LOCAL_DATE_TIME(LocalDateTime.class),
    /** A value of unknown type that is {@code null}: sent untyped, so PostgreSQL takes the column's type. */
    UNTYPED_NULL(Object.class);

    private static final Map<Class<?>, JdbcType> BY_CLASS = Map.ofEntries(
            Map.entry(String.class, STRING), Map.entry(java.util.UUID.class, UUID), Map.entry(Long.class, LONG),
            Map.entry(Integer.class, INTEGER), Map.entry(Short.class, SHORT), Map.entry(Boolean.class, BOOLEAN),
            Map.entry(Double.class, DOUBLE), Map.entry(Float.class, FLOAT), Map.entry(BigDecimal.class, BIG_DECIMAL),
            Map.entry(OffsetDateTime.class, OFFSET_DATE_TIME), Map.entry(LocalDate.class, LOCAL_DATE),
            Map.entry(LocalDateTime.class, LOCAL_DATE_TIME));

    private final Class<?> type;

    JdbcType(Class<?> type) {
        this.type = type;
    }

    /** The Java type of the values. */
    public Class<?> javaType() {
        return type;
    }

    /** The plain type of a column or bind value of this data type, or {@code null} when jOOQ must handle it. */
    static JdbcType of(DataType<?> dataType) {
        if (!(dataType.getConverter() instanceof IdentityConverter)
                || !dataType.getBinding().getClass().getName().startsWith("org.jooq.impl.DefaultBinding$")) {
            return null;
        }
        return BY_CLASS.get(dataType.getType());
    }

    /** The plain type of a bind value, a {@code null} of unknown type included. */
    static JdbcType ofValue(DataType<?> dataType, Object value) {
        JdbcType plain = of(dataType);
        if (plain == null && value == null && dataType.getType() == Object.class && dataType.isOther()) {
            return UNTYPED_NULL;
        }
        return plain;
    }

    public void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, this == UNTYPED_NULL ? Types.OTHER : Types.NULL);
            return;
        }
        switch (this) {
            case STRING -> statement.setString(index, (String) value);
            case LONG -> statement.setLong(index, (Long) value);
            case INTEGER -> statement.setInt(index, (Integer) value);
            case SHORT -> statement.setShort(index, (Short) value);
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case DOUBLE -> statement.setDouble(index, (Double) value);
            case FLOAT -> statement.setFloat(index, (Float) value);
            case BIG_DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            default -> statement.setObject(index, value);
        }
    }

    public Object get(ResultSet row, int index) throws SQLException {
        Object value = switch (this) {
            case STRING -> row.getString(index);
            case LONG -> row.getLong(index);
            case INTEGER -> row.getInt(index);
            case SHORT -> row.getShort(index);
            case BOOLEAN -> row.getBoolean(index);
            case DOUBLE -> row.getDouble(index);
            case FLOAT -> row.getFloat(index);
            case BIG_DECIMAL -> row.getBigDecimal(index);
            default -> row.getObject(index, type);
        };
        return row.wasNull() ? null : value;
    }
}
