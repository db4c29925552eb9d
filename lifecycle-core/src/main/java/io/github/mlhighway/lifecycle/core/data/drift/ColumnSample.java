package io.github.mlhighway.lifecycle.core.data.drift;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.NumericColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.FrequentItem;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side (reference or current) of one column, as drift tests read it: numeric values or sketch, or
 * category counts. {@code numeric} and {@code categories} are null when the side has no usable values.
 */
final class ColumnSample {
    /** Label of the remainder bucket when only frequent items are known. */
    static final String OTHER = "(other)";

    final String column;
    final ColumnType type;
    final NumericSample numeric;
    final Map<String, Long> categories;
    final boolean categoriesExact;
    final boolean fromSketch;

    private ColumnSample(String column, ColumnType type, NumericSample numeric, Map<String, Long> categories,
            boolean categoriesExact, boolean fromSketch) {
        this.column = column;
        this.type = type;
        this.numeric = numeric;
        this.categories = categories;
        this.categoriesExact = categoriesExact;
        this.fromSketch = fromSketch;
    }

    boolean isEmpty() {
        return type.isNumeric() ? numeric.n == 0 : categories.isEmpty();
    }

    long size() {
        if (type.isNumeric()) {
            return numeric.n;
        }
        return categories.values().stream().mapToLong(Long::longValue).sum();
    }

    static ColumnSample of(Column column, int smallDomainCap) {
        if (column instanceof DoubleColumn c) {
            double[] values = c.nonNullValues();
            int finite = 0;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    values[finite++] = v;
                }
            }
            return numeric(column, java.util.Arrays.copyOf(values, finite), smallDomainCap);
        }
        if (column instanceof NumericColumn c) {
            return numeric(column, c.nonNullDoubles(), smallDomainCap);
        }
        Map<String, Long> counts = new TreeMap<>();
        if (column instanceof BooleanColumn c) {
            for (boolean v : c.nonNullValues()) {
                counts.merge(Boolean.toString(v), 1L, Long::sum);
            }
        } else if (column instanceof StringColumn c) {
            for (String v : c.nonNullValues()) {
                counts.merge(v, 1L, Long::sum);
            }
        }
        return new ColumnSample(column.name(), column.type(), null, counts, true, false);
    }

    static ColumnSample of(ColumnProfile profile) {
        if (profile.isNumeric()) {
            return new ColumnSample(profile.name(), profile.type(), NumericSample.ofProfile(profile), null, true,
                    true);
        }
        Map<String, Long> exact = profile.categoryCounts().orElse(null);
        if (exact != null) {
            return new ColumnSample(profile.name(), profile.type(), null, new TreeMap<>(exact), true, true);
        }
        Map<String, Long> approximate = new TreeMap<>();
        long covered = 0;
        for (FrequentItem item : profile.frequentItems()) {
            approximate.put(item.item(), item.estimate());
            covered += item.estimate();
        }
        long rest = profile.count() - covered;
        if (rest > 0) {
            approximate.merge(OTHER, rest, Long::sum);
        }
        return new ColumnSample(profile.name(), profile.type(), null, approximate, false, true);
    }

    private static ColumnSample numeric(Column column, double[] finite, int smallDomainCap) {
        return new ColumnSample(column.name(), column.type(), NumericSample.ofFiniteValues(finite, smallDomainCap),
                null, true, false);
    }
}
