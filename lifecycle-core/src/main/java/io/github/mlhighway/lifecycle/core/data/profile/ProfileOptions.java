package io.github.mlhighway.lifecycle.core.data.profile;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Immutable settings of the sketches and caps a profile uses. Defaults are the named constants; build other
 * settings with {@link #builder()}.
 *
 * @since 0.1
 */
public final class ProfileOptions {

    /**
     * Default KLL accuracy parameter k: normalized rank error about 0.036% (single-rank, 99% confidence). Drift
     * statistics from profiles state an error bound derived from it, and a decision within the bound is
     * inconclusive; at k = 400 (rank error 0.68%) the guaranteed bound of a 30-bin PSI near 0.1 was about ±1.2 and
     * of Wasserstein/std on lognormal data about ±0.45, so nearly every decision from profiles was inconclusive; at
     * this k they are about ±0.025 and ±0.03 (see {@code SketchErrorBoundTest}). Costs memory: a column's sketch
     * holds at most about 3k values (about 200 KB; 64 KB allocated up front), and is exact up to about k values.
     */
    public static final int DEFAULT_KLL_K = 8192;
    /** Default log2 of the HLL register count: relative error about 1.6% (one standard deviation). */
    public static final int DEFAULT_HLL_LG_K = 12;
    /** Default maximum map size of the frequent-items sketch (a power of 2). */
    public static final int DEFAULT_FREQUENT_ITEMS_MAP_SIZE = 128;
    /** Default number of distinct categories counted exactly; beyond it only the sketches are kept. */
    public static final int DEFAULT_CATEGORY_CAP = 1_000;
    /** Default number of distinct numeric values counted exactly (small domains: codes, ratings, flags). */
    public static final int DEFAULT_SMALL_DOMAIN_CAP = 32;
    /** Default number of equal-rank histogram bins derived from the quantile sketch. */
    public static final int DEFAULT_HISTOGRAM_BINS = 10;
    /**
     * Default longest category value a profile stores (in frequent items, category counts and histogram labels),
     * in chars; a longer value is stored as its first chars and a marker (see {@link ProfileValues}).
     */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 1_000;

    private static final ProfileOptions DEFAULTS = builder().build();

    private final int kllK;
    private final int hllLgK;
    private final int frequentItemsMapSize;
    private final int categoryCap;
    private final int smallDomainCap;
    private final int histogramBins;
    private final int maxValueLength;
    private final Map<String, double[]> fixedBinEdges;

    private ProfileOptions(Builder builder) {
        this.kllK = builder.kllK;
        this.hllLgK = builder.hllLgK;
        this.frequentItemsMapSize = builder.frequentItemsMapSize;
        this.categoryCap = builder.categoryCap;
        this.smallDomainCap = builder.smallDomainCap;
        this.histogramBins = builder.histogramBins;
        this.maxValueLength = builder.maxValueLength;
        this.fixedBinEdges = Map.copyOf(builder.fixedBinEdges);
    }

    /** @return the default options */
    public static ProfileOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the longest category value stored as it is, in chars; longer ones are truncated with a marker */
    public int maxValueLength() {
        return maxValueLength;
    }

    /** @return the KLL accuracy parameter k */
    public int kllK() {
        return kllK;
    }

    /** @return log2 of the HLL register count */
    public int hllLgK() {
        return hllLgK;
    }

    /** @return the maximum map size of the frequent-items sketch */
    public int frequentItemsMapSize() {
        return frequentItemsMapSize;
    }

    /** @return how many distinct categories are counted exactly */
    public int categoryCap() {
        return categoryCap;
    }

    /** @return how many distinct numeric values are counted exactly */
    public int smallDomainCap() {
        return smallDomainCap;
    }

    /** @return the number of quantile-derived histogram bins */
    public int histogramBins() {
        return histogramBins;
    }

    /**
     * The caller-fixed histogram bin edges of a numeric column, if any.
     *
     * @param column the column name
     * @return a copy of the edges, or null when the histogram is derived from the quantiles
     */
    public double @Nullable [] fixedBinEdges(String column) {
        double[] edges = fixedBinEdges.get(column);
        return edges == null ? null : edges.clone();
    }

    /** Builds {@link ProfileOptions}, validating each argument at once. */
    public static final class Builder {
        private int kllK = DEFAULT_KLL_K;
        private int hllLgK = DEFAULT_HLL_LG_K;
        private int frequentItemsMapSize = DEFAULT_FREQUENT_ITEMS_MAP_SIZE;
        private int categoryCap = DEFAULT_CATEGORY_CAP;
        private int smallDomainCap = DEFAULT_SMALL_DOMAIN_CAP;
        private int histogramBins = DEFAULT_HISTOGRAM_BINS;
        private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;
        private final Map<String, double[]> fixedBinEdges = new HashMap<>();

        private Builder() {
        }

        /**
         * The longest category value a profile stores as it is; longer values are truncated with a marker that
         * keeps them apart (see {@link ProfileValues#capped(String, int)}). Distinct counts still see whole values.
         *
         * @param chars 16 to 40,000 (category counts are JSON keys, and Jackson reads names of at most 50,000
         *              chars by default, marker included)
         * @return this builder
         */
        public Builder maxValueLength(int chars) {
            if (chars < 16 || chars > 40_000) {
                throw new IllegalArgumentException("maxValueLength must be in [16, 40000], was " + chars);
            }
            this.maxValueLength = chars;
            return this;
        }

        /**
         * @param k KLL accuracy parameter, 8 to 65535 (larger is more accurate and larger)
         * @return this builder
         */
        public Builder kllK(int k) {
            if (k < 8 || k > 65_535) {
                throw new IllegalArgumentException("kllK must be in [8, 65535], was " + k);
            }
            this.kllK = k;
            return this;
        }

        /**
         * @param lgK log2 of the HLL register count, 4 to 21
         * @return this builder
         */
        public Builder hllLgK(int lgK) {
            if (lgK < 4 || lgK > 21) {
                throw new IllegalArgumentException("hllLgK must be in [4, 21], was " + lgK);
            }
            this.hllLgK = lgK;
            return this;
        }

        /**
         * @param mapSize maximum map size of the frequent-items sketch, a power of 2 of at least 8
         * @return this builder
         */
        public Builder frequentItemsMapSize(int mapSize) {
            if (mapSize < 8 || Integer.bitCount(mapSize) != 1) {
                throw new IllegalArgumentException("frequentItemsMapSize must be a power of 2 >= 8, was " + mapSize);
            }
            this.frequentItemsMapSize = mapSize;
            return this;
        }

        /**
         * @param cap distinct categories counted exactly, at least 1
         * @return this builder
         */
        public Builder categoryCap(int cap) {
            if (cap < 1) {
                throw new IllegalArgumentException("categoryCap must be >= 1, was " + cap);
            }
            this.categoryCap = cap;
            return this;
        }

        /**
         * @param cap distinct numeric values counted exactly, 0 to 1024
         * @return this builder
         */
        public Builder smallDomainCap(int cap) {
            if (cap < 0 || cap > 1024) {
                throw new IllegalArgumentException("smallDomainCap must be in [0, 1024], was " + cap);
            }
            this.smallDomainCap = cap;
            return this;
        }

        /**
         * @param bins number of quantile-derived histogram bins, 1 to 1000
         * @return this builder
         */
        public Builder histogramBins(int bins) {
            if (bins < 1 || bins > 1000) {
                throw new IllegalArgumentException("histogramBins must be in [1, 1000], was " + bins);
            }
            this.histogramBins = bins;
            return this;
        }

        /**
         * Fixes the histogram bins of a numeric column; its bin counts are then exact. Bins are
         * {@code [e0, e1), [e1, e2), ... [e(n-1), en]}; values outside all bins are counted as underflow and
         * overflow.
         *
         * @param column the column name
         * @param edges  at least two finite, strictly increasing edges
         * @return this builder
         */
        public Builder fixedBins(String column, double... edges) {
            Objects.requireNonNull(column, "column");
            if (edges.length < 2) {
                throw new IllegalArgumentException("fixedBins for '" + column + "' needs at least 2 edges, was "
                        + Arrays.toString(edges));
            }
            for (int i = 0; i < edges.length; i++) {
                if (!Double.isFinite(edges[i]) || (i > 0 && edges[i] <= edges[i - 1])) {
                    throw new IllegalArgumentException("fixedBins for '" + column
                            + "' must be finite and strictly increasing, was " + Arrays.toString(edges));
                }
            }
            fixedBinEdges.put(column, edges.clone());
            return this;
        }

        /** @return the options */
        public ProfileOptions build() {
            return new ProfileOptions(this);
        }
    }
}
