package io.github.mlhighway.lifecycle.core.data.drift;

import io.github.mlhighway.lifecycle.core.data.BooleanColumn;
import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.ColumnType;
import io.github.mlhighway.lifecycle.core.data.DoubleColumn;
import io.github.mlhighway.lifecycle.core.data.NumericColumn;
import io.github.mlhighway.lifecycle.core.data.StringColumn;
import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.FrequentItem;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One side (reference or current) of one column, as drift tests read it: numeric values or sketch, or
 * category counts. {@code numeric} and {@code categories} are null when the side has no usable values.
 *
 * <p>A categorical side whose category frequencies cannot be known carries an {@code untestable} reason instead:
 * more than half of its rows are distinct values (an identifier, say), or, from a profile beyond its category cap,
 * the frequent-items sketch's reliable items cover less than {@value #MIN_RELIABLE_COVERAGE} of the rows.
 */
final class ColumnSample {
    /** Label of the remainder bucket when only frequent items are known. */
    static final String OTHER = "(other)";
    /** Least share of rows the reliable frequent items must cover for a profile-based categorical test. */
    static final double MIN_RELIABLE_COVERAGE = 0.5;

    final String column;
    final ColumnType type;
    final @Nullable NumericSample numeric;
    final @Nullable Map<String, Long> categories;
    final boolean categoriesExact;
    final boolean fromSketch;
    /** Why the categories cannot be tested, or null. */
    final @Nullable String untestable;
    /** From a frequent-items sketch: the estimate of every listed item, reliable or not; null otherwise. */
    final @Nullable Map<String, Long> listed;
    /** From a frequent-items sketch: its maximum count error; 0 otherwise. */
    final long maxError;
    /** Non-null values, non-finite ones included. */
    long nonNull;
    /** Non-null values that no test sees: NaN and infinities of a numeric column. */
    long nonFinite;

    private ColumnSample(String column, ColumnType type, @Nullable NumericSample numeric,
            @Nullable Map<String, Long> categories,
            boolean categoriesExact, boolean fromSketch, @Nullable String untestable,
            @Nullable Map<String, Long> listed,
            long maxError) {
        this.column = column;
        this.type = type;
        this.numeric = numeric;
        this.categories = categories;
        this.categoriesExact = categoriesExact;
        this.fromSketch = fromSketch;
        this.untestable = untestable;
        this.listed = listed;
        this.maxError = maxError;
    }

    private ColumnSample(String column, ColumnType type, NumericSample numeric, @Nullable Map<String, Long> categories,
            boolean categoriesExact, boolean fromSketch) {
        this(column, type, numeric, categories, categoriesExact, fromSketch, null, null, 0);
    }

    /** @return the share of non-null values that are NaN or infinite (0 without values) */
    double nonFiniteShare() {
        return nonNull == 0 ? 0.0 : (double) nonFinite / nonNull;
    }

    boolean isEmpty() {
        return type.isNumeric() ? Objects.requireNonNull(numeric).n == 0 : Objects.requireNonNull(categories).isEmpty();
    }

    long size() {
        if (type.isNumeric()) {
            return Objects.requireNonNull(numeric).n;
        }
        return Objects.requireNonNull(categories).values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when more than half of the rows are distinct values (and there are more than two of them). */
    static boolean highCardinality(double distinct, long rows) {
        return distinct > 2 && 2 * distinct > rows;
    }

    static String highCardinalityReason(String distinct, long rows) {
        return "high-cardinality column: " + distinct + " distinct values in " + rows + " rows (more than half), "
                + "so category frequencies cannot be compared; is it an identifier?";
    }

    /**
     * This side's category counts ({@code own}, its categorical view) over the categories of both sides. Exact counts are returned as they are. From a
     * frequent-items sketch, a category that is reliable on the other side only is moved out of {@link #OTHER}
     * when this side's sketch lists it (an unlisted item has a true count of at most the sketch's maximum error and
     * stays pooled).
     */
    Map<String, Long> categoriesAlignedWith(Map<String, Long> own, Map<String, Long> otherSide) {
        if (listed == null) {
            return own;
        }
        Map<String, Long> aligned = new TreeMap<>(own);
        for (String category : otherSide.keySet()) {
            Long estimate = listed.get(category);
            if (OTHER.equals(category) || aligned.containsKey(category) || estimate == null) {
                continue;
            }
            long rest = aligned.getOrDefault(OTHER, 0L);
            long moved = Math.min(rest, estimate);
            if (moved > 0) {
                aligned.put(category, moved);
                if (rest - moved > 0) {
                    aligned.put(OTHER, rest - moved);
                } else {
                    aligned.remove(OTHER);
                }
            }
        }
        return aligned;
    }

    static ColumnSample of(Column column, int smallDomainCap) {
        if (column instanceof DoubleColumn c) {
            double[] values = c.nonNullValues();
            int finite = 0;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    values[finite++] = v + 0.0; // -0.0 + 0.0 is 0.0: signed zeros are one value for every test
                }
            }
            ColumnSample sample = numeric(column, java.util.Arrays.copyOf(values, finite), smallDomainCap);
            sample.nonNull = values.length;
            sample.nonFinite = values.length - finite;
            return sample;
        }
        if (column instanceof NumericColumn c) {
            ColumnSample sample = numeric(column, c.nonNullDoubles(), smallDomainCap);
            sample.nonNull = Objects.requireNonNull(sample.numeric).n;
            return sample;
        }
        Map<String, Long> counts = new HashMap<>();
        String untestable = null;
        if (column instanceof BooleanColumn c) {
            for (boolean v : c.nonNullValues()) {
                counts.merge(Boolean.toString(v), 1L, Long::sum);
            }
        } else if (column instanceof StringColumn c) {
            String[] values = c.nonNullValues();
            long rows = values.length;
            // stop counting (and holding) categories once more than half of the rows are distinct
            for (String v : values) {
                counts.merge(v, 1L, Long::sum);
                if (highCardinality(counts.size(), rows)) {
                    untestable = highCardinalityReason("at least " + counts.size(), rows);
                    break;
                }
            }
        }
        ColumnSample sample = new ColumnSample(column.name(), column.type(), null, new TreeMap<>(counts), true,
                false, untestable, null, 0);
        sample.nonNull = column.size() - column.nullCount();
        return sample;
    }

    static ColumnSample of(ColumnProfile profile) {
        ColumnSample sample = ofSketches(profile);
        sample.nonNull = profile.count();
        sample.nonFinite = profile.nanCount() + profile.infiniteCount();
        return sample;
    }

    private static ColumnSample ofSketches(ColumnProfile profile) {
        if (profile.isNumeric()) {
            return new ColumnSample(profile.name(), profile.type(), NumericSample.ofProfile(profile), null, true,
                    true);
        }
        long rows = profile.count();
        Map<String, Long> exact = profile.categoryCounts().orElse(null);
        if (exact != null) {
            String untestable = highCardinality(exact.size(), rows)
                    ? highCardinalityReason(Integer.toString(exact.size()), rows) : null;
            return new ColumnSample(profile.name(), profile.type(), null, new TreeMap<>(exact), true, true,
                    untestable, null, 0);
        }
        // Beyond the category cap only the frequent-items sketch is left. An item's estimate can be off by up to
        // the sketch's maximum error (for an identifier the sketch lists items "estimated" at about that error
        // whose true count is 1), so only items whose lower bound exceeds the maximum error are used, at the
        // midpoint of their bounds; the rest is pooled into OTHER.
        long maxError = profile.frequentItemsMaxError();
        Map<String, Long> reliable = new TreeMap<>();
        Map<String, Long> listed = new HashMap<>();
        long covered = 0;
        for (FrequentItem item : profile.frequentItems()) {
            long midpoint = item.lowerBound() + (item.upperBound() - item.lowerBound()) / 2;
            listed.put(item.item(), midpoint);
            if (item.lowerBound() > maxError) {
                reliable.put(item.item(), midpoint);
                covered += midpoint;
            }
        }
        String untestable = null;
        if (highCardinality(profile.distinctLowerBound(), rows)) {
            untestable = highCardinalityReason("about " + Math.round(profile.distinctEstimate()), rows);
        } else if (rows > 0 && covered < MIN_RELIABLE_COVERAGE * rows) {
            untestable = String.format(Locale.ROOT, "high-cardinality column: category counts are not known from "
                    + "the sketch (more than %d categories; the %d frequent items counted within ±%d cover %.1f%% "
                    + "of %d rows, less than %.0f%%)", profile.categoryCap(), reliable.size(), maxError,
                    100.0 * covered / rows, rows, 100 * MIN_RELIABLE_COVERAGE);
        }
        long rest = rows - covered;
        if (rest > 0) {
            reliable.merge(OTHER, rest, Long::sum);
        }
        return new ColumnSample(profile.name(), profile.type(), null, reliable, false, true, untestable, listed,
                maxError);
    }
    private static ColumnSample numeric(Column column, double[] finite, int smallDomainCap) {
        return new ColumnSample(column.name(), column.type(), NumericSample.ofFiniteValues(finite, smallDomainCap),
                null, true, false);
    }
}
