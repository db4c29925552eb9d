package io.github.mlhighway.lifecycle.core.data.profile;

import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.quantilescommon.DoublesSortedView;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.jspecify.annotations.Nullable;

/** Equal-rank histograms derived from a KLL sketch's sorted view. */
final class QuantileHistograms {
    private QuantileHistograms() {
    }

    static Histogram of(@Nullable DoublesSortedView view, int bins) {
        if (view == null) {
            return new Histogram(List.of(), true, "empty");
        }
        long n = view.getN();
        double min = view.getMinItem();
        double max = view.getMaxItem();
        if (min == max) {
            return new Histogram(List.of(new Histogram.Bin("[" + min + ", " + max + "]", min, max, n)), true,
                    "quantiles");
        }
        List<Double> edges = new ArrayList<>();
        edges.add(min);
        for (int i = 1; i < bins; i++) {
            double edge = view.getQuantile((double) i / bins, QuantileSearchCriteria.INCLUSIVE);
            if (edge > edges.get(edges.size() - 1) && edge < max) {
                edges.add(edge);
            }
        }
        edges.add(max);
        List<Histogram.Bin> out = new ArrayList<>();
        double previousRank = 0.0;
        for (int i = 1; i < edges.size(); i++) {
            boolean last = i == edges.size() - 1;
            double rank = last ? 1.0 : view.getRank(edges.get(i), QuantileSearchCriteria.EXCLUSIVE);
            long binCount = Math.max(0, Math.round((rank - previousRank) * n));
            out.add(new Histogram.Bin("[" + edges.get(i - 1) + ", " + edges.get(i) + (last ? "]" : ")"),
                    edges.get(i - 1), edges.get(i), binCount));
            previousRank = rank;
        }
        return new Histogram(out, false, "quantiles");
    }
}
