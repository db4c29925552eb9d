package io.github.mlhighway.lifecycle.spark.internal;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfiler;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.jspecify.annotations.Nullable;

/**
 * How a Spark column's values reach the library's column types: DOUBLE from double, float and decimal (as a
 * double); LONG from long, int, short and byte; BOOLEAN; STRING from string (and from an all-null
 * {@code void} column); TIMESTAMP from timestamp, timestamp_ntz (read as UTC) and date (UTC midnight), as epoch
 * milliseconds, the same mapping as the in-process record profiler.
 *
 * @since 0.1
 */
public enum ValueKind {
    /** double. */
    DOUBLE(ColumnType.DOUBLE),
    /** float, widened to double. */
    FLOAT(ColumnType.DOUBLE),
    /** decimal, as the nearest double. */
    DECIMAL(ColumnType.DOUBLE),
    /** long. */
    LONG(ColumnType.LONG),
    /** int, short or byte. */
    INTEGRAL(ColumnType.LONG),
    /** boolean. */
    BOOLEAN(ColumnType.BOOLEAN),
    /** string. */
    STRING(ColumnType.STRING),
    /** void: a column of nulls only. */
    VOID(ColumnType.STRING),
    /** timestamp (with local time zone semantics; an instant). */
    TIMESTAMP(ColumnType.TIMESTAMP),
    /** timestamp_ntz, read as UTC. */
    TIMESTAMP_NTZ(ColumnType.TIMESTAMP),
    /** date, as UTC midnight. */
    DATE(ColumnType.TIMESTAMP);

    private final ColumnType columnType;

    ValueKind(ColumnType columnType) {
        this.columnType = columnType;
    }

    /** @return the library column type the values become */
    public ColumnType columnType() {
        return columnType;
    }

    /**
     * The kind of a Spark data type.
     *
     * @param type the Spark type
     * @return the kind, or null when the profiler cannot handle the type (arrays, maps, structs, binary, ...)
     */
    public static @Nullable ValueKind of(DataType type) {
        if (type instanceof DoubleType) {
            return DOUBLE;
        }
        if (type instanceof FloatType) {
            return FLOAT;
        }
        if (type instanceof DecimalType) {
            return DECIMAL;
        }
        if (type instanceof LongType) {
            return LONG;
        }
        if (type instanceof IntegerType || type instanceof ShortType || type instanceof ByteType) {
            return INTEGRAL;
        }
        if (type instanceof BooleanType) {
            return BOOLEAN;
        }
        if (type instanceof StringType) {
            return STRING;
        }
        if (type instanceof NullType) {
            return VOID;
        }
        if (type instanceof TimestampType) {
            return TIMESTAMP;
        }
        if (type instanceof TimestampNTZType) {
            return TIMESTAMP_NTZ;
        }
        if (type instanceof DateType) {
            return DATE;
        }
        return null;
    }

    /**
     * Adds field {@code i} of a row to a column profiler.
     *
     * @param row      the row
     * @param i        the field index
     * @param profiler the profiler of that column
     */
    public void add(Row row, int i, ColumnProfiler profiler) {
        if (row.isNullAt(i)) {
            profiler.addNull();
            return;
        }
        switch (this) {
            case DOUBLE -> profiler.addDouble(row.getDouble(i));
            case FLOAT -> profiler.addDouble(row.getFloat(i));
            case DECIMAL -> profiler.addDouble(((BigDecimal) row.get(i)).doubleValue());
            case LONG -> profiler.addLong(row.getLong(i));
            case INTEGRAL -> profiler.addLong(((Number) row.get(i)).longValue());
            case BOOLEAN -> profiler.addBoolean(row.getBoolean(i));
            case STRING -> profiler.addString(row.getString(i));
            case VOID -> profiler.addNull();
            default -> profiler.addTimestamp(epochMillis(row.get(i)));
        }
    }

    /**
     * The value of field {@code i} as the library holds it: Double, Long, Boolean, String or epoch milliseconds
     * (Long) for the TIMESTAMP kinds; null for null.
     *
     * @param row the row
     * @param i   the field index
     * @return the value, or null for null
     */
    public @Nullable Object value(Row row, int i) {
        if (row.isNullAt(i)) {
            return null;
        }
        return switch (this) {
            case DOUBLE -> row.getDouble(i);
            case FLOAT -> (double) row.getFloat(i);
            case DECIMAL -> ((BigDecimal) row.get(i)).doubleValue();
            case LONG -> row.getLong(i);
            case INTEGRAL -> ((Number) row.get(i)).longValue();
            case BOOLEAN -> row.getBoolean(i);
            case STRING -> row.getString(i);
            case VOID -> null;
            default -> epochMillis(row.get(i));
        };
    }

    /**
     * Epoch milliseconds of a Spark date or time value, whichever Java type the session hands out
     * ({@code spark.sql.datetime.java8API.enabled} switches between them).
     *
     * @param value a Timestamp, Instant, LocalDateTime (UTC), java.sql.Date or LocalDate (UTC midnight)
     * @return epoch milliseconds
     */
    static long epochMillis(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.getTime();
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        throw new IllegalStateException("Not a date or time value: " + value + " (" + value.getClass().getName()
                + ")");
    }
}
