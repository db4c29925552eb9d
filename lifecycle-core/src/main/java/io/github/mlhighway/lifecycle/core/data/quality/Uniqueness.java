package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.LongColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.TimestampColumn;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A non-null value is unique when no other row holds it. Strings are counted in a hash map; numbers are sorted
 * once and looked up by binary search (doubles compare as {@link Double#compare}: NaN equals NaN, -0.0 differs
 * from 0.0). Time and memory grow linearly (strings) or as n log n (numbers), so a million distinct values are
 * fine.
 */
record Uniqueness() implements RowRule {

    @Override
    public String name() {
        return "uniqueness";
    }

    @Override
    public String requirement() {
        return "be unique";
    }

    @Override
    public IntPredicate tester(Column column) {
        if (column instanceof StringColumn strings) {
            Map<String, Integer> counts = new HashMap<>();
            for (String value : strings.nonNullValues()) {
                counts.merge(value, 1, Integer::sum);
            }
            return row -> Objects.requireNonNull(counts.get(strings.getString(row))) == 1;
        }
        if (column instanceof DoubleColumn doubles) {
            double[] sorted = doubles.nonNullValues();
            Arrays.sort(sorted);
            return row -> {
                double value = doubles.getDouble(row);
                int at = Arrays.binarySearch(sorted, value);
                return (at == 0 || Double.compare(sorted[at - 1], value) != 0)
                        && (at == sorted.length - 1 || Double.compare(sorted[at + 1], value) != 0);
            };
        }
        if (column instanceof LongColumn longs) {
            return uniqueLongs(longs.nonNullValues(), longs::getLong);
        }
        if (column instanceof TimestampColumn timestamps) {
            return uniqueLongs(timestamps.nonNullValues(), timestamps::getEpochMillis);
        }
        BooleanColumn booleans = (BooleanColumn) column;
        int trues = 0;
        boolean[] values = booleans.nonNullValues();
        for (boolean value : values) {
            trues += value ? 1 : 0;
        }
        int trueCount = trues;
        int falseCount = values.length - trues;
        return row -> (booleans.getBoolean(row) ? trueCount : falseCount) == 1;
    }

    private static IntPredicate uniqueLongs(long[] sorted, java.util.function.IntToLongFunction value) {
        Arrays.sort(sorted);
        return row -> {
            long v = value.applyAsLong(row);
            int at = Arrays.binarySearch(sorted, v);
            return (at == 0 || sorted[at - 1] != v) && (at == sorted.length - 1 || sorted[at + 1] != v);
        };
    }
}
