package io.github.mlhighway.lifecycle.core.data.profile;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;

/**
 * The profile of one column: exact counts, moments and (under a cap) category counts, plus sketches for
 * quantiles (KLL), frequent items and distinct values (HLL). Immutable; {@link #merge(ColumnProfile)} returns
 * the profile of the union of the two underlying sets of rows.
 *
 * <p>{@link #count()} counts non-null values, NaN and infinities included; moments, quantiles, distinct counts
 * and histograms cover only the finite values of a numeric column.
 *
 * @since 0.1
 */
public final class ColumnProfile {

    /** Standard deviations used for the HLL distinct-count bounds (about 95.4% confidence). */
    public static final int DISTINCT_BOUND_STD_DEVS = 2;

    private final String name;
    private final ColumnType type;
    private final long count;
    private final long nullCount;
    private final long nanCount;
    private final long infiniteCount;
    private final @Nullable Moments moments;
    private final @Nullable KllDoublesSketch quantiles;
    private final @Nullable DoublesSortedView sortedView;
    private final @Nullable HllSketch distinct;
    private final @Nullable ItemsSketch<String> frequentItems;
    private final int frequentItemsMapSize;
    private final @Nullable Map<String, Long> categoryCounts;
    private final int categoryCap;
    private final @Nullable Map<Double, Long> smallDomainCounts;
    private final int smallDomainCap;
    private final @Nullable FixedBins fixedBins;
    private final int histogramBins;

    ColumnProfile(State state) {
        this.name = Objects.requireNonNull(state.name, "name");
        this.type = Objects.requireNonNull(state.type, "type");
        this.count = state.count;
        this.nullCount = state.nullCount;
        this.nanCount = state.nanCount;
        this.infiniteCount = state.infiniteCount;
        this.moments = state.moments;
        this.quantiles = state.quantiles;
        this.sortedView = quantiles == null || quantiles.isEmpty() ? null : quantiles.getSortedView();
        this.distinct = Objects.requireNonNull(state.distinct, "distinct");
        this.frequentItems = state.frequentItems;
        this.frequentItemsMapSize = state.frequentItemsMapSize;
        this.categoryCounts = state.categoryCounts == null ? null : Collections.unmodifiableMap(state.categoryCounts);
        this.categoryCap = state.categoryCap;
        this.smallDomainCounts = state.smallDomainCounts == null ? null
                : Collections.unmodifiableMap(state.smallDomainCounts);
        this.smallDomainCap = state.smallDomainCap;
        this.fixedBins = state.fixedBins;
        this.histogramBins = state.histogramBins;
        if (count < 0 || nullCount < 0 || nanCount < 0 || infiniteCount < 0 || nanCount + infiniteCount > count) {
            throw new IllegalArgumentException("Column '" + name + "': inconsistent counts: count=" + count
                    + " nulls=" + nullCount + " NaN=" + nanCount + " infinite=" + infiniteCount);
        }
        if (type.isNumeric() && quantiles == null) {
            throw new IllegalArgumentException("Column '" + name + "' is numeric but has no quantile sketch");
        }
        if (!type.isNumeric() && frequentItems == null) {
            throw new IllegalArgumentException("Column '" + name + "' is categorical but has no frequent items");
        }
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return the column type */
    public ColumnType type() {
        return type;
    }

    /** @return whether the column is numeric (DOUBLE, LONG or TIMESTAMP) */
    public boolean isNumeric() {
        return type.isNumeric();
    }

    /** @return rows seen: values plus nulls */
    public long rowCount() {
        return count + nullCount;
    }

    /** @return non-null values, NaN and infinities included */
    public long count() {
        return count;
    }

    /** @return null rows */
    public long nullCount() {
        return nullCount;
    }

    /** @return NaN values (numeric columns; always 0 otherwise) */
    public long nanCount() {
        return nanCount;
    }

    /** @return positive or negative infinite values (numeric columns; always 0 otherwise) */
    public long infiniteCount() {
        return infiniteCount;
    }

    /** @return values that moments, quantiles and histograms cover: finite numbers, or all non-null categories */
    public long summarizedCount() {
        return count - nanCount - infiniteCount;
    }

    /**
     * Exact count, mean, variance, min and max of the finite values.
     *
     * @return the moments; empty when there are no finite values, or when they are too large for a finite
     *         variance ({@link #momentsOverflow()})
     */
    public Optional<Moments> moments() {
        return Optional.ofNullable(moments);
    }

    /**
     * Whether the column has finite values but no moments because they are too large (beyond about 1e154) for a
     * finite mean and variance in double precision. Quantiles, counts and histograms are still there.
     *
     * @return true when the moments overflowed
     */
    public boolean momentsOverflow() {
        return moments == null && type.isNumeric() && summarizedCount() > 0;
    }

    /**
     * An approximate quantile from the KLL sketch.
     *
     * @param rank normalized rank in [0, 1], e.g. 0.5 for the median
     * @return the quantile, empty for a categorical column or one without finite values
     * @throws IllegalArgumentException for a rank outside [0, 1]
     */
    public OptionalDouble quantile(double rank) {
        if (!(rank >= 0 && rank <= 1)) {
            throw new IllegalArgumentException("rank must be in [0, 1], was " + rank);
        }
        return sortedView == null ? OptionalDouble.empty()
                : OptionalDouble.of(sortedView.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE));
    }

    /**
     * The approximate fraction of finite values at most {@code value} (the empirical CDF), from the KLL sketch.
     *
     * @param value any number
     * @return the normalized rank, empty for a categorical column or one without finite values
     */
    public OptionalDouble rank(double value) {
        return sortedView == null ? OptionalDouble.empty()
                : OptionalDouble.of(sortedView.getRank(value, QuantileSearchCriteria.INCLUSIVE));
    }

    /**
     * The KLL sketch's normalized rank error for a single rank query (at 99% confidence), or 0 while the
     * sketch still holds every value (exact mode). A quantile's true rank is within this of its stated rank.
     *
     * @return the rank error; 0 for a categorical column
     */
    public double rankError() {
        return quantiles == null || !quantiles.isEstimationMode() ? 0.0 : quantiles.getNormalizedRankError(false);
    }

    /**
     * A copy of the KLL quantile sketch, for tests that need the whole distribution (e.g. sketch-based KS).
     *
     * @return an independent, updatable copy
     * @throws IllegalStateException for a categorical column
     */
    public KllDoublesSketch quantileSketch() {
        if (quantiles == null) {
            throw new IllegalStateException("Column '" + name + "' is " + type + ", it has no quantile sketch");
        }
        return KllDoublesSketch.heapify(Memory.wrap(quantiles.toByteArray()));
    }

    /** @return the HLL estimate of the number of distinct (finite or non-null) values */
    public double distinctEstimate() {
        return Objects.requireNonNull(distinct).getEstimate();
    }

    /** @return a lower bound on the distinct count at {@value #DISTINCT_BOUND_STD_DEVS} standard deviations */
    public double distinctLowerBound() {
        return Objects.requireNonNull(distinct).getLowerBound(DISTINCT_BOUND_STD_DEVS);
    }

    /** @return an upper bound on the distinct count at {@value #DISTINCT_BOUND_STD_DEVS} standard deviations */
    public double distinctUpperBound() {
        return Objects.requireNonNull(distinct).getUpperBound(DISTINCT_BOUND_STD_DEVS);
    }

    /**
     * The distinct count when it is known exactly: from the exact category counts or the small-domain counts.
     *
     * @return the exact distinct count, or empty when only the HLL estimate is known
     */
    public OptionalLong exactDistinctCount() {
        if (categoryCounts != null) {
            return OptionalLong.of(categoryCounts.size());
        }
        return smallDomainCounts == null ? OptionalLong.empty() : OptionalLong.of(smallDomainCounts.size());
    }

    /**
     * The exact count per category (booleans as {@code "false"} and {@code "true"}), kept while the column has
     * at most {@link #categoryCap()} distinct categories.
     *
     * @return counts by category in category order; empty for numeric columns or beyond the cap
     */
    public Optional<Map<String, Long>> categoryCounts() {
        return Optional.ofNullable(categoryCounts);
    }

    /** @return the number of distinct categories counted exactly before only the sketches are kept */
    public int categoryCap() {
        return categoryCap;
    }

    /** @return true when a categorical column exceeded the category cap, so only its sketches remain */
    public boolean categoryCapExceeded() {
        return !isNumeric() && categoryCounts == null;
    }

    /**
     * Exact counts of the distinct finite values of a numeric column with a small domain.
     *
     * @return counts by value in value order; empty for categorical columns or more than
     *         {@link ProfileOptions#smallDomainCap()} distinct values
     */
    public Optional<Map<Double, Long>> smallDomainCounts() {
        return Optional.ofNullable(smallDomainCounts);
    }

    /**
     * The heavy hitters of a categorical column, most frequent first, with guaranteed bounds.
     *
     * @return the frequent items (no false negatives above the sketch's maximum error); empty for numeric columns
     */
    public List<FrequentItem> frequentItems() {
        if (frequentItems == null) {
            return List.of();
        }
        List<FrequentItem> items = new ArrayList<>();
        for (ItemsSketch.Row<String> row : frequentItems.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES)) {
            items.add(new FrequentItem(row.getItem(), row.getEstimate(), row.getLowerBound(), row.getUpperBound()));
        }
        return items;
    }

    /** @return the frequent-items sketch's maximum count error (0 while every item is tracked exactly) */
    public long frequentItemsMaxError() {
        return frequentItems == null ? 0 : frequentItems.getMaximumError();
    }

    /**
     * The histogram: exact category counts for a categorical column (frequent items beyond the cap), exact
     * counts over caller-fixed bins, or equal-rank bins derived from the quantile sketch (approximate counts).
     *
     * @return the histogram
     */
    public Histogram histogram() {
        if (!isNumeric()) {
            return categoricalHistogram();
        }
        if (fixedBins != null) {
            return fixedBins.toHistogram();
        }
        return QuantileHistograms.of(sortedView, histogramBins);
    }

    private Histogram categoricalHistogram() {
        List<Histogram.Bin> bins = new ArrayList<>();
        if (categoryCounts != null) {
            categoryCounts.forEach((category, n) -> bins.add(new Histogram.Bin(category, null, null, n)));
            return new Histogram(bins, true, "categories");
        }
        for (FrequentItem item : frequentItems()) {
            bins.add(new Histogram.Bin(item.item(), null, null, item.estimate()));
        }
        return new Histogram(bins, false, "frequent-items");
    }

    /**
     * The profile of the union of this column's rows and another's. A side without values (all null, whatever
     * type was inferred for it) takes the other side's type; LONG and DOUBLE merge as DOUBLE.
     *
     * @param other a profile of the same column
     * @return the merged profile
     * @throws IllegalArgumentException if the names differ, the types cannot combine, or fixed bins differ
     */
    public ColumnProfile merge(ColumnProfile other) {
        if (!name.equals(other.name)) {
            throw new IllegalArgumentException("Cannot merge profile of column '" + name + "' with column '"
                    + other.name + "'");
        }
        if (type != other.type) {
            // Partitions read separately can infer different types: a part with no values takes the other's
            // type, and LONG widens to DOUBLE (both are profiled as doubles).
            if (other.count == 0) {
                return withMoreNulls(other.nullCount);
            }
            if (count == 0) {
                return other.withMoreNulls(nullCount);
            }
            if (!isLongOrDouble(type) || !isLongOrDouble(other.type)) {
                throw new IllegalArgumentException("Cannot merge profile of column '" + name + "' (" + type
                        + ") with one of type " + other.type + ": only LONG and DOUBLE combine (as DOUBLE)");
            }
        }
        State state = new State(name, type == other.type ? type : ColumnType.DOUBLE);
        state.count = count + other.count;
        state.nullCount = nullCount + other.nullCount;
        state.nanCount = nanCount + other.nanCount;
        state.infiniteCount = infiniteCount + other.infiniteCount;
        state.moments = momentsOverflow() || other.momentsOverflow() ? null : Moments.merge(moments, other.moments);
        if (quantiles != null) {
            KllDoublesSketch merged = KllDoublesSketch.newHeapInstance(Math.min(quantiles.getK(),
                    Objects.requireNonNull(other.quantiles).getK()));
            merged.merge(quantiles);
            merged.merge(other.quantiles);
            state.quantiles = merged;
        }
        Union union = new Union(Math.max(Objects.requireNonNull(distinct).getLgConfigK(), Objects.requireNonNull(other.distinct).getLgConfigK()));
        union.update(distinct);
        union.update(other.distinct);
        state.distinct = union.getResult(TgtHllType.HLL_4);
        if (frequentItems != null) {
            state.frequentItemsMapSize = Math.max(frequentItemsMapSize, other.frequentItemsMapSize);
            ItemsSketch<String> merged = new ItemsSketch<>(state.frequentItemsMapSize);
            merged.merge(frequentItems);
            merged.merge(other.frequentItems);
            state.frequentItems = merged;
        }
        state.categoryCap = Math.min(categoryCap, other.categoryCap);
        state.categoryCounts = CappedCounts.merge(categoryCounts, other.categoryCounts, state.categoryCap);
        state.smallDomainCap = Math.min(smallDomainCap, other.smallDomainCap);
        state.smallDomainCounts = CappedCounts.merge(smallDomainCounts, other.smallDomainCounts,
                state.smallDomainCap);
        state.fixedBins = FixedBins.merge(fixedBins, other.fixedBins, name);
        state.histogramBins = Math.max(histogramBins, other.histogramBins);
        return new ColumnProfile(state);
    }

    /**
     * This profile with more null rows, e.g. for a partition in which the column was absent.
     *
     * @param extraNulls null rows to add, at least 0
     * @return the new profile
     */
    public ColumnProfile withExtraNulls(long extraNulls) {
        if (extraNulls < 0) {
            throw new IllegalArgumentException("extraNulls must be >= 0, was " + extraNulls);
        }
        State state = toState();
        state.nullCount += extraNulls;
        return new ColumnProfile(state);
    }

    private ColumnProfile withMoreNulls(long nulls) {
        State state = toState();
        state.nullCount += nulls;
        return new ColumnProfile(state);
    }

    private static boolean isLongOrDouble(ColumnType columnType) {
        return columnType == ColumnType.LONG || columnType == ColumnType.DOUBLE;
    }

    State toState() {
        State state = new State(name, type);
        state.count = count;
        state.nullCount = nullCount;
        state.nanCount = nanCount;
        state.infiniteCount = infiniteCount;
        state.moments = moments;
        state.quantiles = quantiles;
        state.distinct = distinct;
        state.frequentItems = frequentItems;
        state.frequentItemsMapSize = frequentItemsMapSize;
        state.categoryCounts = categoryCounts;
        state.categoryCap = categoryCap;
        state.smallDomainCounts = smallDomainCounts;
        state.smallDomainCap = smallDomainCap;
        state.fixedBins = fixedBins;
        state.histogramBins = histogramBins;
        return state;
    }

    @Nullable FixedBins fixedBins() {
        return fixedBins;
    }

    int histogramBins() {
        return histogramBins;
    }

    int smallDomainCap() {
        return smallDomainCap;
    }

    int frequentItemsMapSize() {
        return frequentItemsMapSize;
    }

    byte @Nullable [] quantilesBytes() {
        return quantiles == null ? null : quantiles.toByteArray();
    }

    byte[] distinctBytes() {
        return Objects.requireNonNull(distinct).toCompactByteArray();
    }

    byte @Nullable [] frequentItemsBytes() {
        return frequentItems == null ? null
                : frequentItems.toByteArray(new org.apache.datasketches.common.ArrayOfStringsSerDe());
    }

    @Override
    public String toString() {
        return "ColumnProfile[" + name + " " + type + ", count=" + count + ", nulls=" + nullCount
                + (moments == null ? "" : ", mean=" + moments.mean() + ", std=" + moments.standardDeviation())
                + ", distinct~" + Math.round(distinctEstimate()) + "]";
    }

    /** Mutable bag of the fields, shared by the profiler, the merge and the JSON reader. */
    static final class State {
        final String name;
        final ColumnType type;
        long count;
        long nullCount;
        long nanCount;
        long infiniteCount;
        @Nullable Moments moments;
        @Nullable KllDoublesSketch quantiles;
        @Nullable HllSketch distinct;
        @Nullable ItemsSketch<String> frequentItems;
        int frequentItemsMapSize = ProfileOptions.DEFAULT_FREQUENT_ITEMS_MAP_SIZE;
        @Nullable Map<String, Long> categoryCounts;
        int categoryCap = ProfileOptions.DEFAULT_CATEGORY_CAP;
        @Nullable Map<Double, Long> smallDomainCounts;
        int smallDomainCap = ProfileOptions.DEFAULT_SMALL_DOMAIN_CAP;
        @Nullable FixedBins fixedBins;
        int histogramBins = ProfileOptions.DEFAULT_HISTOGRAM_BINS;

        State(String name, ColumnType type) {
            this.name = name;
            this.type = type;
        }
    }
}
