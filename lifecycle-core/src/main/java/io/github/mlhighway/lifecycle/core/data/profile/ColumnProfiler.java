package io.github.mlhighway.lifecycle.core.data.profile;

import io.github.mlhighway.lifecycle.core.data.ColumnType;
import java.util.Objects;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates the profile of one column, one value at a time, then {@link #profile() builds} it. The numeric
 * path allocates nothing per value: finite values are buffered in a small array and handed to the moments, the
 * KLL sketch (its vector update) and the other summaries {@value #BATCH} at a time, which keeps the per-value
 * work in tight loops (see {@code benchmarks/README.md}). Not thread-safe: profile each
 * partition with its own profiler and {@link ColumnProfile#merge merge} the results.
 *
 * <pre>{@code
 * ColumnProfiler wind = ColumnProfiler.of("wind", ColumnType.DOUBLE, ProfileOptions.defaults());
 * for (double w : readings) wind.addDouble(w);
 * ColumnProfile profile = wind.profile();
 * }</pre>
 *
 * @since 0.1
 */
public final class ColumnProfiler {

    /** Finite numeric values buffered before they reach the summaries. */
    static final int BATCH = 256;

    private final String name;
    private final ColumnType type;
    private final ProfileOptions options;
    private long count;
    private long nullCount;
    private long nanCount;
    private long infiniteCount;
    private long trueCount;
    private long falseCount;
    private final @Nullable MomentsAccumulator moments;
    private final @Nullable KllDoublesSketch quantiles;
    private final @Nullable SmallDomainCounter smallDomain;
    private final @Nullable FixedBins fixedBins;
    private final HllSketch distinct;
    private final @Nullable ItemsSketch<String> frequentItems;
    private final @Nullable CategoryCounter categories;
    private final double @Nullable [] batch;
    private int batched;

    private ColumnProfiler(String name, ColumnType type, ProfileOptions options) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.options = Objects.requireNonNull(options, "options");
        // HLL_8 (a byte per register) updates about twice as fast as HLL_4; profiles keep HLL_4 (see profile()).
        this.distinct = new HllSketch(options.hllLgK(), TgtHllType.HLL_8);
        if (type.isNumeric()) {
            moments = new MomentsAccumulator();
            quantiles = KllDoublesSketch.newHeapInstance(options.kllK());
            smallDomain = new SmallDomainCounter(options.smallDomainCap());
            double[] edges = options.fixedBinEdges(name);
            fixedBins = edges == null ? null : new FixedBins(edges);
            batch = new double[BATCH];
            frequentItems = null;
            categories = null;
        } else {
            moments = null;
            quantiles = null;
            smallDomain = null;
            fixedBins = null;
            batch = null;
            frequentItems = type == ColumnType.STRING ? new ItemsSketch<>(options.frequentItemsMapSize()) : null;
            categories = type == ColumnType.STRING ? new CategoryCounter(options.categoryCap()) : null;
        }
    }

    /**
     * A profiler for one column.
     *
     * @param name    column name
     * @param type    column type
     * @param options sketch settings and caps
     * @return the profiler
     */
    public static ColumnProfiler of(String name, ColumnType type, ProfileOptions options) {
        return new ColumnProfiler(name, type, options);
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return the column type */
    public ColumnType type() {
        return type;
    }

    /**
     * Adds a value to a DOUBLE column (LONG and TIMESTAMP columns accept it too). NaN and infinities are
     * counted apart.
     *
     * @param value any double
     * @throws IllegalStateException if the column is not numeric
     */
    public void addDouble(double value) {
        if (moments == null) {
            throw wrongType("a double");
        }
        count++;
        if (Double.isNaN(value)) {
            nanCount++;
        } else if (Double.isInfinite(value)) {
            infiniteCount++;
        } else {
            addFinite(value);
        }
    }

    /**
     * Adds a value to a LONG column (summarised as a double, exact up to 2^53).
     *
     * @param value the value
     * @throws IllegalStateException if the column is not numeric
     */
    public void addLong(long value) {
        if (moments == null) {
            throw wrongType("a long");
        }
        count++;
        addFinite(value);
    }

    /**
     * Adds a value to a TIMESTAMP column.
     *
     * @param epochMillis the instant as epoch milliseconds
     * @throws IllegalStateException if the column is not numeric
     */
    public void addTimestamp(long epochMillis) {
        addLong(epochMillis);
    }

    private void addFinite(double value) {
        Objects.requireNonNull(batch)[batched++] = value + 0.0; // -0.0 + 0.0 is 0.0: signed zeros are one value in every summary
        if (batched == BATCH) {
            flush();
        }
    }

    /** Hands the buffered finite values to the summaries; every read of them must flush first. */
    private void flush() {
        int n = batched;
        if (n == 0) {
            return;
        }
        double[] values = batch;
        Objects.requireNonNull(moments).addAll(Objects.requireNonNull(values), n);
        Objects.requireNonNull(quantiles).update(values, 0, n);
        for (int i = 0; i < n; i++) {
            distinct.update(Objects.requireNonNull(values)[i]);
        }
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(smallDomain).add(Objects.requireNonNull(values)[i]);
        }
        if (fixedBins != null) {
            for (int i = 0; i < n; i++) {
                fixedBins.add(Objects.requireNonNull(values)[i]);
            }
        }
        batched = 0;
    }

    /**
     * Adds a value to a BOOLEAN column.
     *
     * @param value the value
     * @throws IllegalStateException if the column is not BOOLEAN
     */
    public void addBoolean(boolean value) {
        if (type != ColumnType.BOOLEAN) {
            throw wrongType("a boolean");
        }
        count++;
        if (value) {
            trueCount++;
        } else {
            falseCount++;
        }
    }

    /**
     * Adds a category to a STRING column; null adds a null. A value longer than {@link
     * ProfileOptions#maxValueLength()} is stored truncated, with a marker ({@link ProfileValues#capped}).
     *
     * @param value the category or null
     * @throws IllegalStateException if the column is not STRING
     */
    public void addString(String value) {
        if (categories == null) {
            throw wrongType("a string");
        }
        if (value == null) {
            nullCount++;
            return;
        }
        count++;
        String stored = ProfileValues.capped(value, options.maxValueLength());
        Objects.requireNonNull(frequentItems).update(stored);
        distinct.update(value);
        categories.add(stored, 1);
    }

    /** Adds a null row. */
    public void addNull() {
        nullCount++;
    }

    /**
     * Adds several null rows at once (e.g. a column first seen after some rows).
     *
     * @param rows null rows to add, at least 0
     */
    public void addNulls(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
        nullCount += rows;
    }

    /** @return rows added so far, nulls included */
    public long rowCount() {
        return count + nullCount;
    }

    /**
     * Builds the profile of the values added so far. The profiler stays usable; later values go into later
     * profiles.
     *
     * @return the profile
     */
    public ColumnProfile profile() {
        if (batch != null) {
            flush();
        }
        ColumnProfile.State state = new ColumnProfile.State(name, type);
        state.count = count;
        state.nullCount = nullCount;
        state.nanCount = nanCount;
        state.infiniteCount = infiniteCount;
        state.categoryCap = options.categoryCap();
        state.smallDomainCap = options.smallDomainCap();
        state.frequentItemsMapSize = options.frequentItemsMapSize();
        state.histogramBins = options.histogramBins();
        state.distinct = distinct.copyAs(TgtHllType.HLL_4);
        if (type.isNumeric()) {
            state.moments = Objects.requireNonNull(moments).toMoments();
            state.quantiles = KllDoublesSketch.heapify(
                    org.apache.datasketches.memory.Memory.wrap(Objects.requireNonNull(quantiles).toByteArray()));
            state.smallDomainCounts = Objects.requireNonNull(smallDomain).toMap();
            state.fixedBins = fixedBins == null ? null : fixedBins.copy();
        } else if (type == ColumnType.BOOLEAN) {
            ItemsSketch<String> items = new ItemsSketch<>(options.frequentItemsMapSize());
            HllSketch hll = new HllSketch(options.hllLgK());
            java.util.Map<String, Long> counts = new java.util.TreeMap<>();
            if (falseCount > 0) {
                items.update("false", falseCount);
                hll.update("false");
                counts.put("false", falseCount);
            }
            if (trueCount > 0) {
                items.update("true", trueCount);
                hll.update("true");
                counts.put("true", trueCount);
            }
            state.frequentItems = items;
            state.distinct = hll;
            state.categoryCounts = counts;
        } else {
            state.frequentItems = ItemsSketch.getInstance(
                    org.apache.datasketches.memory.Memory.wrap(
                            Objects.requireNonNull(frequentItems).toByteArray(new org.apache.datasketches.common.ArrayOfStringsSerDe())),
                    new org.apache.datasketches.common.ArrayOfStringsSerDe());
            state.categoryCounts = Objects.requireNonNull(categories).toMap();
        }
        return new ColumnProfile(state);
    }

    private IllegalStateException wrongType(String what) {
        return new IllegalStateException("Column '" + name + "' is " + type + "; cannot add " + what);
    }
}
