package io.github.mlhighway.lifecycle.core.data.drift;

import io.github.mlhighway.lifecycle.core.data.profile.ColumnProfile;
import io.github.mlhighway.lifecycle.core.data.profile.Moments;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;

/** One side of a numeric column: its finite values (sorted) or its KLL sketch, with n, std and small domain. */
final class NumericSample {
    final long n;
    final double populationStd;
    final long distinct;
    final @Nullable Map<Double, Long> smallDomain;
    final double @Nullable [] sorted;
    final @Nullable KllDoublesSketch sketch;

    private NumericSample(long n, double populationStd, long distinct, @Nullable Map<Double, Long> smallDomain,
            double @Nullable [] sorted, @Nullable KllDoublesSketch sketch) {
        this.n = n;
        this.populationStd = populationStd;
        this.distinct = distinct;
        this.smallDomain = smallDomain;
        this.sorted = sorted;
        this.sketch = sketch;
    }

    static NumericSample ofFiniteValues(double[] values, int smallDomainCap) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<Double, Long> counts = new TreeMap<>();
        long distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
            if (distinct <= smallDomainCap) {
                counts.merge(sorted[i] == 0.0 ? 0.0 : sorted[i], 1L, Long::sum);
            }
        }
        double std = sorted.length == 0 ? 0.0 : populationStd(sorted);
        return new NumericSample(sorted.length, std, distinct, distinct <= smallDomainCap ? counts : null, sorted,
                null);
    }

    static NumericSample ofProfile(ColumnProfile profile) {
        double std = profile.momentsOverflow() ? Double.NaN
                : profile.moments().map(Moments::populationStandardDeviation).orElse(0.0);
        long distinct = profile.exactDistinctCount().orElse(Math.round(profile.distinctEstimate()));
        return new NumericSample(profile.summarizedCount(), std, distinct, profile.smallDomainCounts().orElse(null),
                null, profile.quantileSketch());
    }

    /** NaN when the values are too large for a finite variance (their drift is then inconclusive). */
    private static double populationStd(double[] values) {
        try {
            return Moments.of(values).populationStandardDeviation();
        } catch (IllegalArgumentException overflow) {
            return Double.NaN;
        }
    }

    boolean exact() {
        return sorted != null;
    }

    /** @return the fraction of values at most x */
    double cdf(double x) {
        if (sorted != null) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] <= x) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return (double) low / sorted.length;
        }
        return Objects.requireNonNull(sketch).getRank(x, QuantileSearchCriteria.INCLUSIVE);
    }

    /** @return the smallest value whose cdf is at least q */
    double quantile(double q) {
        if (sorted != null) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
        return Objects.requireNonNull(sketch).getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
    }
}
