package io.github.mlhighway.lifecycle.core.data.quality;

import io.github.mlhighway.lifecycle.core.data.Column;
import io.github.mlhighway.lifecycle.core.data.Table;
import io.github.mlhighway.lifecycle.gate.Finding;
import io.github.mlhighway.lifecycle.gate.Outcome;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/**
 * An exact quantile of a numeric column's non-null values lies within bounds. The quantile interpolates linearly
 * between order statistics (definition 7 of Hyndman and Fan, the default of R and NumPy): with the values sorted
 * as x[0..n-1], the q-quantile is x[h] + (h - floor(h)) (x[h+1] - x[h]) at h = (n - 1) q. NaN values have no
 * place in an order: FAIL, with their count. Infinities are ordered as usual (interpolating next to an
 * infinity gives that infinity). No value at all is INCONCLUSIVE.
 */
final class QuantileBounds implements Constraint {

    private final String column;
    private final double quantile;
    private final Bounds bounds;

    QuantileBounds(String column, double quantile, Bounds bounds) {
        this.column = Objects.requireNonNull(column, "column");
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], was " + quantile);
        }
        this.quantile = quantile;
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public String check() {
        return "quantile(" + column + ", " + quantile + ")";
    }

    @Override
    public String description() {
        return "the " + quantile + " quantile of '" + column + "' must be " + bounds.describe();
    }

    @Override
    public Finding evaluate(Table table) {
        Optional<Column> found = Findings.column(table, column);
        if (found.isEmpty()) {
            return Findings.missingColumn(check(), table, column);
        }
        Column values = found.get();
        IntToDoubleFunction numbers = NumericValues.of(values);
        if (numbers == null) {
            return Findings.fail(check(), null, NumericValues.notNumeric(values, "a quantile"));
        }
        double[] sorted = new double[values.size() - values.nullCount()];
        int n = 0;
        int nans = 0;
        for (int row = 0; row < values.size(); row++) {
            if (!values.isNull(row)) {
                double value = numbers.applyAsDouble(row);
                nans += Double.isNaN(value) ? 1 : 0;
                sorted[n++] = value;
            }
        }
        if (n == 0) {
            return Findings.inconclusive(check(), Findings.noValues(table, values) + "; its quantiles are undefined");
        }
        if (nans > 0) {
            return Findings.fail(check(), null, "Column '" + column + "' holds " + nans
                    + " NaN values; its quantiles are undefined");
        }
        Arrays.sort(sorted);
        double observed = quantile(sorted, quantile);
        Outcome outcome = bounds.contains(observed) ? Outcome.PASS : Outcome.FAIL;
        return new Finding(check(), outcome, Findings.finite(observed), bounds.thresholdFor(observed), "The "
                + quantile + " quantile of '" + column + "' is " + observed + " over " + n + " values; required: "
                + bounds.describe());
    }

    /**
     * The q-quantile of sorted values by linear interpolation (Hyndman and Fan definition 7).
     *
     * @param sorted ascending values, at least one
     * @param q      in [0, 1]
     * @return the quantile
     */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int low = (int) Math.floor(h);
        if (low >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = h - low;
        double below = sorted[low];
        double above = sorted[low + 1];
        if (fraction == 0 || below == above || below == Double.NEGATIVE_INFINITY) {
            return below;
        }
        return above == Double.POSITIVE_INFINITY ? above : below + fraction * (above - below);
    }

    @Override
    public String toString() {
        return "QuantileBounds[" + column + " q=" + quantile + " " + bounds.describe() + "]";
    }
}
