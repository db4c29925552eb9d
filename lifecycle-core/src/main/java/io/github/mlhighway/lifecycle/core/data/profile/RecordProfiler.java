package io.github.mlhighway.lifecycle.core.data.profile;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Profiles a host application's own records without copying them into a table: one column per record
 * component, read through method handles looked up once. Primitive components are read without boxing.
 *
 * <p>Column types: {@code double}, {@code float} and their boxes and other {@link Number}s → DOUBLE;
 * {@code long}, {@code int}, {@code short}, {@code byte} and their boxes → LONG; {@code boolean} and
 * {@code Boolean} → BOOLEAN; {@link Instant}, {@link Date} and {@link LocalDate} (UTC midnight) → TIMESTAMP;
 * anything else (strings, enums by name, other objects by {@code toString()}) → STRING. Null components are
 * nulls. Not thread-safe.
 *
 * @param <R> the record type
 * @since 0.1
 */
public final class RecordProfiler<R extends Record> implements Consumer<R> {

    private enum Kind { PRIMITIVE_DOUBLE, PRIMITIVE_LONG, PRIMITIVE_BOOLEAN, NUMBER_DOUBLE, NUMBER_LONG, BOOLEAN,
        INSTANT, DATE, LOCAL_DATE, STRING }

    private final Class<R> type;
    private final MethodHandle[] accessors;
    private final Kind[] kinds;
    private final ColumnProfiler[] columns;
    private long rows;

    private RecordProfiler(Class<R> type, ProfileOptions options) {
        this.type = Objects.requireNonNull(type, "type");
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record class");
        }
        RecordComponent[] components = type.getRecordComponents();
        accessors = new MethodHandle[components.length];
        kinds = new Kind[components.length];
        columns = new ColumnProfiler[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            kinds[i] = kindOf(component.getType());
            accessors[i] = handle(component, kinds[i]);
            columns[i] = ColumnProfiler.of(component.getName(), columnType(kinds[i]), options);
        }
    }

    /**
     * A profiler for records of a type.
     *
     * @param type    the record class
     * @param options sketch settings
     * @param <R>     the record type
     * @return the profiler
     * @throws IllegalArgumentException if the class is not a record or its accessors cannot be read
     */
    public static <R extends Record> RecordProfiler<R> of(Class<R> type, ProfileOptions options) {
        return new RecordProfiler<>(type, options);
    }

    /**
     * Adds one record as a row.
     *
     * @param row the record, not null
     */
    @Override
    public void accept(R row) {
        Objects.requireNonNull(row, "row");
        try {
            for (int i = 0; i < accessors.length; i++) {
                ColumnProfiler column = columns[i];
                MethodHandle accessor = accessors[i];
                switch (kinds[i]) {
                    case PRIMITIVE_DOUBLE -> column.addDouble((double) accessor.invokeExact((Object) row));
                    case PRIMITIVE_LONG -> column.addLong((long) accessor.invokeExact((Object) row));
                    case PRIMITIVE_BOOLEAN -> column.addBoolean((boolean) accessor.invokeExact((Object) row));
                    default -> addObject(column, kinds[i], (Object) accessor.invokeExact((Object) row));
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot read a " + type.getName() + " record: " + e, e);
        }
        rows++;
    }

    private static void addObject(ColumnProfiler column, Kind kind, Object value) {
        if (value == null) {
            column.addNull();
            return;
        }
        switch (kind) {
            case NUMBER_DOUBLE -> column.addDouble(((Number) value).doubleValue());
            case NUMBER_LONG -> column.addLong(((Number) value).longValue());
            case BOOLEAN -> column.addBoolean((Boolean) value);
            case INSTANT -> column.addTimestamp(((Instant) value).toEpochMilli());
            case DATE -> column.addTimestamp(((Date) value).getTime());
            case LOCAL_DATE -> column.addTimestamp(((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .toEpochMilli());
            default -> column.addString(value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }

    /**
     * Adds every record of an iterable.
     *
     * @param rows the records
     * @return this profiler
     */
    public RecordProfiler<R> addAll(Iterable<? extends R> rows) {
        for (R row : rows) {
            accept(row);
        }
        return this;
    }

    /** @return the profile of the records added so far */
    public DatasetProfile profile() {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (ColumnProfiler column : columns) {
            profiles.add(column.profile());
        }
        return new DatasetProfile(rows, profiles);
    }

    private static Kind kindOf(Class<?> type) {
        if (type == double.class || type == float.class) {
            return Kind.PRIMITIVE_DOUBLE;
        }
        if (type == long.class || type == int.class || type == short.class || type == byte.class) {
            return Kind.PRIMITIVE_LONG;
        }
        if (type == boolean.class) {
            return Kind.PRIMITIVE_BOOLEAN;
        }
        if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
            return Kind.NUMBER_LONG;
        }
        if (Number.class.isAssignableFrom(type)) {
            return Kind.NUMBER_DOUBLE;
        }
        if (type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type == Instant.class) {
            return Kind.INSTANT;
        }
        if (Date.class.isAssignableFrom(type)) {
            return Kind.DATE;
        }
        if (type == LocalDate.class) {
            return Kind.LOCAL_DATE;
        }
        return Kind.STRING;
    }

    private static ColumnType columnType(Kind kind) {
        return switch (kind) {
            case PRIMITIVE_DOUBLE, NUMBER_DOUBLE -> ColumnType.DOUBLE;
            case PRIMITIVE_LONG, NUMBER_LONG -> ColumnType.LONG;
            case PRIMITIVE_BOOLEAN, BOOLEAN -> ColumnType.BOOLEAN;
            case INSTANT, DATE, LOCAL_DATE -> ColumnType.TIMESTAMP;
            case STRING -> ColumnType.STRING;
        };
    }

    private static MethodHandle handle(RecordComponent component, Kind kind) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(accessor);
            Class<?> returned = switch (kind) {
                case PRIMITIVE_DOUBLE -> double.class;
                case PRIMITIVE_LONG -> long.class;
                case PRIMITIVE_BOOLEAN -> boolean.class;
                default -> Object.class;
            };
            return handle.asType(MethodType.methodType(returned, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read record component '" + component.getName() + "' of "
                    + component.getDeclaringRecord().getName() + " (open its package to this library?): " + e, e);
        }
    }
}
