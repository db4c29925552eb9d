package io.github.mlhighway.lifecycle.core.data.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Exact counts over caller-fixed bin edges, with underflow and overflow. Mutable while profiling. */
final class FixedBins {
    private final double[] edges;
    private final long[] counts;
    private long underflow;
    private long overflow;

    FixedBins(double[] edges) {
        this(edges, new long[edges.length - 1], 0, 0);
    }

    FixedBins(double[] edges, long[] counts, long underflow, long overflow) {
        if (counts.length != edges.length - 1) {
            throw new IllegalArgumentException("fixed bins: " + edges.length + " edges need " + (edges.length - 1)
                    + " counts, got " + counts.length);
        }
        this.edges = edges;
        this.counts = counts;
        this.underflow = underflow;
        this.overflow = overflow;
    }

    void add(double value) {
        if (value < edges[0]) {
            underflow++;
        } else if (value > edges[edges.length - 1]) {
            overflow++;
        } else if (value == edges[edges.length - 1]) {
            counts[counts.length - 1]++;
        } else {
            int index = Arrays.binarySearch(edges, value);
            counts[index >= 0 ? index : -index - 2]++;
        }
    }

    double[] edges() {
        return edges.clone();
    }

    long[] counts() {
        return counts.clone();
    }

    long underflow() {
        return underflow;
    }

    long overflow() {
        return overflow;
    }

    FixedBins copy() {
        return new FixedBins(edges.clone(), counts.clone(), underflow, overflow);
    }

    static @Nullable FixedBins merge(@Nullable FixedBins a, @Nullable FixedBins b, String column) {
        if (a == null || b == null) {
            if (a != b) {
                throw new IllegalArgumentException("Cannot merge profiles of column '" + column
                        + "': only one has fixed histogram bins");
            }
            return null;
        }
        if (!Arrays.equals(a.edges, b.edges)) {
            throw new IllegalArgumentException("Cannot merge profiles of column '" + column
                    + "': fixed histogram edges differ, " + Arrays.toString(a.edges) + " vs "
                    + Arrays.toString(b.edges));
        }
        long[] sum = new long[a.counts.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = a.counts[i] + b.counts[i];
        }
        return new FixedBins(a.edges.clone(), sum, a.underflow + b.underflow, a.overflow + b.overflow);
    }

    Histogram toHistogram() {
        List<Histogram.Bin> bins = new ArrayList<>();
        if (underflow > 0) {
            bins.add(new Histogram.Bin("< " + edges[0], null, edges[0], underflow));
        }
        for (int i = 0; i < counts.length; i++) {
            String close = i == counts.length - 1 ? "]" : ")";
            bins.add(new Histogram.Bin("[" + edges[i] + ", " + edges[i + 1] + close, edges[i], edges[i + 1],
                    counts[i]));
        }
        if (overflow > 0) {
            bins.add(new Histogram.Bin("> " + edges[edges.length - 1], edges[edges.length - 1], null, overflow));
        }
        return new Histogram(bins, true, "fixed");
    }
}
