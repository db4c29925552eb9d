package io.github.mlhighway.lifecycle.core.data.profile;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Profiles rows given as {@code Map<String, ?>} (e.g. parsed JSON events) without building a table. A column's
 * type is fixed by its first non-null value ({@link Long}, {@link Integer}, {@link Short}, {@link Byte} → LONG;
 * other numbers → DOUBLE; {@link Boolean} → BOOLEAN; {@link Instant} or {@link Date} → TIMESTAMP; anything else
 * → STRING by {@code toString()}). A key missing from a row is a null there, also for rows before the key was
 * first seen. Not thread-safe.
 *
 * @since 0.1
 */
public final class MapProfiler implements Consumer<Map<String, ?>> {

    private final ProfileOptions options;
    private final Map<String, ColumnProfiler> columns = new LinkedHashMap<>();
    private long rows;

    private MapProfiler(ProfileOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A profiler for map rows.
     *
     * @param options sketch settings
     * @return the profiler
     */
    public static MapProfiler of(ProfileOptions options) {
        return new MapProfiler(options);
    }

    /**
     * Adds one row.
     *
     * @param row column name to value; null values and missing keys are nulls
     * @throws IllegalArgumentException if a value's type does not match its column's type
     */
    @Override
    public void accept(Map<String, ?> row) {
        Objects.requireNonNull(row, "row");
        for (Map.Entry<String, ?> entry : row.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            ColumnProfiler column = columns.get(entry.getKey());
            if (column == null) {
                column = ColumnProfiler.of(entry.getKey(), typeOf(value), options);
                column.addNulls(rows);
                columns.put(entry.getKey(), column);
            }
            add(column, value);
        }
        rows++;
        for (ColumnProfiler column : columns.values()) {
            if (column.rowCount() < rows) {
                column.addNull();
            }
        }
    }

    /**
     * Adds every row of an iterable.
     *
     * @param rows the rows
     * @return this profiler
     */
    public MapProfiler addAll(Iterable<? extends Map<String, ?>> rows) {
        for (Map<String, ?> row : rows) {
            accept(row);
        }
        return this;
    }

    /** @return the profile of the rows added so far */
    public DatasetProfile profile() {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (ColumnProfiler column : columns.values()) {
            profiles.add(column.profile());
        }
        return new DatasetProfile(rows, profiles);
    }

    private static ColumnType typeOf(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ColumnType.LONG;
        }
        if (value instanceof Number) {
            return ColumnType.DOUBLE;
        }
        if (value instanceof Boolean) {
            return ColumnType.BOOLEAN;
        }
        if (value instanceof Instant || value instanceof Date) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }

    private void add(ColumnProfiler column, Object value) {
        ColumnType type = column.type();
        if (type == ColumnType.LONG && value instanceof Number n && !(value instanceof Double)
                && !(value instanceof Float)) {
            column.addLong(n.longValue());
        } else if (type == ColumnType.DOUBLE && value instanceof Number n) {
            column.addDouble(n.doubleValue());
        } else if (type == ColumnType.BOOLEAN && value instanceof Boolean b) {
            column.addBoolean(b);
        } else if (type == ColumnType.TIMESTAMP && value instanceof Instant instant) {
            column.addTimestamp(instant.toEpochMilli());
        } else if (type == ColumnType.TIMESTAMP && value instanceof Date date) {
            column.addTimestamp(date.getTime());
        } else if (type == ColumnType.STRING) {
            column.addString(value instanceof Enum<?> e ? e.name() : value.toString());
        } else {
            throw new IllegalArgumentException("Row " + rows + ", column '" + column.name() + "': value " + value
                    + " (" + value.getClass().getSimpleName() + ") does not fit the column's type " + type
                    + ", fixed by its first value");
        }
    }
}
