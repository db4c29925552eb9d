package io.github.mlhighway.lifecycle.core.data.profile;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Exact counts of the distinct values of a numeric column while there are at most {@code cap} of them; after
 * that it gives up for good and costs one branch per value. Not thread-safe.
 */
final class SmallDomainCounter {
    private final int cap;
    private double @Nullable [] values;
    private long @Nullable [] counts;
    private int size;
    private boolean overflowed;

    SmallDomainCounter(int cap) {
        this.cap = cap;
        this.values = new double[Math.min(cap, 8)];
        this.counts = new long[values.length];
        this.overflowed = cap == 0;
    }

    void add(double value) {
        if (overflowed) {
            return;
        }
        for (int i = 0; i < size; i++) {
            if (Objects.requireNonNull(values)[i] == value) {
                Objects.requireNonNull(counts)[i]++;
                return;
            }
        }
        if (size == cap) {
            overflowed = true;
            values = null;
            counts = null;
            return;
        }
        if (size == Objects.requireNonNull(values).length) {
            values = java.util.Arrays.copyOf(values, Math.min(cap, size * 2));
            counts = java.util.Arrays.copyOf(counts, values.length);
        }
        values[size] = value;
        Objects.requireNonNull(counts)[size++] = 1;
    }

    /** @return value counts in increasing value order, or null after overflow */
    @Nullable Map<Double, Long> toMap() {
        if (overflowed) {
            return null;
        }
        Map<Double, Long> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.merge(Objects.requireNonNull(values)[i] == 0.0 ? 0.0 : values[i], Objects.requireNonNull(counts)[i],
                    Long::sum);
        }
        return map;
    }
}
