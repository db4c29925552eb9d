package io.github.mlhighway.lifecycle.core.data.profile;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A histogram of one column: numeric bins (fixed by the caller, exact; or derived from the quantile sketch,
 * approximate) or, for a categorical column, one bin per category with its exact count.
 *
 * @param bins   the bins, in order
 * @param exact  whether every count is exact
 * @param source how the bins were made: {@code "fixed"}, {@code "quantiles"}, {@code "categories"},
 *               {@code "frequent-items"} or {@code "empty"}
 * @since 0.1
 */
public record Histogram(List<Bin> bins, boolean exact, String source) {

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if bins or source is null
     */
    public Histogram {
        bins = List.copyOf(bins);
        Objects.requireNonNull(source, "source");
    }

    /** @return the sum of the bin counts */
    public long total() {
        return bins.stream().mapToLong(Bin::count).sum();
    }

    /**
     * One bin: a numeric interval {@code [lower, upper)} (the last bin closed) or a category.
     *
     * @param label a readable label, e.g. {@code "[1.0, 2.0)"} or the category itself
     * @param lower lower edge, null for a category or an underflow bin
     * @param upper upper edge, null for a category or an overflow bin
     * @param count number of values in the bin (rounded estimate when the histogram is not exact)
     */
    public record Bin(String label, @Nullable Double lower, @Nullable Double upper, long count) {
        /**
         * Validates the components.
         *
         * @throws IllegalArgumentException for a negative count
         */
        public Bin {
            Objects.requireNonNull(label, "label");
            if (count < 0) {
                throw new IllegalArgumentException("Histogram bin count must be >= 0, was " + count);
            }
        }
    }
}
